import { localizedManifest } from '../l10n/manifest';
import * as assert from 'assert';
import type { Image, Snapshot } from '@aws-sdk/client-ec2';
import { classifySnapshots, imageMonthlyCost, regionSnapshotCost, snapshotUsers } from '../../../src/ec2/snapshotUsage';
import { SNAPSHOT_USD_PER_GB_MONTH } from '../../../src/shared/pricing';

const image = (id: string, snaps: [string, number][], over: Partial<Image> = {}): Image => ({
  ImageId: id,
  State: 'available',
  BlockDeviceMappings: [
    ...snaps.map(([snapshotId, size], i) => ({
      DeviceName: `/dev/sd${'abcdef'[i]}`,
      Ebs: { SnapshotId: snapshotId, VolumeSize: size },
    })),
    { DeviceName: '/dev/sdz', VirtualName: 'ephemeral0' },
  ],
  ...over,
});
const snapshot = (id: string, size: number): Snapshot => ({ SnapshotId: id, VolumeSize: size, State: 'completed' });

describe('snapshot usage and cost', () => {
  it('marks a snapshot unused when none of my AMIs maps it, including after its AMI was deregistered', () => {
    const images = [image('ami-1', [['snap-a', 8]]), image('ami-gone', [['snap-b', 16]], { State: 'deregistered' })];
    const usage = classifySnapshots([snapshot('snap-a', 8), snapshot('snap-b', 16), snapshot('snap-c', 30)], images);
    assert.deepStrictEqual(
      usage.map((u) => [u.snapshot.SnapshotId, u.usedBy.map((i) => i.ImageId)]),
      [
        ['snap-c', []],
        ['snap-b', []],
        ['snap-a', ['ami-1']],
      ],
      'unused first, the largest first',
    );
  });

  it('counts disabled and deprecated AMIs as users: their snapshots still back them', () => {
    const users = snapshotUsers([
      image('ami-d', [['snap-d', 8]], { State: 'disabled', DeprecationTime: '2020-01-01T00:00:00Z' }),
    ]);
    assert.deepStrictEqual(
      users.get('snap-d')?.map((i) => i.ImageId),
      ['ami-d'],
    );
  });

  it("prices an AMI's snapshots from its block device mappings, ignoring instance-store devices", () => {
    assert.strictEqual(
      imageMonthlyCost(
        image('ami-1', [
          ['snap-a', 20],
          ['snap-b', 50],
        ]),
        0.05,
      ),
      3.5,
    );
    assert.strictEqual(imageMonthlyCost(image('ami-s3', []), 0.05), 0);
    assert.strictEqual(imageMonthlyCost(image('ami-1', [['snap-a', 20]]), 0.1), 2);
  });

  it('sums a region: snapshots shared by two AMIs count once, unused ones apart', () => {
    const images = [
      image('ami-1', [['snap-a', 10]]),
      image('ami-2', [
        ['snap-a', 10],
        ['snap-b', 6],
      ]),
    ];
    const usage = classifySnapshots(
      [snapshot('snap-a', 10), snapshot('snap-b', 6), snapshot('snap-x', 16), snapshot('snap-y', 4)],
      images,
    );
    assert.deepStrictEqual(regionSnapshotCost(usage, images, 0.05), {
      amiSnapshotCount: 2,
      amiGiB: 16,
      amiMonthly: 0.8,
      unusedCount: 2,
      unusedGiB: 20,
      unusedMonthly: 1,
    });
  });

  it("documents pricing.ts's price as the setting's default in package.json", () => {
    const pkg = localizedManifest();
    const setting = pkg.contributes.configuration.properties['amiExplorer.snapshotPricePerGbMonth'];
    assert.strictEqual(setting.default, SNAPSHOT_USD_PER_GB_MONTH);
    assert.match(setting.markdownDescription, /GB-month/);
  });
});
