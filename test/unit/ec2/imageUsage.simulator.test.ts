import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DescribeImagesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { createAwsClients, type AwsClients } from '../../../src/aws/clientFactory';
import { describeError } from '../../../src/aws/errors';
import { ancestryOf, derivedImagesOf } from '../../../src/ec2/imageLineage';
import { createImageInsights } from '../../../src/ec2/imageInsights';
import { loadImageUsage, readUsageViews, type UsageClients } from '../../../src/ec2/imageUsage';
import { inUseWarning, usageSummary } from '../../../src/shared/imageUsage';

/** "Used by" and lineage through real SDK clients answered by the simulator in process (seed: referenceSeed.ts). */
describe('image usage and lineage on the simulator', () => {
  let dir: string;
  let clients: AwsClients;
  let ec2: EC2Client;
  let usageClients: UsageClients;
  const explain = (e: unknown) => describeError(e, { backend: 'simulator' }).message;
  const owned = async (name: string) => {
    const out = await ec2.send(
      new DescribeImagesCommand({ Owners: ['self'], Filters: [{ Name: 'name', Values: [name] }] }),
    );
    const id = out.Images?.[0]?.ImageId;
    assert.ok(id, `the seed has ${name}`);
    return id;
  };

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ami-explorer-unit-'));
    clients = createAwsClients({ kind: 'simulator', stateFile: path.join(dir, 'state.json'), pendingDelayMs: 0 });
    ec2 = await clients.ec2('us-east-1');
    usageClients = { ec2, autoScaling: () => clients.service('autoScaling', 'us-east-1'), explain };
  });

  after(() => {
    clients.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('names the launch template versions and the Auto Scaling group that launch the web base', async () => {
    const webBase = await owned('web-server-base-v7');
    const usage = (await loadImageUsage(usageClients, [webBase])).get(webBase);
    assert.ok(usage);
    assert.deepStrictEqual(
      usage.launchTemplates.map((t) => [t.name, t.versions, t.defaultVersion]),
      [['web-server', [2], 2]],
    );
    assert.deepStrictEqual(
      usage.autoScalingGroups.map((g) => g.name),
      ['web-server-asg'],
    );
    assert.strictEqual(usageSummary(usage), '1 launch template (web-server v2 default), 1 Auto Scaling group');
    assert.strictEqual(
      inUseWarning(usage, 'deregistration'),
      '1 launch template and 1 Auto Scaling group still launch this AMI: they will fail to launch after deregistration.',
    );
  });

  it('leaves out the group when it launches another version of the same template', async () => {
    const legacy = await owned('legacy-app-2024.08');
    const usage = (await loadImageUsage(usageClients, [legacy])).get(legacy);
    assert.deepStrictEqual(
      usage?.launchTemplates.map((t) => t.versions),
      [[1]],
    );
    assert.deepStrictEqual(usage?.autoScalingGroups, [], 'web-server-asg launches $Default = v2, not v1');
  });

  it('keeps the template references and says so when Auto Scaling is not available', async () => {
    const webBase = await owned('web-server-base-v7');
    const unsupported = Object.assign(
      new Error('The action DescribeAutoScalingGroups is not valid for this web service.'),
      {
        name: 'InvalidAction',
      },
    );
    const usage = (
      await loadImageUsage({ ...usageClients, autoScaling: () => Promise.reject(unsupported) }, [webBase])
    ).get(webBase);
    assert.strictEqual(usage?.launchTemplates.length, 1);
    assert.deepStrictEqual(usage?.notices, [
      'Auto Scaling groups could not be read: This endpoint does not support DescribeAutoScalingGroups.',
    ]);
  });

  it('degrades to one reason per image when DescribeImageReferences is not supported', async () => {
    const webBase = await owned('web-server-base-v7');
    // A real client (the paginator checks its class) whose every call fails as such an endpoint answers.
    const failing = Object.assign(new EC2Client({ region: 'us-east-1' }), {
      send: () =>
        Promise.reject(
          Object.assign(new Error('The action DescribeImageReferences is not valid for this web service.'), {
            name: 'InvalidAction',
          }),
        ),
    });
    const views = await readUsageViews({ ...usageClients, ec2: failing }, [webBase]);
    assert.deepStrictEqual(views.get(webBase), {
      available: false,
      reason: 'This endpoint does not support DescribeImageReferences.',
    });
  });

  it('lists the images built from the web base, transitively, and stops at the depth asked', async () => {
    const webBase = await owned('web-server-base-v7');
    const [v7, v71] = [await owned('hardened-web-server-v7'), await owned('hardened-web-server-v7.1')];
    const all = await derivedImagesOf(ec2, 'us-east-1', webBase, Date.now());
    assert.deepStrictEqual(
      all.images.map((i) => [i.imageId, i.sourceImageId, i.depth]),
      [
        [v7, webBase, 1],
        [v71, v7, 2],
      ],
    );
    assert.strictEqual(all.truncated, false);
    const one = await derivedImagesOf(ec2, 'us-east-1', webBase, Date.now(), 1);
    assert.deepStrictEqual(
      one.images.map((i) => i.imageId),
      [v7],
    );
    assert.strictEqual(one.truncated, true);
  });

  it('walks the chain to the Amazon root with each entry in its region', async () => {
    const v71 = await owned('hardened-web-server-v7.1');
    const chain = await ancestryOf(ec2, 'us-east-1', v71);
    assert.strictEqual(chain.length, 4);
    assert.ok(chain.every((e) => e.region === 'us-east-1' && e.creationDate));
    assert.strictEqual(chain.at(-1)?.ownerAlias, 'amazon');
  });

  it('insights: lineage degrades per part on an endpoint without GetImageAncestry', async () => {
    const webBase = await owned('web-server-base-v7');
    const noAncestry = Object.assign(new EC2Client({ region: 'us-east-1' }), {
      send: (command: { constructor: { name: string } }) =>
        command.constructor.name === 'GetImageAncestryCommand'
          ? Promise.reject(
              Object.assign(new Error('The action GetImageAncestry is not valid for this web service.'), {
                name: 'InvalidAction',
              }),
            )
          : ec2.send(command as never),
    });
    const insights = createImageInsights({
      ec2: async () => noAncestry,
      autoScaling: () => clients.service('autoScaling', 'us-east-1'),
      explain,
      now: () => Date.now(),
    });
    const lineage = await insights.lineage('us-east-1', webBase);
    assert.deepStrictEqual(lineage.ancestry, {
      available: false,
      reason: 'This endpoint does not support GetImageAncestry.',
    });
    assert.ok(lineage.derived.available && lineage.derived.items.length === 2, 'derived images still listed');
    assert.strictEqual(insights.known('us-east-1', webBase), undefined, 'nothing read, nothing known');
    await insights.usage('us-east-1', [webBase]);
    assert.ok(insights.known('us-east-1', webBase)?.available, 'a read usage is remembered for tooltips');
  });
});
