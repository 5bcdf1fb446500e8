import * as assert from 'assert';
import {
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeSnapshotsCommand,
  RunInstancesCommand,
  type Image,
} from '@aws-sdk/client-ec2';
import { PARTNER_SIMULATOR_ACCOUNT, PUBLIC_OWNERS } from '../../../src/simulator/accounts';
import type { ImageRecord } from '../../../src/simulator/models/types';
import { SIMULATOR_REGIONS } from '../../../src/simulator/regions';
import { catalogBuildCount, forgetStandardCatalogs, standardImages } from '../../../src/simulator/seed/catalog';
import {
  createPublicCatalog,
  createSeedState,
  INSTANCE_IMAGE_PICKS,
  pickCatalogImages,
  SEEDED_ACCOUNT_REGIONS,
} from '../../../src/simulator/seed/seed';
import { ec2, newSimulator } from './helpers';

const NOW = Date.UTC(2026, 10, 1, 12);
const STANDARD = { largeRegion: 'us-east-1', publicImagesInLargeRegion: 0 };
const ME = '123456789012';
const PARTNER = PARTNER_SIMULATOR_ACCOUNT.accountId;

function catalog(region: string): readonly ImageRecord[] {
  return createPublicCatalog(region, STANDARD, NOW);
}

describe('simulator seed', () => {
  describe('public catalog', () => {
    it('is deterministic: the same images, ids and names on every run', () => {
      assert.deepStrictEqual(catalog('eu-west-1'), catalog('eu-west-1'));
      // Not tied to the clock: an image keeps its identity across restarts on other days.
      assert.deepStrictEqual(
        catalog('eu-west-1').map((i) => [i.imageId, i.name]),
        createPublicCatalog('eu-west-1', STANDARD, NOW + 40 * 86_400_000).map((i) => [i.imageId, i.name]),
      );
    });

    it('differs per region, at real sizes per owner, with region-unique ids', () => {
      const sizes = SIMULATOR_REGIONS.map((r) => catalog(r).length);
      assert.ok(new Set(sizes).size > 3, 'sizes vary per region');
      for (const region of ['us-east-1', 'ap-southeast-1']) {
        const count = (alias: string | undefined) => catalog(region).filter((i) => i.imageOwnerAlias === alias).length;
        assert.ok(count('amazon') >= 1000, `Amazon images in ${region}: ${count('amazon')}`);
        assert.ok(count('aws-marketplace') >= 100, `Marketplace images in ${region}: ${count('aws-marketplace')}`);
        assert.ok(count(undefined) >= 1500, `community and partner images in ${region}: ${count(undefined)}`);
      }
      const east = new Set(catalog('us-east-1').map((i) => i.imageId));
      assert.ok(
        catalog('us-west-2').every((i) => !east.has(i.imageId)),
        'AMI ids are regional',
      );
      for (const region of SIMULATOR_REGIONS) {
        for (const image of catalog(region)) assert.match(image.imageId, /^ami-[0-9a-f]{17}$/);
      }
    });

    it('keeps two years of biweekly Amazon Linux 2023 builds per architecture, newest first by date', () => {
      for (const arch of ['x86_64', 'arm64']) {
        const series = catalog('us-east-1')
          .filter((i) => new RegExp(`^al2023-ami-2023\\.\\d\\.\\d{8}\\.0-kernel-6\\.1-${arch}$`).test(i.name))
          .map((i) => i.creationDate)
          .sort((a, b) => b - a);
        assert.ok(series.length >= 48, `${arch}: ${series.length} builds`);
        const spanDays = (series[0] - series[series.length - 1]) / 86_400_000;
        assert.ok(spanDays > 600 && spanDays < 800, `${arch}: ${Math.round(spanDays)} days of builds`);
        const gaps = series.slice(1).map((t, k) => (series[k] - t) / 86_400_000);
        assert.ok(
          gaps.every((g) => g >= 10 && g <= 20),
          `${arch}: about two weeks between builds`,
        );
      }
    });

    it('has the distributions with their real owners, platform details and usage operations', () => {
      const images = catalog('us-east-1');
      const find = (prefix: string) => images.find((i) => i.name.startsWith(prefix));
      const al2023 = find('al2023-ami-2023')!;
      assert.strictEqual(al2023.ownerId, PUBLIC_OWNERS.amazon);
      assert.strictEqual(al2023.imageOwnerAlias, 'amazon');
      assert.ok(find('amzn2-ami-kernel-5.10-hvm'));
      const win = find('Windows_Server-2022-English-Full-Base')!;
      assert.strictEqual(win.ownerId, PUBLIC_OWNERS.amazonWindows);
      assert.strictEqual(win.platform, 'windows');
      assert.strictEqual(win.platformDetails, 'Windows');
      assert.strictEqual(win.usageOperation, 'RunInstances:0002');
      for (const v of ['2016', '2019', '2022', '2025']) assert.ok(find(`Windows_Server-${v}-`), `Windows ${v}`);
      for (const code of ['focal-20.04', 'jammy-22.04', 'noble-24.04']) {
        const ubuntu = images.find((i) => i.name.includes(`ubuntu-${code}`))!;
        assert.strictEqual(ubuntu.ownerId, PUBLIC_OWNERS.canonical);
        assert.strictEqual(ubuntu.imageOwnerAlias, undefined);
      }
      assert.ok(find('debian-11-') && find('debian-12-'));
      const rhel = find('RHEL-9')!;
      assert.strictEqual(rhel.platformDetails, 'Red Hat Enterprise Linux');
      assert.strictEqual(rhel.usageOperation, 'RunInstances:0010');
      assert.ok(find('RHEL-8'));
      const sles = find('suse-sles-15')!;
      assert.strictEqual(sles.ownerId, PUBLIC_OWNERS.suse);
      assert.strictEqual(sles.usageOperation, 'RunInstances:000g');
      assert.strictEqual(sles.platformDetails, 'SUSE Linux');
    });

    it('covers architectures, virtualization and root device types as the real catalog does', () => {
      const images = catalog('us-east-1');
      for (const arch of ['x86_64', 'arm64', 'i386'])
        assert.ok(
          images.some((i) => i.architecture === arch),
          arch,
        );
      const pv = images.filter((i) => i.virtualizationType === 'paravirtual');
      assert.ok(pv.length > 0);
      for (const image of pv) assert.match(image.kernelId ?? '', /^aki-[0-9a-f]{8}$/);
      const store = images.filter((i) => i.rootDeviceType === 'instance-store');
      assert.ok(store.length > 0);
      for (const image of store) {
        assert.match(image.imageLocation, /^amzn-ami-us-east-1\/.+\.manifest\.xml$/);
        assert.strictEqual(image.rootDeviceName, '/dev/sda1');
        assert.ok(image.blockDeviceMappings.every((m) => m.virtualName?.startsWith('ephemeral') && !m.ebs));
      }
      const ebs = images.filter((i) => i.rootDeviceType === 'ebs');
      for (const image of ebs) {
        const root = image.blockDeviceMappings.find((m) => m.deviceName === image.rootDeviceName)!;
        assert.ok(root?.ebs, `${image.name} has an EBS root mapping`);
        assert.match(root.ebs.snapshotId!, /^snap-[0-9a-f]{17}$/);
        assert.strictEqual(root.ebs.encrypted, false);
        assert.ok(root.ebs.volumeSize >= 2 && root.ebs.volumeSize <= 200);
      }
      assert.ok(ebs.some((i) => i.blockDeviceMappings[0].ebs?.volumeType === 'gp3'));
      assert.ok(ebs.some((i) => i.blockDeviceMappings[0].ebs?.volumeType === 'gp2'));
      assert.ok(images.some((i) => i.bootMode === 'uefi-preferred' && i.imdsSupport === 'v2.0'));
      assert.ok(images.some((i) => i.tpmSupport === 'v2.0'));
    });

    it('has Marketplace images with product codes, community images, deprecated and soon-deprecated ones', () => {
      const images = catalog('us-east-1');
      const market = images.filter((i) => i.imageOwnerAlias === 'aws-marketplace');
      assert.ok(market.length >= 5);
      for (const image of market) {
        assert.strictEqual(image.ownerId, PUBLIC_OWNERS.marketplace);
        assert.strictEqual(image.productCodes[0].productCodeType, 'marketplace');
        assert.match(image.productCodes[0].productCodeId, /^[a-z0-9]{25}$/);
      }
      const known = new Set<string>(Object.values(PUBLIC_OWNERS));
      assert.ok(images.filter((i) => !known.has(i.ownerId)).length >= 5, 'community images from other owners');
      assert.ok(images.filter((i) => (i.deprecationTime ?? Infinity) < NOW).length >= 3, 'deprecated images');
      assert.ok(
        images.some((i) => (i.deprecationTime ?? 0) > NOW),
        'images deprecated in the future',
      );
      assert.ok(
        images.every((i) => i.launchPermissions.some((p) => p.group === 'all')),
        'all public',
      );
    });

    // How fast it is built is measured by `npm run bench`, not asserted here.
    it('scales one region to 100,000 images with unique ids', function () {
      this.timeout(30_000);
      const big = createPublicCatalog(
        'us-east-1',
        { largeRegion: 'us-east-1', publicImagesInLargeRegion: 100_000 },
        NOW,
      );
      assert.strictEqual(big.length, 100_000);
      assert.strictEqual(new Set(big.map((i) => i.imageId)).size, 100_000);
      // The standard images keep their ids, so seeded instances still point at them.
      assert.deepStrictEqual(
        big.slice(0, 20).map((i) => i.imageId),
        catalog('us-east-1')
          .slice(0, 20)
          .map((i) => i.imageId),
      );
      assert.strictEqual(
        createPublicCatalog('eu-west-1', { largeRegion: 'us-east-1', publicImagesInLargeRegion: 100_000 }, NOW).length,
        catalog('eu-west-1').length,
      );
    });

    it('is read-only: shared permission lists cannot be changed by accident', () => {
      const image = catalog('us-east-1')[0];
      assert.throws(() => image.launchPermissions.push({ userId: ME }), TypeError);
    });
  });

  describe('seed state', () => {
    it('is deterministic and has every region', () => {
      const a = createSeedState(STANDARD, NOW);
      assert.deepStrictEqual(a, createSeedState(STANDARD, NOW));
      assert.strictEqual(a.version, 1);
      assert.deepStrictEqual(Object.keys(a.regions).sort(), [...SIMULATOR_REGIONS].sort());
      assert.deepStrictEqual(a.regions['us-west-1'].images, {});
      assert.deepStrictEqual(JSON.parse(JSON.stringify(a)), a, 'plain JSON');
    });

    for (const region of SEEDED_ACCOUNT_REGIONS.slice(0, 2)) {
      it(`gives the default account the images a user needs to try every feature in ${region}`, () => {
        const state = createSeedState(STANDARD, NOW).regions[region];
        const mine = Object.values(state.images).filter((i) => i.ownerId === ME);
        const has = (what: string, test: (i: ImageRecord) => boolean) => assert.ok(mine.some(test), what);
        has('private', (i) => i.launchPermissions.length === 0);
        has('shared with the partner', (i) => i.launchPermissions.some((p) => p.userId === PARTNER));
        has('public', (i) => i.launchPermissions.some((p) => p.group === 'all'));
        has('encrypted', (i) =>
          i.blockDeviceMappings.some(
            (m) => m.ebs?.encrypted && m.ebs.kmsKeyId?.startsWith(`arn:aws:kms:${region}:${ME}:key/`),
          ),
        );
        has('deprecated', (i) => (i.deprecationTime ?? Infinity) < NOW);
        has('instance-store', (i) => i.rootDeviceType === 'instance-store' && /\.manifest\.xml$/.test(i.imageLocation));
        // Every EBS mapping of an owned image has its snapshot, owned by the same account.
        for (const image of Object.values(state.images)) {
          for (const m of image.blockDeviceMappings) {
            if (!m.ebs) continue;
            assert.strictEqual(
              state.snapshots[m.ebs.snapshotId!]?.ownerId,
              image.ownerId,
              `${image.name} ${m.deviceName}`,
            );
          }
        }
        const partner = Object.values(state.images).filter((i) => i.ownerId === PARTNER);
        assert.ok(partner.filter((i) => i.launchPermissions.some((p) => p.userId === ME)).length >= 2);
        assert.ok(partner.filter((i) => i.launchPermissions.length === 0).length >= 2);
      });
    }

    it('runs its instances on the newest matching images of the full catalog, without building any catalog', () => {
      for (const region of SEEDED_ACCOUNT_REGIONS) {
        const picks = pickCatalogImages(region);
        const full = standardImages(region);
        for (const [key, test] of Object.entries(INSTANCE_IMAGE_PICKS)) {
          const newest = full
            .filter((i) => test({ name: i.name, arch: i.architecture, ownerId: i.ownerId }))
            .sort((a, b) => b.creationDate - a.creationDate)[0];
          assert.deepStrictEqual(picks[key as keyof typeof picks], newest, `${region} ${key}`);
        }
        const state = createSeedState(STANDARD, NOW).regions[region];
        const known = new Set([...full.map((i) => i.imageId), ...Object.keys(state.images)]);
        for (const instance of Object.values(state.instances)) {
          assert.ok(known.has(instance.imageId), `${region} ${instance.instanceId} runs ${instance.imageId}`);
        }
      }
      forgetStandardCatalogs();
      const seeding = catalogBuildCount();
      createSeedState(STANDARD, NOW);
      assert.strictEqual(catalogBuildCount(), seeding, 'seeding built a region catalog');
    });

    it('leaves an orphan snapshot that no AMI uses', () => {
      const state = createSeedState(STANDARD, NOW).regions['us-east-1'];
      const used = new Set(
        Object.values(state.images).flatMap((i) => i.blockDeviceMappings.map((m) => m.ebs?.snapshotId)),
      );
      const orphans = Object.values(state.snapshots).filter((s) => s.ownerId === ME && !used.has(s.snapshotId));
      assert.ok(
        orphans.some((s) => /^Created by CreateImage\(i-[0-9a-f]{17}\) for ami-[0-9a-f]{17}$/.test(s.description)),
      );
    });
  });

  describe('through the SDK', () => {
    it('shows the caller its instances: running and stopped EBS-backed, and an instance-store one, with Name tags and volumes', async () => {
      const client = ec2(newSimulator());
      const out = await client.send(new DescribeInstancesCommand({}));
      const instances = out.Reservations!.flatMap((r) => r.Instances!);
      assert.ok(instances.every((i) => i.Tags?.some((t) => t.Key === 'Name')));
      const running = instances.filter((i) => i.State?.Name === 'running' && i.RootDeviceType === 'ebs');
      const stopped = instances.filter((i) => i.State?.Name === 'stopped' && i.RootDeviceType === 'ebs');
      const store = instances.filter((i) => i.RootDeviceType === 'instance-store');
      assert.ok(running.length > 0 && stopped.length > 0 && store.length > 0);
      assert.strictEqual(store[0].State?.Name, 'running');
      assert.deepStrictEqual(store[0].BlockDeviceMappings, []);
      assert.ok(
        instances.some((i) => (i.BlockDeviceMappings ?? []).length === 2),
        'one has a data volume',
      );
      // Seeded instances launched from catalog images that the caller can describe.
      const images = await client.send(
        new DescribeImagesCommand({ ImageIds: [...new Set(instances.map((i) => i.ImageId!))] }),
      );
      assert.strictEqual(images.Images!.length, new Set(instances.map((i) => i.ImageId)).size);
    });

    it('lists images in the groups the explorer shows: mine, shared with me, Amazon, Marketplace, other public', async () => {
      const client = ec2(newSimulator());
      const owned = (await client.send(new DescribeImagesCommand({ Owners: ['self'] }))).Images!;
      assert.ok(owned.length >= 6);
      const shared = (await client.send(new DescribeImagesCommand({ ExecutableUsers: ['self'], Owners: [PARTNER] })))
        .Images!;
      assert.ok(shared.length >= 2);
      const amazon = (await client.send(new DescribeImagesCommand({ Owners: ['amazon'] }))).Images!;
      assert.ok(
        amazon.some((i: Image) => (i.Platform as string) === 'windows') &&
          amazon.some((i: Image) => i.Name?.startsWith('al2023')),
      );
      const market = (await client.send(new DescribeImagesCommand({ Owners: ['aws-marketplace'] }))).Images!;
      assert.ok(market.every((i) => i.ProductCodes?.[0]?.ProductCodeType === 'marketplace') && market.length > 0);
    });

    it('builds only the catalog of the region first asked for (start-up cost, counted, not timed)', async () => {
      forgetStandardCatalogs();
      const before = catalogBuildCount();
      const sim = newSimulator();
      const out = await ec2(sim, 'eu-west-1').send(new DescribeImagesCommand({ Owners: ['amazon'], MaxResults: 5 }));
      assert.strictEqual(out.Images?.length, 5);
      assert.strictEqual(catalogBuildCount() - before, 1, 'region catalogs built');
    });

    it('never reuses a seed id for a new resource', async () => {
      const sim = newSimulator();
      const client = ec2(sim);
      const snapshots = (await client.send(new DescribeSnapshotsCommand({ OwnerIds: ['self'] }))).Snapshots!;
      const seeded = new Set(snapshots.map((s) => s.SnapshotId));
      const al2023 = (
        await client.send(
          new DescribeImagesCommand({
            Owners: ['amazon'],
            Filters: [{ Name: 'name', Values: ['al2023-ami-2023*x86_64'] }],
          }),
        )
      ).Images![0];
      const run = await client.send(
        new RunInstancesCommand({ ImageId: al2023.ImageId, MinCount: 3, MaxCount: 3, InstanceType: 't3.micro' }),
      );
      const before = (await client.send(new DescribeInstancesCommand({})))
        .Reservations!.flatMap((r) => r.Instances!)
        .map((i) => i.InstanceId);
      assert.strictEqual(new Set(before).size, before.length);
      for (const i of run.Instances!) assert.ok(!seeded.has(i.InstanceId));
    });
  });
});
