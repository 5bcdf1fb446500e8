import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DescribeImagesCommand, type EC2Client } from '@aws-sdk/client-ec2';
import { CallLimiter } from '../../../src/aws/callLimiter';
import { createAwsClients, type AwsClients } from '../../../src/aws/clientFactory';
import {
  autoScalingGroupsOfLaunchTemplates,
  describeImageReferences,
  imageAncestry,
  launchTemplateIdOf,
  MAX_IMAGE_IDS_PER_REFERENCE_CALL,
  REFERENCE_CALLS_IN_FLIGHT,
} from '../../../src/ec2/imageReferences';

/** Who uses an AMI and what it comes from, through real SDK clients answered by the simulator in process. */
describe('image references and ancestry on the simulator', () => {
  let dir: string;
  let clients: AwsClients;
  let ec2: EC2Client;
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
  });

  after(() => {
    clients.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('finds the launch templates that use an image, and the Auto Scaling group behind them', async () => {
    const webBase = await owned('web-server-base-v7');
    const references = (await describeImageReferences(ec2, [webBase])).get(webBase) ?? [];
    const templateIds = references
      .filter((r) => r.ResourceType === 'ec2:LaunchTemplate')
      .map((r) => launchTemplateIdOf(r.Arn))
      .filter((id): id is string => !!id);
    assert.ok(templateIds.length > 0, JSON.stringify(references));
    const groups = await autoScalingGroupsOfLaunchTemplates(
      await clients.service('autoScaling', 'us-east-1'),
      templateIds,
    );
    assert.ok([...groups.values()].flat().length > 0, 'the seeded group launches web-server');
  });

  it('asks about more images than one call takes, and maps each to its own references', async () => {
    const out = await ec2.send(new DescribeImagesCommand({ Owners: ['self', 'amazon'], MaxResults: 20 }));
    const ids = (out.Images ?? []).map((i) => i.ImageId!).slice(0, MAX_IMAGE_IDS_PER_REFERENCE_CALL + 3);
    assert.ok(ids.length > MAX_IMAGE_IDS_PER_REFERENCE_CALL, 'enough images for two calls');
    const byImage = await describeImageReferences(ec2, ids);
    assert.deepStrictEqual([...byImage.keys()].sort(), [...ids].sort());
    for (const [id, references] of byImage) assert.ok(references.every((r) => r.ImageId === id));
  });

  it('keeps several calls in flight for many images, within the bound, and still maps every image', async () => {
    const out = await ec2.send(new DescribeImagesCommand({ Owners: ['amazon'], MaxResults: 200 }));
    const ids = (out.Images ?? []).map((i) => i.ImageId!);
    const calls = Math.ceil(ids.length / MAX_IMAGE_IDS_PER_REFERENCE_CALL);
    assert.ok(calls > REFERENCE_CALLS_IN_FLIGHT, `enough images for ${REFERENCE_CALLS_IN_FLIGHT + 1} calls`);
    const limiter = new CallLimiter(100);
    const counted = createAwsClients(
      { kind: 'simulator', stateFile: path.join(dir, 'counted.json'), pendingDelayMs: 0 },
      undefined,
      limiter,
    );
    try {
      const byImage = await describeImageReferences(await counted.ec2('us-east-1'), ids);
      assert.deepStrictEqual([...byImage.keys()], ids, 'every image, in the order asked');
      assert.strictEqual(limiter.peak, REFERENCE_CALLS_IN_FLIGHT, 'one after the other was 1');
    } finally {
      counted.dispose();
    }
  });

  it('walks a copied image back to the Amazon image it was built from', async () => {
    const copy = await owned('hardened-web-server-v7.1');
    const chain = await imageAncestry(ec2, copy);
    assert.strictEqual(chain[0]?.ImageId, copy);
    assert.ok(chain.length >= 3, JSON.stringify(chain));
    assert.strictEqual(chain.at(-1)?.ImageOwnerAlias, 'amazon');
  });

  it('reads the launch template id from its ARN only', () => {
    assert.strictEqual(
      launchTemplateIdOf('arn:aws:ec2:us-east-1:123456789012:launch-template/lt-0abc123def4567890'),
      'lt-0abc123def4567890',
    );
    assert.strictEqual(launchTemplateIdOf('arn:aws:ec2:us-east-1:123456789012:instance/i-0abc'), undefined);
  });
});
