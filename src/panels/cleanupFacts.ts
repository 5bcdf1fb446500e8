/**
 * The facts a cleanup plan is made of, read from EC2 for one region: the caller's images
 * (DescribeImages Owners=self, every page) and, for the images whose fate depends on it, what
 * uses them (DescribeImageReferences through src/ec2/imageReferences.ts). Where references
 * cannot be read (an endpoint without the operation, a denied call), use is unknown and the
 * engine keeps those images.
 */
import * as l10n from '@vscode/l10n';
import type { Image } from '@aws-sdk/client-ec2';
import { imageSnapshots } from '../ec2/snapshotUsage';
import { familyKey } from '../explorer/imageFamilies';
import type { CleanupImage, CleanupPlan, ImageUse } from '../shared/cleanup/engine';
import { judgeCleanup } from '../shared/cleanup/engine';
import type { CleanupRules } from '../shared/cleanup/rules';
import type { PanelServices } from './panelServices';

export function toCleanupImage(image: Image): CleanupImage {
  return {
    imageId: image.ImageId ?? '',
    name: image.Name,
    creationDate: image.CreationDate,
    state: image.State ?? 'unknown',
    tags: (image.Tags ?? []).map((t) => ({ key: t.Key ?? '', value: t.Value ?? '' })),
    deregistrationProtection: image.DeregistrationProtection,
    lastLaunchedTime: image.LastLaunchedTime,
    snapshots: imageSnapshots(image),
  };
}

/** Reads the facts and plans: what a dry run shows, and what a run checks again before it deletes anything. */
export async function planFromEc2(
  services: PanelServices,
  region: string,
  rules: CleanupRules,
): Promise<{ plan: CleanupPlan; ownedImages: number }> {
  const owned = await services.ec2.listAllOwnedImages(region);
  const base = {
    images: owned.filter((i) => i.ImageId && i.State !== 'deregistered').map(toCleanupImage),
    now: services.now().getTime(),
    pricePerGiBMonth: services.cleanup.pricePerGiBMonth(),
    familyOf: familyKey,
  };
  const judgement = judgeCleanup(rules, base);
  const needed = judgement.imagesNeedingUse;
  const use = new Map<string, ImageUse>();
  if (needed.length > 0) {
    try {
      const references = await services.ec2.imageReferences(region, needed);
      for (const id of needed) {
        use.set(id, {
          known: true,
          references: (references.get(id) ?? []).map((r) => ({ resourceType: r.ResourceType ?? '', arn: r.Arn ?? '' })),
        });
      }
    } catch (e) {
      const why = services.explainError(e).message;
      for (const id of needed) use.set(id, { known: false, why });
    }
  }
  return { plan: judgement.plan(use), ownedImages: base.images.length };
}

/** What differs between the dry run the user saw and a fresh one, in words; empty when the run may go ahead. */
export function planDifferences(before: CleanupPlan, after: CleanupPlan): string[] {
  const out: string[] = [];
  const label = (plan: CleanupPlan, id: string) => {
    const d = plan.decisions.find((x) => x.imageId === id);
    return d?.name ? `${id} (${d.name})` : id;
  };
  const afterRemoved = new Set(after.removeImageIds);
  const beforeRemoved = new Set(before.removeImageIds);
  for (const id of before.removeImageIds) {
    if (afterRemoved.has(id)) continue;
    const now = after.decisions.find((d) => d.imageId === id);
    out.push(
      now
        ? l10n.t('{0} is now kept: {1}.', label(before, id), now.reasons.join('; '))
        : l10n.t('{0} is no longer among your images.', label(before, id)),
    );
  }
  for (const id of after.removeImageIds) {
    if (!beforeRemoved.has(id)) out.push(l10n.t('{0} would now be removed too.', label(after, id)));
  }
  const afterSnaps = new Set(after.deleteSnapshotIds);
  const beforeSnaps = new Set(before.deleteSnapshotIds);
  for (const id of before.deleteSnapshotIds) {
    if (!afterSnaps.has(id)) out.push(l10n.t('{0} would no longer be deleted.', id));
  }
  for (const id of after.deleteSnapshotIds) {
    if (!beforeSnaps.has(id)) out.push(l10n.t('{0} would now be deleted too.', id));
  }
  return out;
}
