import * as assert from 'assert';
import {
  DescribeImagesCommand,
  DisableImageCommand,
  type DescribeImagesCommandInput,
  type EC2Client,
  type Image,
} from '@aws-sdk/client-ec2';
import { DEFAULT_SIMULATOR_ACCOUNT, PARTNER_SIMULATOR_ACCOUNT, PUBLIC_OWNERS } from '../../../src/simulator/accounts';
import type { Simulator } from '../../../src/simulator/simulator';
import { ec2, expectEc2Error, newSimulator } from './helpers';
import { imageNamed } from './imagesSupport';

const ME = DEFAULT_SIMULATOR_ACCOUNT.accountId;
const PARTNER = PARTNER_SIMULATOR_ACCOUNT.accountId;

describe('simulator DescribeImages', () => {
  let sim: Simulator;
  let client: EC2Client;
  const describe_ = async (input: DescribeImagesCommandInput): Promise<Image[]> =>
    (await client.send(new DescribeImagesCommand(input))).Images ?? [];
  const names = (images: Image[]) => images.map((i) => i.Name!).sort();

  beforeEach(() => {
    sim = newSimulator();
    client = ec2(sim);
  });

  it('renders every attribute of the SDK Image shape a user looks at', async () => {
    const image = await imageNamed(client, 'payments-api-encrypted-v3');
    assert.match(image.ImageId!, /^ami-[0-9a-f]{17}$/);
    assert.strictEqual(image.OwnerId, ME);
    assert.strictEqual(image.State, 'available');
    assert.strictEqual(image.Public, false);
    assert.strictEqual(image.Architecture, 'x86_64');
    assert.strictEqual(image.ImageType, 'machine');
    assert.strictEqual(image.RootDeviceType, 'ebs');
    assert.strictEqual(image.VirtualizationType, 'hvm');
    assert.strictEqual(image.Hypervisor, 'xen');
    assert.strictEqual(image.PlatformDetails, 'Linux/UNIX');
    assert.strictEqual(image.UsageOperation, 'RunInstances');
    assert.strictEqual(image.DeregistrationProtection, 'disabled');
    assert.ok(!Number.isNaN(Date.parse(image.CreationDate!)));
    const root = image.BlockDeviceMappings!.find((m) => m.DeviceName === image.RootDeviceName)!;
    assert.match(root.Ebs!.SnapshotId!, /^snap-[0-9a-f]{17}$/);
    assert.strictEqual(root.Ebs!.Encrypted, true);
    assert.match(root.Ebs!.KmsKeyId!, /^arn:aws:kms:/);
    assert.strictEqual(image.BlockDeviceMappings!.length, 2);
    assert.deepStrictEqual(
      image.Tags!.find((t) => t.Key === 'Compliance'),
      { Key: 'Compliance', Value: 'pci' },
    );

    const market = await imageNamed(client, 'nginx-plus-ubuntu-22.04-R35-*', ['aws-marketplace']);
    assert.strictEqual(market.ImageOwnerAlias, 'aws-marketplace');
    assert.strictEqual(market.ProductCodes![0].ProductCodeType, 'marketplace');
    assert.strictEqual(market.Public, true);

    const store = await imageNamed(client, 'batch-worker-instance-store-2025.10');
    assert.strictEqual(store.RootDeviceType, 'instance-store');
    assert.match(store.ImageLocation!, /\.manifest\.xml$/);
    assert.ok(store.BlockDeviceMappings!.some((m) => m.VirtualName === 'ephemeral0'));
  });

  it('shows the caller public images, its own and those shared with it, never others’ private ones', async () => {
    const all = await describe_({ IncludeDeprecated: true });
    for (const i of all) {
      assert.ok(i.OwnerId === ME || i.Public || i.OwnerId === PARTNER, `${i.Name} should not be visible`);
    }
    const partner = all
      .filter((i) => i.OwnerId === PARTNER)
      .map((i) => i.Name)
      .sort();
    assert.deepStrictEqual(partner, ['partner-hardened-ubuntu-24.04-arm64', 'partner-monitoring-agent-4.2']);
    const fromPartner = await describe_({ Owners: [PARTNER] });
    assert.strictEqual(fromPartner.length, 2);
    // The partner sees its private images and the image the default account shared with it.
    const partnerClient = ec2(sim, 'us-east-1', PARTNER_SIMULATOR_ACCOUNT);
    const partnerView = (await partnerClient.send(new DescribeImagesCommand({ Owners: ['self', ME] }))).Images!;
    assert.ok(partnerView.some((i) => i.Name === 'partner-internal-ci-runner'));
    assert.deepStrictEqual(
      partnerView
        .filter((i) => i.OwnerId === ME)
        .map((i) => i.Name)
        .sort(),
      ['ami-explorer-demo-public-arm64', 'ci-build-agent-2026.10'],
    );
  });

  it('selects by Owners: self, amazon, aws-marketplace and account ids', async () => {
    const self = await describe_({ Owners: ['self'] });
    assert.ok(self.length >= 6 && self.every((i) => i.OwnerId === ME));
    const amazon = await describe_({ Owners: ['amazon'] });
    assert.ok(amazon.length > 10 && amazon.every((i) => i.ImageOwnerAlias === 'amazon'));
    assert.ok(amazon.some((i) => i.OwnerId === PUBLIC_OWNERS.amazonWindows));
    const market = await describe_({ Owners: ['aws-marketplace'] });
    assert.ok(market.length > 0 && market.every((i) => i.OwnerId === PUBLIC_OWNERS.marketplace));
    const canonical = await describe_({ Owners: [PUBLIC_OWNERS.canonical] });
    assert.ok(canonical.length > 0 && canonical.every((i) => i.Name!.startsWith('ubuntu/')));
    const both = await describe_({ Owners: ['self', 'aws-marketplace'] });
    assert.strictEqual(both.length, self.length + market.length);
    await expectEc2Error(client.send(new DescribeImagesCommand({ Owners: ['12345'] })), 'InvalidUserID.Malformed', 400);
  });

  it('selects by ExecutableUsers: self (own and shared with me), all (public), another account (shared with it)', async () => {
    const self = await describe_({ ExecutableUsers: ['self'] });
    assert.ok(self.some((i) => i.Name === 'partner-monitoring-agent-4.2'));
    assert.ok(self.every((i) => i.OwnerId === ME || i.OwnerId === PARTNER));
    const all = await describe_({ ExecutableUsers: ['all'] });
    assert.ok(all.length > 50 && all.every((i) => i.Public));
    const sharedWithPartner = await describe_({ ExecutableUsers: [PARTNER], Owners: ['self'] });
    assert.deepStrictEqual(names(sharedWithPartner), ['ci-build-agent-2026.10']);
  });

  it('selects by ImageIds, answering NotFound for unknown or invisible ids and Malformed for bad ids', async () => {
    const [a, b] = await describe_({ Owners: ['self'] });
    const byIds = await describe_({ ImageIds: [a.ImageId!, b.ImageId!] });
    assert.deepStrictEqual(byIds.map((i) => i.ImageId).sort(), [a.ImageId, b.ImageId].sort());
    const err = await expectEc2Error(
      client.send(new DescribeImagesCommand({ ImageIds: ['ami-0123456789abcdef0'] })),
      'InvalidAMIID.NotFound',
      400,
    );
    assert.strictEqual(err.message, "The image id '[ami-0123456789abcdef0]' does not exist");
    // Every unknown id of the call is named, in EC2's plural form.
    const several = await expectEc2Error(
      client.send(
        new DescribeImagesCommand({ ImageIds: ['ami-0123456789abcdef0', a.ImageId!, 'ami-0123456789abcdef1'] }),
      ),
      'InvalidAMIID.NotFound',
    );
    assert.strictEqual(several.message, "The image ids '[ami-0123456789abcdef0, ami-0123456789abcdef1]' do not exist");
    await expectEc2Error(
      client.send(new DescribeImagesCommand({ ImageIds: ['ami-xyz'] })),
      'InvalidAMIID.Malformed',
      400,
    );
    await expectEc2Error(
      client.send(new DescribeImagesCommand({ ImageIds: ['i-0123456789abcdef0'] })),
      'InvalidAMIID.Malformed',
    );
    // The partner's private image exists but is not visible to the default account.
    const partnerClient = ec2(sim, 'us-east-1', PARTNER_SIMULATOR_ACCOUNT);
    const hidden = await imageNamed(partnerClient, 'partner-internal-ci-runner', ['self']);
    await expectEc2Error(
      client.send(new DescribeImagesCommand({ ImageIds: [hidden.ImageId!] })),
      'InvalidAMIID.NotFound',
    );
  });

  it('filters with * and ? wildcards, ORs the values of a filter and ANDs the filters', async () => {
    const arm = await describe_({
      Owners: ['amazon'],
      Filters: [
        { Name: 'name', Values: ['al2023-ami-2023.?.*'] },
        { Name: 'architecture', Values: ['arm64'] },
      ],
    });
    assert.ok(arm.length > 0);
    assert.ok(arm.every((i) => i.Architecture === 'arm64' && /^al2023-ami-2023\..\./.test(i.Name!)));
    assert.ok(!arm.some((i) => i.Name!.includes('minimal')));
    const either = await describe_({ Owners: ['self'], Filters: [{ Name: 'name', Values: ['web-*', 'legacy-*'] }] });
    assert.deepStrictEqual(names(either), ['legacy-app-2024.08', 'web-server-base-v7']);
    const exact = await describe_({ Filters: [{ Name: 'name', Values: ['web-server-base'] }] });
    assert.strictEqual(exact.length, 0, 'without a wildcard a value matches the whole name');
  });

  it('supports the documented filters', async () => {
    const check = async (name: string, value: string, test: (i: Image) => boolean, owners = ['self']) => {
      const out = await describe_({
        Owners: owners,
        IncludeDeprecated: true,
        Filters: [{ Name: name, Values: [value] }],
      });
      assert.ok(out.length > 0, `${name}=${value} matches something`);
      for (const i of out) assert.ok(test(i), `${name}=${value} matched ${i.Name}`);
    };
    await check('is-public', 'true', (i) => i.Public === true);
    await check('is-public', 'false', (i) => i.Public === false);
    await check('root-device-type', 'instance-store', (i) => i.RootDeviceType === 'instance-store');
    await check('platform', 'windows', (i) => (i.Platform as string) === 'windows');
    await check('state', 'available', (i) => i.State === 'available');
    await check('image-type', 'machine', (i) => i.ImageType === 'machine');
    await check('owner-id', ME, (i) => i.OwnerId === ME);
    await check('owner-alias', 'amazon', (i) => i.ImageOwnerAlias === 'amazon', ['amazon', 'self']);
    await check('virtualization-type', 'paravirtual', (i) => i.VirtualizationType === 'paravirtual', ['amazon']);
    await check('hypervisor', 'xen', (i) => i.Hypervisor === 'xen');
    await check('description', '*encrypted*', (i) => i.Description!.includes('encrypted'));
    await check('tag:Project', 'storefront', (i) =>
      i.Tags!.some((t) => t.Key === 'Project' && t.Value === 'storefront'),
    );
    await check('tag-key', 'Compliance', (i) => i.Tags!.some((t) => t.Key === 'Compliance'));
    await check('block-device-mapping.encrypted', 'true', (i) => i.BlockDeviceMappings!.some((m) => m.Ebs?.Encrypted));
    await check('block-device-mapping.volume-type', 'gp3', (i) =>
      i.BlockDeviceMappings!.some((m) => m.Ebs?.VolumeType === 'gp3'),
    );
    await check('block-device-mapping.volume-size', '50', (i) =>
      i.BlockDeviceMappings!.some((m) => m.Ebs?.VolumeSize === 50),
    );
    await check('block-device-mapping.device-name', '/dev/sdf', (i) =>
      i.BlockDeviceMappings!.some((m) => m.DeviceName === '/dev/sdf'),
    );
    await check('block-device-mapping.delete-on-termination', 'true', (i) =>
      i.BlockDeviceMappings!.some((m) => m.Ebs?.DeleteOnTermination),
    );
    await check('product-code.type', 'marketplace', (i) => i.ProductCodes!.length > 0, ['aws-marketplace']);
    await check('creation-date', '2026-*', (i) => i.CreationDate!.startsWith('2026-'));
    const web = await imageNamed(client, 'web-server-base-v7');
    const snap = web.BlockDeviceMappings![0].Ebs!.SnapshotId!;
    await check('block-device-mapping.snapshot-id', snap, (i) => i.ImageId === web.ImageId);
    await check('image-id', web.ImageId!, (i) => i.ImageId === web.ImageId);
    await check('root-device-name', '/dev/sda1', (i) => i.RootDeviceName === '/dev/sda1');
    const market = await imageNamed(client, 'nginx-plus-ubuntu-22.04-R35-*', ['aws-marketplace']);
    await check('product-code', market.ProductCodes![0].ProductCodeId!, (i) => i.Name!.startsWith('nginx-plus'), [
      'aws-marketplace',
    ]);
  });

  it('refuses an unknown filter name', async () => {
    const err = await expectEc2Error(
      client.send(new DescribeImagesCommand({ Filters: [{ Name: 'colour', Values: ['blue'] }] })),
      'InvalidParameterValue',
      400,
    );
    assert.match(err.message, /colour/);
  });

  it('hides deprecated images of others unless IncludeDeprecated or ImageIds; the owner always sees its own', async () => {
    const now = sim.clock.now();
    const deprecated = (i: Image) => i.DeprecationTime !== undefined && Date.parse(i.DeprecationTime) <= now;
    const byDefault = await describe_({});
    assert.ok(byDefault.filter(deprecated).every((i) => i.OwnerId === ME));
    assert.ok(
      byDefault.some((i) => i.Name === 'legacy-app-2024.08'),
      'own deprecated image listed',
    );
    const included = await describe_({ IncludeDeprecated: true });
    const old = included.filter((i) => deprecated(i) && i.OwnerId !== ME);
    assert.ok(old.length > 0);
    const byId = await describe_({ ImageIds: [old[0].ImageId!] });
    assert.strictEqual(byId.length, 1);
  });

  it('lists a disabled image only to its owner and only with IncludeDisabled', async () => {
    const web = await imageNamed(client, 'web-server-base-v7');
    await client.send(new DisableImageCommand({ ImageId: web.ImageId }));
    assert.ok(!(await describe_({ Owners: ['self'] })).some((i) => i.ImageId === web.ImageId));
    const withDisabled = await describe_({ Owners: ['self'], IncludeDisabled: true });
    assert.strictEqual(withDisabled.find((i) => i.ImageId === web.ImageId)?.State, 'disabled');
  });

  it('paginates with MaxResults and an opaque NextToken, each image exactly once', async () => {
    const everything = await describe_({});
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const out = await client.send(new DescribeImagesCommand({ MaxResults: 7, NextToken: token }));
      assert.ok(out.Images!.length <= 7);
      seen.push(...out.Images!.map((i) => i.ImageId!));
      token = out.NextToken;
      pages++;
    } while (token);
    assert.ok(pages > 2);
    assert.strictEqual(new Set(seen).size, seen.length, 'no duplicates');
    assert.deepStrictEqual([...seen].sort(), everything.map((i) => i.ImageId!).sort());
  });

  it('applies EC2 limits to MaxResults and NextToken', async () => {
    await expectEc2Error(client.send(new DescribeImagesCommand({ MaxResults: 4 })), 'InvalidParameterValue', 400);
    await expectEc2Error(client.send(new DescribeImagesCommand({ MaxResults: 1001 })), 'InvalidParameterValue');
    const [one] = await describe_({ Owners: ['self'] });
    await expectEc2Error(
      client.send(new DescribeImagesCommand({ MaxResults: 5, ImageIds: [one.ImageId!] })),
      'InvalidParameterCombination',
      400,
    );
    await expectEc2Error(client.send(new DescribeImagesCommand({ NextToken: 'not-a-token' })), 'InvalidNextToken', 400);
  });

  it('answers DryRunOperation for a valid request and still validates under DryRun', async () => {
    await expectEc2Error(client.send(new DescribeImagesCommand({ DryRun: true })), 'DryRunOperation', 412);
    await expectEc2Error(
      client.send(new DescribeImagesCommand({ DryRun: true, ImageIds: ['bad'] })),
      'InvalidAMIID.Malformed',
    );
  });

  it('keeps regions independent', async () => {
    const west = ec2(sim, 'us-west-2');
    const own = (await west.send(new DescribeImagesCommand({ Owners: ['self'] }))).Images!;
    assert.strictEqual(own.length, 0, 'the accounts own nothing in us-west-2');
    const eastId = (await imageNamed(client, 'web-server-base-v7')).ImageId!;
    await expectEc2Error(west.send(new DescribeImagesCommand({ ImageIds: [eastId] })), 'InvalidAMIID.NotFound');
  });
});
