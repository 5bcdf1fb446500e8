import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DescribeImagesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { createAwsClients } from '../../../src/aws/clientFactory';
import { SDK_LOGGER_MIDDLEWARE } from '../../../src/aws/sdkLogging';

/** The extension's EC2 clients do without the SDK's logger middleware (it copies every response for a no-op logger). */
describe('EC2 clients without the SDK logger middleware', () => {
  const names = (client: EC2Client) => client.middlewareStack.identify().map((line) => line.split(' - ')[0]);
  let dir: string;

  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ami-explorer-unit-'))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is the name the installed SDK registers, so removing it is not a silent no-op', () => {
    assert.ok(names(new EC2Client({ region: 'us-east-1' })).includes(SDK_LOGGER_MIDDLEWARE));
  });

  it('leaves it out of every EC2 client the extension creates, and the client still answers', async () => {
    const clients = createAwsClients({ kind: 'simulator', stateFile: path.join(dir, 'state.json'), pendingDelayMs: 0 });
    try {
      const ec2 = await clients.ec2('us-east-1');
      assert.ok(!names(ec2).includes(SDK_LOGGER_MIDDLEWARE), names(ec2).join(', '));
      const out = await ec2.send(new DescribeImagesCommand({ Owners: ['self'] }));
      assert.ok((out.Images ?? []).length > 0);
    } finally {
      clients.dispose();
    }
  });
});
