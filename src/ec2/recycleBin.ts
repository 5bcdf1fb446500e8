import type { EC2Client, Image } from '@aws-sdk/client-ec2';
import type { RbinClient } from '@aws-sdk/client-rbin';
import { loadSdk, loadServiceModules } from '../aws/sdk';

/**
 * The Recycle Bin: what EC2 keeps of deregistered AMIs and deleted snapshots (EC2's
 * List/Restore*RecycleBin operations), and the retention rules that decide it (the `rbin` service).
 */

/** An AMI or snapshot in the Recycle Bin. */
export interface BinEntry {
  kind: 'image' | 'snapshot';
  id: string;
  name?: string;
  description?: string;
  enterTime?: Date;
  /** When EC2 deletes it for good. */
  exitTime?: Date;
}

export async function listImagesInRecycleBin(ec2: EC2Client): Promise<BinEntry[]> {
  const { paginateListImagesInRecycleBin } = await loadSdk();
  const out: BinEntry[] = [];
  for await (const page of paginateListImagesInRecycleBin({ client: ec2 }, { MaxResults: 1000 })) {
    for (const i of page.Images ?? []) {
      out.push({
        kind: 'image',
        id: i.ImageId ?? '',
        name: i.Name,
        description: i.Description,
        enterTime: i.RecycleBinEnterTime,
        exitTime: i.RecycleBinExitTime,
      });
    }
  }
  return out;
}

export async function listSnapshotsInRecycleBin(ec2: EC2Client): Promise<BinEntry[]> {
  const { paginateListSnapshotsInRecycleBin } = await loadSdk();
  const out: BinEntry[] = [];
  for await (const page of paginateListSnapshotsInRecycleBin({ client: ec2 }, { MaxResults: 1000 })) {
    for (const s of page.Snapshots ?? []) {
      out.push({
        kind: 'snapshot',
        id: s.SnapshotId ?? '',
        description: s.Description,
        enterTime: s.RecycleBinEnterTime,
        exitTime: s.RecycleBinExitTime,
      });
    }
  }
  return out;
}

export async function restoreImageFromRecycleBin(ec2: EC2Client, imageId: string): Promise<void> {
  const { RestoreImageFromRecycleBinCommand } = await loadSdk();
  await ec2.send(new RestoreImageFromRecycleBinCommand({ ImageId: imageId }));
}

export async function restoreSnapshotFromRecycleBin(ec2: EC2Client, snapshotId: string): Promise<void> {
  const { RestoreSnapshotFromRecycleBinCommand } = await loadSdk();
  await ec2.send(new RestoreSnapshotFromRecycleBinCommand({ SnapshotId: snapshotId }));
}

/** A retention rule, as far as this extension reads it. */
export interface RetentionRule {
  identifier: string;
  resourceType: 'EC2_IMAGE' | 'EBS_SNAPSHOT';
  retentionDays: number;
  /** Empty: a Region-level rule (every resource of the type). */
  resourceTags: { key: string; value?: string }[];
  description?: string;
}

/**
 * The account's rules of a region for both resource types. ListRules leaves out a rule's
 * ResourceTags, so each rule is read with GetRule. The installed client-rbin (3.523) predates
 * ExcludeResourceTags: exclusions of Region-level rules are not read (see coverage below).
 */
export async function listRetentionRules(rbin: RbinClient): Promise<RetentionRule[]> {
  const { paginateListRules, GetRuleCommand } = await loadServiceModules();
  const rules: RetentionRule[] = [];
  for (const resourceType of ['EC2_IMAGE', 'EBS_SNAPSHOT'] as const) {
    for await (const page of paginateListRules({ client: rbin }, { ResourceType: resourceType })) {
      for (const summary of page.Rules ?? []) {
        if (!summary.Identifier) continue;
        const rule = await rbin.send(new GetRuleCommand({ Identifier: summary.Identifier }));
        rules.push({
          identifier: summary.Identifier,
          resourceType,
          retentionDays: rule.RetentionPeriod?.RetentionPeriodValue ?? 0,
          resourceTags: (rule.ResourceTags ?? []).map((t) => ({
            key: t.ResourceTagKey ?? '',
            value: t.ResourceTagValue || undefined,
          })),
          description: rule.Description,
        });
      }
    }
  }
  return rules;
}

/**
 * The rule that keeps a resource with these tags, the longest retention winning (Recycle Bin
 * user guide: a resource matched by several rules is kept for the longest period). A tag rule
 * matches a resource carrying one of its tags; a rule's tag without value matches any value
 * (unverified). Region-level exclusion tags are not known to this client: a Region-level rule
 * is taken to cover everything.
 */
export function coveringRule(
  rules: readonly RetentionRule[],
  type: RetentionRule['resourceType'],
  tags: readonly { Key?: string; Value?: string }[],
): RetentionRule | undefined {
  let best: RetentionRule | undefined;
  for (const rule of rules) {
    if (rule.resourceType !== type) continue;
    const covers =
      rule.resourceTags.length === 0 ||
      rule.resourceTags.some((m) =>
        tags.some((t) => t.Key === m.key && (m.value === undefined || t.Value === m.value)),
      );
    if (covers && (!best || rule.retentionDays > best.retentionDays)) best = rule;
  }
  return best;
}

/** What deregistering `image` (and deleting its snapshots) would leave recoverable. */
export interface RecoveryOutlook {
  /** Days the AMI stays in the bin, or undefined: deregistration is permanent. */
  imageDays?: number;
  /** Per snapshot of the image: days it stays in the bin once deleted, or undefined. */
  snapshotDays: Record<string, number | undefined>;
}

export function recoveryOutlook(
  rules: readonly RetentionRule[],
  image: Image,
  snapshotTags: ReadonlyMap<string, readonly { Key?: string; Value?: string }[]>,
): RecoveryOutlook {
  const snapshotDays: Record<string, number | undefined> = {};
  for (const b of image.BlockDeviceMappings ?? []) {
    const id = b.Ebs?.SnapshotId;
    if (id) snapshotDays[id] = coveringRule(rules, 'EBS_SNAPSHOT', snapshotTags.get(id) ?? [])?.retentionDays;
  }
  return { imageDays: coveringRule(rules, 'EC2_IMAGE', image.Tags ?? [])?.retentionDays, snapshotDays };
}
