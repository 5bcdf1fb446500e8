import * as assert from 'assert';
import type { Image } from '@aws-sdk/client-ec2';
import { describeFilter, isEmptyFilter, matchesClientSide, toEc2Filters } from '../../../src/ec2/imageFilter';
import { describeImagesInput } from '../../../src/ec2/images';

describe('image filter → EC2 Filters', () => {
  it('maps name, architecture and Windows to server-side filters', () => {
    assert.deepStrictEqual(toEc2Filters({ namePattern: 'ubuntu', architecture: 'arm64', platform: 'windows' }), [
      { Name: 'name', Values: ['*ubuntu*'] },
      { Name: 'architecture', Values: ['arm64'] },
      { Name: 'platform', Values: ['windows'] },
    ]);
  });

  it('keeps explicit wildcards and ignores blank patterns', () => {
    assert.deepStrictEqual(toEc2Filters({ namePattern: 'al2023-ami-*' }), [{ Name: 'name', Values: ['al2023-ami-*'] }]);
    assert.deepStrictEqual(toEc2Filters({ namePattern: '   ' }), []);
    assert.ok(isEmptyFilter({ namePattern: '' }));
    assert.ok(!isEmptyFilter({ includeDeprecated: true }));
  });

  it('filters Linux/UNIX on the client, since EC2 only knows platform=windows', () => {
    assert.deepStrictEqual(toEc2Filters({ platform: 'linux' }), []);
    assert.ok(matchesClientSide({ platform: 'linux' }, { Platform: undefined }));
    assert.ok(!matchesClientSide({ platform: 'linux' }, { Platform: 'windows' } as unknown as Image));
  });

  it('maps the free-tier badge to EC2 and matches deprecation and launch badges on the client', () => {
    assert.deepStrictEqual(toEc2Filters({ badges: ['freeTier', 'deprecatedSoon'] }), [
      { Name: 'free-tier-eligible', Values: ['true'] },
    ]);
    const now = Date.parse('2026-11-30T00:00:00Z');
    const soon = { DeprecationTime: '2026-12-10T00:00:00Z', LastLaunchedTime: '2026-11-29T00:00:00Z' };
    assert.ok(matchesClientSide({ badges: ['deprecatedSoon', 'launchedRecently'] }, soon, now));
    assert.ok(!matchesClientSide({ badges: ['notLaunchedRecently'] }, soon, now));
    assert.ok(matchesClientSide({ badges: ['notLaunchedRecently'] }, {}, now), 'never launched');
    assert.ok(!matchesClientSide({ badges: ['deprecatedSoon'] }, { DeprecationTime: '2027-06-01T00:00:00Z' }, now));
    assert.ok(!isEmptyFilter({ badges: ['freeTier'] }));
    assert.strictEqual(describeFilter({ badges: ['freeTier'] }), 'free tier eligible');
  });

  it('builds one paged DescribeImages request per group and root-device type', () => {
    const input = describeImagesInput(
      {
        group: 'amazon',
        rootDeviceType: 'ebs',
        pageSize: 2000,
        accountId: '123456789012',
        filter: { includeDeprecated: true, architecture: 'x86_64' },
      },
      'tok',
    );
    assert.deepStrictEqual(input.Owners, ['amazon']);
    assert.deepStrictEqual(input.Filters, [
      { Name: 'root-device-type', Values: ['ebs'] },
      { Name: 'architecture', Values: ['x86_64'] },
    ]);
    assert.strictEqual(input.MaxResults, 1000, 'EC2 accepts at most 1000');
    assert.strictEqual(input.NextToken, 'tok');
    assert.strictEqual(input.IncludeDeprecated, true);
  });

  it('summarises the active filter for the group row', () => {
    assert.strictEqual(
      describeFilter({ namePattern: 'debian', architecture: 'arm64', platform: 'linux', includeDeprecated: true }),
      'name ~ *debian*, arm64, Linux/UNIX, incl. deprecated',
    );
    assert.strictEqual(describeFilter(undefined), '');
  });
});
