/**
 * The cleanup rules engine: pure, deterministic and explainable. Given the caller's images of a
 * region, the facts about them (use, launches, snapshots) and the rules, it decides for every
 * selected image whether it is kept or removed, says why in words, and lists the snapshots a
 * removal deletes with what they cost. No I/O, no `vscode`: the host gathers the facts.
 */
import * as l10n from '@vscode/l10n';
import { counted } from '../plural';
import { monthlySnapshotCost } from '../pricing';
import type { CleanupRules } from './rules';
import { wildcard } from './rules';

const DAY_MS = 86_400_000;

/** One of the caller's images, with the DescribeImages fields the rules read. */
export interface CleanupImage {
  imageId: string;
  name?: string;
  /** ISO 8601, as DescribeImages gives it. */
  creationDate?: string;
  state: string;
  tags: { key: string; value: string }[];
  /** DescribeImages' DeregistrationProtection: anything but `disabled` (or absent) blocks deregistration. */
  deregistrationProtection?: string;
  /** DescribeImages' LastLaunchedTime (ISO 8601), absent when never launched. */
  lastLaunchedTime?: string;
  /** The EBS snapshots of its block device mappings, with their volume sizes (GiB). */
  snapshots: { snapshotId: string; sizeGiB: number }[];
}

/** What uses an image, from DescribeImageReferences. */
export type ImageUse =
  | { known: true; references: { resourceType: string; arn: string }[] }
  /** Use could not be read (the endpoint lacks the operation, or the call failed): the image is kept. */
  | { known: false; why: string };

export interface CleanupFacts {
  /** Every image the caller owns in the region (the rules select among them; the others still hold snapshots). */
  images: CleanupImage[];
  /** Use by image id; an image the rules need it for and that is missing here is kept as "not checked". */
  use: ReadonlyMap<string, ImageUse>;
  /** Now, in ms since the epoch. */
  now: number;
  /** USD per GiB-month of snapshot storage (the extension's price setting). */
  pricePerGiBMonth: number;
  /** The family key of a name (`familyKey` of the explorer); undefined: the image is a family of its own. */
  familyOf(name: string | undefined): string | undefined;
}

export interface PlannedSnapshot {
  snapshotId: string;
  sizeGiB: number;
  monthlyCostUsd: number;
  /** Deleted after the image is deregistered. False when another image still uses it (`keptBecause` says which). */
  deleted: boolean;
  keptBecause?: string;
}

export interface ImageDecision {
  imageId: string;
  name?: string;
  creationDate?: string;
  /** The family key, or the name (or id) for an image that is a family of its own. */
  family: string;
  action: 'keep' | 'remove';
  /** Why, in words; for a kept image, every rule that keeps it. */
  reasons: string[];
  snapshots: PlannedSnapshot[];
  /** What removing it saves per month (its deleted snapshots; 0 when kept). */
  savingUsd: number;
}

export interface CleanupPlan {
  /** Every selected image: by family, newest first within a family. */
  decisions: ImageDecision[];
  /** Owned images the selection left out. */
  notSelected: number;
  removeImageIds: string[];
  /** Snapshots the run deletes, sorted. */
  deleteSnapshotIds: string[];
  /** Monthly storage saved by deleting them (USD, an upper bound: volume sizes). */
  savingUsd: number;
  /** Set when "keep in use" applied and use could not be read for some images (they are kept). */
  useUnknown?: string;
}

/**
 * The rules applied once to a region's images: the images whose use decides their fate (only
 * these need DescribeImageReferences), and the plan once their use is known. The host reads use
 * in between; judging 10,000 images twice cost a dry run a tenth of its time.
 */
export interface CleanupJudgement {
  imagesNeedingUse: string[];
  plan(use: ReadonlyMap<string, ImageUse>): CleanupPlan;
}

export function judgeCleanup(rules: CleanupRules, facts: Omit<CleanupFacts, 'use'>): CleanupJudgement {
  const judged = judge(rules, facts);
  return {
    imagesNeedingUse: rules.keep.inUse
      ? judged.filter((j) => j.keepReasons.length === 0).map((j) => j.image.imageId)
      : [],
    plan: (use) => planJudged(rules, { ...facts, use }, judged),
  };
}

/** Images whose use decides their fate: selected, and kept by no other rule. Only these need DescribeImageReferences. */
export function imagesNeedingUse(rules: CleanupRules, facts: Omit<CleanupFacts, 'use'>): string[] {
  return judgeCleanup(rules, facts).imagesNeedingUse;
}

/** The plan: every selected image kept or removed with its reasons, the snapshots to delete and the saving. */
export function planCleanup(rules: CleanupRules, facts: CleanupFacts): CleanupPlan {
  return planJudged(rules, facts, judge(rules, facts));
}

