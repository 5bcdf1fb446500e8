import * as assert from 'assert';
import {
  CopyImageCommand,
  CreateTagsCommand,
  DescribeImageAttributeCommand,
  DescribeImagesCommand,
  DescribeTagsCommand,
  ModifyImageAttributeCommand,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import { DEFAULT_SIMULATOR_ACCOUNT } from '../../../src/simulator/accounts';
import { compileWildcard } from '../../../src/simulator/models/filters';
import type { Simulator } from '../../../src/simulator/simulator';
import { ec2, expectEc2Error, newSimulator } from './helpers';
import { imageNamed } from './imagesSupport';
import { assertWellFormedXml, ec2ErrorCode } from './xmlCheck';

const AUTH = `AWS4-HMAC-SHA256 Credential=${DEFAULT_SIMULATOR_ACCOUNT.accessKeyId}/20260101/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=00ff`;

/** One raw Query request answered in process: what no SDK would send. */
function send(sim: Simulator, body: string): { status: number; body: string } {
  const answer = sim.handleSync({ method: 'POST', headers: { authorization: AUTH }, body });
  return { status: answer.status, body: answer.body.toString('utf8') };
}

/** The reference semantics of an EC2 wildcard, as a regex (fine for the short strings below). */
function referenceMatch(pattern: string, value: string): boolean {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) source += `\\u${pattern.charCodeAt(++i).toString(16).padStart(4, '0')}`;
    else if (c === '*') source += '[\\s\\S]*';
    else if (c === '?') source += '[\\s\\S]';
    else source += `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  }
  return new RegExp(`^${source}$`).test(value);
}

describe('simulator robustness', () => {
  let sim: Simulator;
  let client: EC2Client;

  beforeEach(() => {
    sim = newSimulator();
    client = ec2(sim);
  });

  describe('wildcard filter values', () => {
    it('match exactly as EC2 wildcards do, on thousands of random patterns', () => {
      // A deterministic generator over a tiny alphabet, so that patterns and values often meet.
      let seed = 12345;
      const next = (n: number) => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
      const pick = (alphabet: string, max: number) =>
        Array.from({ length: next(max + 1) }, () => alphabet[next(alphabet.length)]).join('');
      for (let round = 0; round < 5000; round++) {
        const pattern = pick('ab*?\\', 7);
        const value = pick('ab*?\\', 8);
        assert.strictEqual(
          compileWildcard(pattern)(value),
          referenceMatch(pattern, value),
          `pattern ${JSON.stringify(pattern)} on ${JSON.stringify(value)}`,
        );
      }
    });

    it('match pathological patterns at once (a backtracking regex took seconds on these)', () => {
      // Long enough that the old regex needed seconds, short enough that it did finish.
      const value = 'a'.repeat(100);
      const started = Date.now();
      for (const pattern of ['*?*?*?*?*~', '*a*a*a*a*b']) {
        assert.strictEqual(compileWildcard(pattern)(value), false, pattern);
      }
      assert.ok(Date.now() - started < 200, `took ${Date.now() - started} ms`);
    });

    it('answer a DescribeImages with a pathological filter at once, and the tree’s name filter too', async () => {
      const started = Date.now();
      for (const pattern of ['*?*?*?*?*?*~', '*a*a*a*a*a*b']) {
        const out = await client.send(
          new DescribeImagesCommand({ Owners: ['amazon'], Filters: [{ Name: 'name', Values: [pattern] }] }),
        );
        assert.deepStrictEqual(out.Images, []);
      }
      assert.ok(Date.now() - started < 1000, `two describes took ${Date.now() - started} ms`);
    });
  });

  describe('per-request limits', () => {
    it('refuses more than 200 filter values in one call with FilterLimitExceeded', async () => {
      const values = Array.from({ length: 101 }, (_, i) => `name-${i}`);
      const e = await expectEc2Error(
        client.send(
          new DescribeImagesCommand({
            Filters: [
              { Name: 'name', Values: values },
              { Name: 'description', Values: values },
            ],
          }),
        ),
        'FilterLimitExceeded',
        400,
      );
      assert.match(e.message, /200/);
      // 200 exactly is fine.
      await client.send(
        new DescribeImagesCommand({
          Filters: [
            { Name: 'name', Values: values.slice(0, 100) },
            { Name: 'description', Values: values.slice(1) },
          ],
        }),
      );
    });

    it('refuses a filter value longer than 255 characters', async () => {
      await expectEc2Error(
        client.send(new DescribeImagesCommand({ Filters: [{ Name: 'name', Values: ['*'.repeat(256)] }] })),
        'FilterLimitExceeded',
      );
      await expectEc2Error(
        client.send(new DescribeTagsCommand({ Filters: [{ Name: 'value', Values: ['x'.repeat(256)] }] })),
        'FilterLimitExceeded',
      );
    });

    it('refuses more than 1000 ids in one list', async () => {
      const ids = Array.from({ length: 1001 }, (_, i) => `ami-${i.toString(16).padStart(17, '0')}`);
      await expectEc2Error(client.send(new DescribeImagesCommand({ ImageIds: ids })), 'InvalidParameterValue', 400);
    });

    it('refuses a ModifyImageAttribute adding more than 1000 launch permissions, and shares nothing', async () => {
      const image = await imageNamed(client, 'payments-api-encrypted-v3');
      const add = Array.from({ length: 1001 }, (_, i) => ({ UserId: String(100000000000 + i) }));
      await expectEc2Error(
        client.send(new ModifyImageAttributeCommand({ ImageId: image.ImageId, LaunchPermission: { Add: add } })),
        'InvalidParameterValue',
        400,
      );
      const out = await client.send(
        new DescribeImageAttributeCommand({ ImageId: image.ImageId, Attribute: 'launchPermission' }),
      );
      assert.deepStrictEqual(out.LaunchPermissions, []);
    });

    it('caps descriptions at 255 characters in ModifyImageAttribute and CopyImage, as in CreateImage', async () => {
      const image = await imageNamed(client, 'payments-api-encrypted-v3');
      const long = 'd'.repeat(256);
      await expectEc2Error(
        client.send(new ModifyImageAttributeCommand({ ImageId: image.ImageId, Description: { Value: long } })),
        'InvalidParameterValue',
      );
      await expectEc2Error(
        client.send(new ModifyImageAttributeCommand({ ImageId: image.ImageId, Attribute: 'description', Value: long })),
        'InvalidParameterValue',
      );
      await expectEc2Error(
        client.send(
          new CopyImageCommand({
            SourceImageId: image.ImageId,
            SourceRegion: 'us-east-1',
            Name: 'c',
            Description: long,
          }),
        ),
        'InvalidParameterValue',
      );
      await client.send(
        new ModifyImageAttributeCommand({ ImageId: image.ImageId, Description: { Value: 'd'.repeat(255) } }),
      );
    });
  });

  describe('characters XML cannot carry', () => {
    it('are refused in a description or a tag, so no later answer breaks', async () => {
      const image = await imageNamed(client, 'payments-api-encrypted-v3');
      await expectEc2Error(
        client.send(new ModifyImageAttributeCommand({ ImageId: image.ImageId, Description: { Value: 'a\u0001b' } })),
        'InvalidParameterValue',
        400,
      );
      await expectEc2Error(
        client.send(new CreateTagsCommand({ Resources: [image.ImageId!], Tags: [{ Key: 'k', Value: 'v\u0001' }] })),
        'InvalidParameterValue',
        400,
      );
      await expectEc2Error(
        client.send(
          new CopyImageCommand({ SourceImageId: image.ImageId, SourceRegion: 'us-east-1', Name: 'bad\u0000name' }),
        ),
        'InvalidParameterValue',
      );
      // Tabs and line breaks are XML characters and stay allowed.
      await client.send(new CreateTagsCommand({ Resources: [image.ImageId!], Tags: [{ Key: 'k', Value: 'a\tb\nc' }] }));
      const raw = send(sim, 'Action=DescribeImages&Owner.1=self');
      assert.strictEqual(raw.status, 200);
      assertWellFormedXml(raw.body);
      const out = await client.send(new DescribeImagesCommand({ ImageIds: [image.ImageId!] }));
      assert.strictEqual(out.Images?.[0].Description, image.Description, 'the description did not change');
    });

    it('are never echoed: an id or an Action with control characters gets a well-formed error', () => {
      const cases = [
        'Action=DescribeImages&ImageId.1=ami-%1B%5B31m',
        'Action=Describe%00Images',
        'Action=DescribeImages&Filter.1.Name=%01&Filter.1.Value.1=x',
        'Action=%EF%BF%BEx',
        'Action=DescribeImages&%08=1',
      ];
      for (const body of cases) {
        const answer = send(sim, body);
        assert.strictEqual(answer.status, 400, body);
        assert.strictEqual(ec2ErrorCode(answer.body, body), 'InvalidParameterValue', body);
      }
    });

    it('do not reach an answer through the access key of the Authorization header', () => {
      const answer = sim.handleSync({
        method: 'POST',
        headers: { authorization: AUTH.replace('Credential=', 'Credential=\u0001\u001b[31m') },
        body: 'Action=DescribeRegions',
      });
      assertWellFormedXml(answer.body.toString('utf8'));
    });
  });
});
