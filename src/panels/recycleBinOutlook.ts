/**
 * What the Deregister panel says about the Recycle Bin, per image: recoverable for how long and
 * with which snapshots, or permanent. No `vscode` import.
 */
import type { Image } from '@aws-sdk/client-ec2';
import type { RetentionRule } from '../ec2/recycleBin';
import { recoveryOutlook } from '../ec2/recycleBin';
import { plural } from '../shared/plural';
import type { PanelError } from '../shared/protocol/envelope';
import type { GuardrailServices } from './guardrailServices';

export interface RecycleBinNote {
  recoverable: boolean;
  text: string;
}

export function recycleBinNote(
  rules: readonly RetentionRule[],
  image: Image,
  snapshotTags: ReadonlyMap<string, { Key?: string; Value?: string }[]>,
): RecycleBinNote {
  const outlook = recoveryOutlook(rules, image, snapshotTags);
  const snaps = Object.entries(outlook.snapshotDays);
  const covered = snaps.filter(([, d]) => d !== undefined);
  if (outlook.imageDays === undefined) {
    return {
      recoverable: false,
      text: 'Permanent: no Recycle Bin retention rule (EC2_IMAGE) covers this AMI.',
    };
  }
  const days = plural(outlook.imageDays, 'day');
  if (snaps.length === 0) return { recoverable: true, text: `Recoverable for ${days} from the Recycle Bin.` };
  if (covered.length === snaps.length) {
    return {
      recoverable: true,
      text: `Recoverable for ${days}, with its snapshots (kept ${[...new Set(covered.map(([, d]) => plural(d ?? 0, 'day')))].join(' / ')} once deleted).`,
    };
  }
  return {
    recoverable: true,
    text: `Recoverable for ${days}, but ${plural(snaps.length - covered.length, 'snapshot')} of it ${snaps.length - covered.length === 1 ? 'is' : 'are'} not covered by a snapshot rule (EBS_SNAPSHOT): deleting ${snaps.length - covered.length === 1 ? 'it' : 'them'} is permanent, and the AMI can't be restored without ${snaps.length - covered.length === 1 ? 'it' : 'them'}.`,
  };
}

/** The note of every image, or one message for all when the Recycle Bin can't be read. */
export async function recycleBinNotes(
  guardrails: GuardrailServices,
  region: string,
  images: readonly Image[],
  explain: (e: unknown) => PanelError,
): Promise<Map<string, RecycleBinNote>> {
  const notes = new Map<string, RecycleBinNote>();
  try {
    const rules = await guardrails.retentionRules(region);
    const snapshotIds = images.flatMap((i) => (i.BlockDeviceMappings ?? []).flatMap((b) => b.Ebs?.SnapshotId ?? []));
    const tags = snapshotIds.length > 0 ? await guardrails.snapshotTags(region, snapshotIds) : new Map();
    for (const image of images) notes.set(image.ImageId ?? '', recycleBinNote(rules, image, tags));
  } catch (e) {
    const error = explain(e);
    const text = `Recycle Bin unknown: ${error.message} Treat the deregistration as permanent.`;
    for (const image of images) notes.set(image.ImageId ?? '', { recoverable: false, text });
  }
  return notes;
}
