import * as assert from 'assert';
import type { Image } from '@aws-sdk/client-ec2';
import type { RetentionRule } from '../../../src/ec2/recycleBin';
import { coveringRule } from '../../../src/ec2/recycleBin';
import { whatIf } from '../../../src/panels/allowedImagesWhatIf';
import { recycleBinNote } from '../../../src/panels/recycleBinOutlook';

const rule = (over: Partial<RetentionRule>): RetentionRule => ({
  identifier: 'abcdefghijk',
  resourceType: 'EC2_IMAGE',
  retentionDays: 7,
  resourceTags: [],
  ...over,
});
const image: Image = {
  ImageId: 'ami-0123456789abcdef0',
  OwnerId: '123456789012',
  Tags: [{ Key: 'keep', Value: 'yes' }],
  BlockDeviceMappings: [
    { DeviceName: '/dev/xvda', Ebs: { SnapshotId: 'snap-1' } },
    { DeviceName: '/dev/xvdb', Ebs: { SnapshotId: 'snap-2' } },
  ],
};
const noTags = new Map<string, { Key?: string; Value?: string }[]>();

describe('Recycle Bin outlook of the Deregister panel', () => {
  it('says deregistration is permanent without an image rule', () => {
    const note = recycleBinNote([rule({ resourceType: 'EBS_SNAPSHOT' })], image, noTags);
    assert.deepStrictEqual(note.recoverable, false);
    assert.match(note.text, /^Permanent/);
  });

  it('says recoverable with its snapshots when both rules cover them, with the longest retention', () => {
    const rules = [rule({ retentionDays: 3 }), rule({ retentionDays: 7 }), rule({ resourceType: 'EBS_SNAPSHOT' })];
    assert.strictEqual(
      recycleBinNote(rules, image, noTags).text,
      'Recoverable for 7 days, with its snapshots (kept 7 days once deleted).',
    );
    // The panel then words the snapshot deletion and the confirmation as recoverable too.
    assert.strictEqual(recycleBinNote(rules, image, noTags).snapshotsRecoverable, true);
  });

  it('warns about snapshots no snapshot rule covers (a tag rule needs one of its tags)', () => {
    const rules = [rule({}), rule({ resourceType: 'EBS_SNAPSHOT', resourceTags: [{ key: 'keep', value: 'yes' }] })];
    const tags = new Map([['snap-1', [{ Key: 'keep', Value: 'yes' }]]]);
    const note = recycleBinNote(rules, image, tags);
    assert.match(note.text, /1 snapshot of it is not covered/);
    assert.strictEqual(note.snapshotsRecoverable, false, 'deleting its snapshots is permanent for one of them');
    assert.strictEqual(coveringRule(rules, 'EBS_SNAPSHOT', [{ Key: 'keep', Value: 'no' }]), undefined);
    assert.ok(coveringRule([rule({ resourceTags: [{ key: 'keep' }] })], 'EC2_IMAGE', [{ Key: 'keep', Value: 'x' }]));
  });
});

describe('Allowed AMIs what-if', () => {
  const amazon: Image = { ImageId: 'ami-a', OwnerId: '137112412989', ImageOwnerAlias: 'amazon', Name: 'al2023-ami-1' };
  const other: Image = { ImageId: 'ami-b', OwnerId: '999999999999', Name: 'ubuntu/x' };
  const own: Image = { ImageId: 'ami-c', OwnerId: '123456789012', Name: 'mine' };
  const criteria = [{ imageProviders: [], imageNames: ['al2023-*'], marketplaceProductCodes: [] as string[] }];

  it('lists what the new criteria do not allow, never the caller’s own images, and says what applying does', () => {
    const r = whatIf({
      accountId: '123456789012',
      now: Date.now(),
      current: { state: 'disabled', criteria: [] },
      next: { state: 'enabled', criteria },
      images: [amazon, other, own],
      instances: [],
    });
    assert.deepStrictEqual(
      r.notAllowed.map((i) => [i.id, i.before, i.after]),
      [['ami-b', 'allowed', 'notAllowed']],
    );
    assert.strictEqual(r.allowedCount, 2);
    assert.match(r.changes.join('\n'), /Replace the 0 current criteria with 1 criterion/);
    assert.match(r.changes.join('\n'), /from disabled to enabled \(EnableAllowedImagesSettings\)/);
    assert.match(r.changes.join('\n'), /1 loaded image not meeting the criteria will be hidden/);
    const audited = whatIf({
      accountId: '123456789012',
      now: Date.now(),
      current: { state: 'audit-mode', criteria },
      next: { state: 'audit-mode', criteria: [] },
      images: [amazon, other, own],
      instances: [],
    });
    assert.deepStrictEqual(
      audited.notAllowed.map((i) => [i.id, i.before, i.after]),
      [
        ['ami-a', 'allowed', 'notAllowed'],
        ['ami-b', 'notAllowed', 'notAllowed'],
      ],
      'in audit mode "now" is the current criteria’s verdict',
    );
  });
});
