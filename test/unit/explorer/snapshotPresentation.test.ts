import * as assert from 'assert';
import type { Image } from '@aws-sdk/client-ec2';
import { regionSnapshotCost } from '../../../src/ec2/snapshotUsage';
import { imageDescription, imageTooltip } from '../../../src/explorer/presentation';
import { regionDescription, regionTooltip } from '../../../src/explorer/regionPresentation';
import { snapshotDescription, snapshotsFolderDescription } from '../../../src/explorer/snapshotPresentation';

const NOW = Date.parse('2026-11-23T12:00:00Z');
const ME = '123456789012';
const image: Image = {
  ImageId: 'ami-0123456789abcdef0',
  OwnerId: ME,
  State: 'available',
  BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { SnapshotId: 'snap-0123456789abcdef0', VolumeSize: 16 } }],
};

describe('cost and governance presentation', () => {
  it('says what a snapshot costs and whether an AMI uses it', () => {
    const orphan = {
      snapshot: { SnapshotId: 'snap-0aaaaaaaaaaaaaaaa', VolumeSize: 16, State: 'completed' as const },
      usedBy: [],
    };
    assert.strictEqual(snapshotDescription(orphan, 0.05), '16 GiB · ≈ $0.80/mo · unused');
    const used = {
      snapshot: { SnapshotId: 'snap-0bbbbbbbbbbbbbbbb', VolumeSize: 8, Tags: [{ Key: 'Name', Value: 'root' }] },
      usedBy: [image],
    };
    assert.strictEqual(
      snapshotDescription(used, 0.1),
      'snap-0bbbbbbbbbbbbbbbb · 8 GiB · ≈ $0.80/mo · used by ami-0123456789abcdef0',
    );
    // A named AMI is named: "used by ami-0…" alone does not tell the user which image it is.
    assert.strictEqual(
      snapshotDescription({ ...used, usedBy: [{ ...image, Name: 'web-server-base-v7' }] }, 0.1),
      'snap-0bbbbbbbbbbbbbbbb · 8 GiB · ≈ $0.80/mo · used by web-server-base-v7',
    );
    const cost = regionSnapshotCost([orphan, used], [image], 0.05);
    assert.strictEqual(snapshotsFolderDescription(2, cost), '2 · 1 unused ≈ $0.80/mo');
  });

  it('sums the region on its row and says whether public sharing is blocked', () => {
    const cost = regionSnapshotCost([], [image], 0.05);
    assert.strictEqual(regionDescription(cost, 'unblocked'), '≈ $0.80/mo');
    assert.strictEqual(regionDescription(cost, 'block-new-sharing'), '≈ $0.80/mo · public sharing blocked');
    assert.strictEqual(regionDescription(undefined, undefined), undefined, 'nothing before the data is loaded');
    assert.match(regionTooltip('us-east-1', cost, 'block-new-sharing', 0.05), /already public stay public/);
  });

  it("shows an owned AMI's snapshot cost, protection and tags; nothing of cost without a price", () => {
    const governed: Image = {
      ...image,
      DeregistrationProtection: 'enabled-with-cooldown',
      Tags: [{ Key: 'Team', Value: 'web' }],
    };
    const tooltip = imageTooltip(governed, ME, NOW, 0.05);
    assert.match(tooltip, /Snapshot storage: 1 snapshot, 16 GiB ≈ \$0\.80\/month at \$0\.05 per GB-month/);
    assert.match(tooltip, /Deregistration protection: on, with a 24-hour cooldown/);
    assert.match(tooltip, /Tags: Team=web/);
    assert.doesNotMatch(imageTooltip(governed, ME, NOW), /Snapshot storage/);
    assert.match(imageDescription(governed, NOW), / · protected$/);
    assert.match(
      imageDescription({ ...image, DeregistrationProtection: 'disabled-until 2026-11-24T12:00:00.000Z' }, NOW),
      /protected \(cooldown\)$/,
    );
  });
});