function planJudged(rules: CleanupRules, facts: CleanupFacts, judged: readonly Judged[]): CleanupPlan {
  // What use adds to the reasons of an image no other rule keeps, by index: kept apart, so that
  // the judgement is never changed (it may be planned more than once).
  const useReasons = new Array<string | undefined>(judged.length);
  const unknownUse: string[] = [];
  judged.forEach((j, k) => {
    if (j.keepReasons.length > 0 || !rules.keep.inUse) return;
    const use = facts.use.get(j.image.imageId);
    if (!use) {
      useReasons[k] = l10n.t('use not checked: kept (an image whose use is unknown is never removed)');
      unknownUse.push(l10n.t('not checked'));
    } else if (!use.known) {
      useReasons[k] = l10n.t('"keep in use" cannot be evaluated ({0}): kept', use.why);
      unknownUse.push(use.why);
    } else if (use.references.length > 0) {
      useReasons[k] = l10n.t('in use: {0}', describeReferences(use.references));
    }
  });
  const keepReasons = (k: number) => {
    const extra = useReasons[k];
    return extra === undefined ? [...judged[k].keepReasons] : [...judged[k].keepReasons, extra];
  };
  const removed = new Set<string>();
  judged.forEach((j, k) => {
    if (j.keepReasons.length === 0 && useReasons[k] === undefined) removed.add(j.image.imageId);
  });
  const users = snapshotUsers(facts.images);
  const deleted = new Set<string>();
  const decisions = judged.map((j, k): ImageDecision => {
    const remove = removed.has(j.image.imageId);
    const snapshots = j.image.snapshots.map((s): PlannedSnapshot => {
      const monthlyCostUsd = monthlySnapshotCost([s.sizeGiB], facts.pricePerGiBMonth);
      const base = { snapshotId: s.snapshotId, sizeGiB: s.sizeGiB, monthlyCostUsd };
      if (!remove) return { ...base, deleted: false, keptBecause: l10n.t('the image is kept') };
      const others = (users.get(s.snapshotId) ?? []).filter((id) => id !== j.image.imageId);
      const staying = others.filter((id) => !removed.has(id));
      if (staying.length > 0)
        return { ...base, deleted: false, keptBecause: l10n.t('also used by {0}', staying.join(', ')) };
      if (deleted.has(s.snapshotId))
        return { ...base, deleted: false, keptBecause: l10n.t('deleted with another image') };
      deleted.add(s.snapshotId);
      return { ...base, deleted: true };
    });
    const savingUsd = monthlySnapshotCost(
      snapshots.filter((s) => s.deleted).map((s) => s.sizeGiB),
      facts.pricePerGiBMonth,
    );
    return {
      imageId: j.image.imageId,
      name: j.image.name,
      creationDate: j.image.creationDate,
      family: j.family,
      action: remove ? 'remove' : 'keep',
      reasons: remove ? [j.removeReason] : keepReasons(k),
      snapshots,
      savingUsd,
    };
  });
  const sizes = decisions.flatMap((d) => d.snapshots.filter((s) => s.deleted).map((s) => s.sizeGiB));
  return {
    decisions,
    notSelected: facts.images.length - judged.length,
    removeImageIds: decisions.filter((d) => d.action === 'remove').map((d) => d.imageId),
    deleteSnapshotIds: [...deleted].sort(),
    savingUsd: monthlySnapshotCost(sizes, facts.pricePerGiBMonth),
    useUnknown: unknownUse.length > 0 ? summariseUnknown(unknownUse) : undefined,
  };
}

interface Judged {
  image: CleanupImage;
  family: string;
  keepReasons: string[];
  removeReason: string;
}

/** An image with its dates parsed once (a region may hold 10,000 images; the sort compares each many times). */
interface Dated {
  image: CleanupImage;
  /** Creation time in ms, NaN when unknown or unreadable. */
  created: number;
  /** Last launch in ms, NaN when never launched. */
  launched: number;
}

/** Applies every rule but "in use", in a stable order (family, newest first, then image id). */
function judge(rules: CleanupRules, facts: Omit<CleanupFacts, 'use'>): Judged[] {
  const selects = selection(rules);
  const byFamily = new Map<string, Dated[]>();
  for (const image of facts.images) {
    if (!selects(image)) continue;
    const family = facts.familyOf(image.name) ?? image.name ?? image.imageId;
    const dated = {
      image,
      created: Date.parse(image.creationDate ?? ''),
      launched: Date.parse(image.lastLaunchedTime ?? ''),
    };
    const members = byFamily.get(family);
    if (members) members.push(dated);
    else byFamily.set(family, [dated]);
  }
  const out: Judged[] = [];
  for (const family of [...byFamily.keys()].sort()) {
    const members = (byFamily.get(family) ?? []).sort(newestFirst);
    members.forEach((dated, rank) => out.push(judgeOne(rules, facts.now, dated, family, rank, members.length)));
  }
  return out;
}

