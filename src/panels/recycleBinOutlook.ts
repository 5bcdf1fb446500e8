/**
 * What the Deregister panel says about the Recycle Bin, per image: recoverable for how long and
 * with which snapshots, or permanent. No `vscode` import.
 */
import * as l10n from '@vscode/l10n';
import type { Image } from '@aws-sdk/client-ec2';
import type { RetentionRule } from '../ec2/recycleBin';
import { recoveryOutlook } from '../ec2/recycleBin';
import { counted } from '../shared/plural';
import type { PanelError } from '../shared/protocol/envelope';
import type { GuardrailServices } from './guardrailServices';

export interface RecycleBinNote {
  recoverable: boolean;
  text: string;
  /** Every snapshot of the image goes to the Recycle Bin when deleted (a snapshot rule covers it). */
  snapshotsRecoverable: boolean;
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
      text: l10n.t('Permanent: no Recycle Bin retention rule (EC2_IMAGE) covers this AMI.'),
      snapshotsRecoverable: covered.length === snaps.length,
    };
  }
  const days = dayCount(outlook.imageDays);
  if (snaps.length === 0) {
    return {
      recoverable: true,
      text: l10n.t('Recoverable for {0} from the Recycle Bin.', days),
      snapshotsRecoverable: true,
    };
  }
  if (covered.length === snaps.length) {
    return {
      recoverable: true,
      snapshotsRecoverable: true,
      text: l10n.t(
        'Recoverable for {0}, with its snapshots (kept {1} once deleted).',
        days,
        [...new Set(covered.map(([, d]) => dayCount(d ?? 0)))].join(' / '),
      ),
    };
  }
  const uncovered = snaps.length - covered.length;
  return {
    recoverable: true,
    snapshotsRecoverable: false,
    text:
      uncovered === 1
        ? l10n.t(
            "Recoverable for {0}, but {1} snapshot of it is not covered by a snapshot rule (EBS_SNAPSHOT): deleting it is permanent, and the AMI can't be restored without it.",
            days,
            uncovered,
          )
        : l10n.t(
            "Recoverable for {0}, but {1} snapshots of it are not covered by a snapshot rule (EBS_SNAPSHOT): deleting them is permanent, and the AMI can't be restored without them.",
            days,
            uncovered.toLocaleString('en-US'),
          ),
  };
}

function dayCount(days: number): string {
  return counted(days, l10n.t('{0} day'), l10n.t('{0} days'));
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
    const text = l10n.t('Recycle Bin unknown: {0} Treat the deregistration as permanent.', error.message);
    for (const image of images)
      notes.set(image.ImageId ?? '', { recoverable: false, text, snapshotsRecoverable: false });
  }
  return notes;
}
