import * as assert from 'assert';
import { endpointBackend } from '../../../src/aws/endpointBackend';

describe('endpointBackend: the backend of a custom endpoint, for the main connection and added ones', () => {
  const endpoint = { url: 'http://127.0.0.1:4566', region: 'eu-west-1', profile: '', accessKeyId: 'AKIATEST' };
  const shared = { httpProxy: 'http://proxy:3128' };

  it('signs with the access key id and the stored secret, read only when a call needs it', async () => {
    let reads = 0;
    const backend = endpointBackend(
      endpoint,
      async () => {
        reads++;
        return 'the-secret';
      },
      shared,
    );
    assert.deepStrictEqual(
      { ...backend, accessKey: typeof backend.accessKey },
      {
        kind: 'aws',
        profile: undefined,
        stsRegion: 'eu-west-1',
        endpointUrl: 'http://127.0.0.1:4566',
        accessKey: 'function',
        httpProxy: 'http://proxy:3128',
      },
    );
    assert.strictEqual(reads, 0);
    assert.deepStrictEqual(await backend.accessKey!(), { accessKeyId: 'AKIATEST', secretAccessKey: 'the-secret' });
    assert.strictEqual(reads, 1);
  });

  it('signs with an empty secret when none is stored, and with the profile when one is named', async () => {
    const noSecret = endpointBackend(endpoint, async () => undefined, shared);
    assert.deepStrictEqual(await noSecret.accessKey!(), { accessKeyId: 'AKIATEST', secretAccessKey: '' });
    const withProfile = endpointBackend({ ...endpoint, profile: 'localstack' }, async () => 'unused', shared);
    assert.strictEqual(withProfile.profile, 'localstack');
    assert.strictEqual(withProfile.accessKey, undefined);
  });
});