function judgeOne(
  rules: CleanupRules,
  now: number,
  { image, created, launched }: Dated,
  family: string,
  rank: number,
  familySize: number,
): Judged {
  const keep = rules.keep;
  const reasons: string[] = [];
  const protection = image.deregistrationProtection ?? 'disabled';
  if (protection !== 'disabled' && protection !== '') {
    reasons.push(l10n.t('deregistration protection is on ({0}): EC2 refuses to deregister it', protection));
  }
  if (image.state === 'pending') reasons.push(l10n.t('still pending: not finished yet'));
  if (keep.newestPerFamily > 0 && rank < keep.newestPerFamily) {
    reasons.push(
      familySize === 1
        ? l10n.t('the only image of family {0}', family)
        : l10n.t(
            'one of the {0} newest of family {1} (#{2} of {3})',
            keep.newestPerFamily,
            family,
            rank + 1,
            familySize,
          ),
    );
  }
  if (keep.youngerThanDays > 0 && (Number.isNaN(created) || now - created < keep.youngerThanDays * DAY_MS)) {
    reasons.push(
      Number.isNaN(created)
        ? l10n.t('its creation date is unknown: kept as young')
        : l10n.t('younger than {0} days (created {1})', keep.youngerThanDays, day(created)),
    );
  }
  if (keep.launchedWithinDays > 0 && !Number.isNaN(launched) && now - launched < keep.launchedWithinDays * DAY_MS) {
    reasons.push(l10n.t('launched in the last {0} days (last launch {1})', keep.launchedWithinDays, day(launched)));
  }
  const removeReason = [
    l10n.t('no keep rule applies'),
    keep.newestPerFamily > 0 ? l10n.t('#{0} of {1} in family {2}', rank + 1, familySize, family) : undefined,
    Number.isNaN(created) ? undefined : l10n.t('created {0}', day(created)),
    Number.isNaN(launched) ? l10n.t('never launched') : l10n.t('last launched {0}', day(launched)),
    keep.inUse ? l10n.t('not in use') : undefined,
  ]
    .filter(Boolean)
    .join(', ');
  return { image, family, keepReasons: reasons, removeReason };
}

/** The selection as one test, its patterns compiled once rather than once per image. */
function selection(rules: CleanupRules): (image: CleanupImage) => boolean {
  const pattern = rules.images.namePattern;
  const name = pattern === '' ? undefined : wildcard(pattern);
  const tags = rules.images.tags.map((t) => ({ key: t.key, value: wildcard(t.value) }));
  return (image) => {
    if (name && !name.test(image.name ?? '')) return false;
    return tags.every((t) => image.tags.some((tag) => tag.key === t.key && t.value.test(tag.value)));
  };
}

/** Newest first; an unknown date sorts as the oldest; ties by image id. */
function newestFirst(a: Dated, b: Dated): number {
  return (b.created || 0) - (a.created || 0) || a.image.imageId.localeCompare(b.image.imageId);
}

/** Snapshot id → the ids of the images (all owned ones) whose block device mappings use it. */
function snapshotUsers(images: readonly CleanupImage[]): Map<string, string[]> {
  const users = new Map<string, string[]>();
  for (const image of images) {
    for (const s of image.snapshots) {
      const ids = users.get(s.snapshotId);
      if (ids) ids.push(image.imageId);
      else users.set(s.snapshotId, [image.imageId]);
    }
  }
  return users;
}

/** "1 instance" / "2 instances" for the resource types DescribeImageReferences names; others by their type. */
function referenceCount(type: string, n: number): string {
  switch (type) {
    case 'ec2:Instance':
      return counted(n, l10n.t('{0} instance'), l10n.t('{0} instances'));
    case 'ec2:LaunchTemplate':
      return counted(n, l10n.t('{0} launch template'), l10n.t('{0} launch templates'));
    case 'ssm:Parameter':
      return counted(n, l10n.t('{0} SSM parameter'), l10n.t('{0} SSM parameters'));
    case 'imagebuilder:ImageRecipe':
      return counted(n, l10n.t('{0} Image Builder recipe'), l10n.t('{0} Image Builder recipes'));
    case 'imagebuilder:ContainerRecipe':
      return counted(n, l10n.t('{0} Image Builder container recipe'), l10n.t('{0} Image Builder container recipes'));
    default:
      return `${n} ${type}${n === 1 ? '' : 's'}`;
  }
}

/** "2 instances, 1 launch template". */
export function describeReferences(references: readonly { resourceType: string }[]): string {
  const counts = new Map<string, number>();
  for (const r of references) counts.set(r.resourceType, (counts.get(r.resourceType) ?? 0) + 1);
  return [...counts]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([type, n]) => referenceCount(type, n))
    .join(', ');
}

function summariseUnknown(whys: string[]): string {
  const distinct = [...new Set(whys)].join('; ');
  return whys.length === 1
    ? l10n.t('use of {0} image could not be read ({1}): they are kept', whys.length, distinct)
    : l10n.t('use of {0} images could not be read ({1}): they are kept', whys.length, distinct);
}

/** Dates as `yyyy-mm-dd` (UTC), each day formatted once: 10,000 images share a few hundred days. */
const dayNames = new Map<number, string>();
function day(ms: number): string {
  const index = Math.floor(ms / DAY_MS);
  let name = dayNames.get(index);
  if (name === undefined) {
    if (dayNames.size >= 4096) dayNames.clear();
    name = new Date(index * DAY_MS).toISOString().slice(0, 10);
    dayNames.set(index, name);
  }
  return name;
}
