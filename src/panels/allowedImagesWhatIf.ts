/**
 * The what-if of the Allowed AMIs panel, computed on the host with the shared matcher: which
 * loaded images and which instances' AMIs the edited criteria would not allow, and what applying
 * would change. No `vscode` import.
 */
import type { Image, InstanceImageMetadata } from '@aws-sdk/client-ec2';
import type { AllowedCriterion, AllowedImagesState, ImageFacts } from '../shared/allowedImages';
import { allowedVerdict } from '../shared/allowedImages';
import { plural } from '../shared/plural';
import type { AffectedItem, AllowedImagesPreview } from '../shared/protocol/allowedImages';

export function imageFacts(image: Image): ImageFacts {
  return {
    ownerId: image.OwnerId,
    ownerAlias: image.ImageOwnerAlias,
    name: image.Name,
    productCodes: (image.ProductCodes ?? []).map((p) => p.ProductCodeId ?? ''),
    creationDate: image.CreationDate,
    deprecationTime: image.DeprecationTime,
  };
}

/** DescribeInstanceImageMetadata names no product codes: they come from DescribeImages when it still lists the AMI. */
export function instanceImageFacts(m: InstanceImageMetadata, image: Image | undefined): ImageFacts {
  if (image) return imageFacts(image);
  const meta = m.ImageMetadata;
  return {
    ownerId: meta?.OwnerId,
    ownerAlias: meta?.ImageOwnerAlias,
    name: meta?.Name,
    productCodes: [],
    productCodesUnknown: true,
    creationDate: meta?.CreationDate,
    deprecationTime: meta?.DeprecationTime,
  };
}

export interface WhatIfInput {
  accountId: string;
  now: number;
  current: { state: AllowedImagesState; criteria: AllowedCriterion[] };
  next: { state: AllowedImagesState; criteria: AllowedCriterion[] };
  images: readonly Image[];
  instances: readonly { metadata: InstanceImageMetadata; facts: ImageFacts }[];
}

/** The criteria's verdict on every loaded image and instance AMI (whatever the state: the state decides what it means). */
export function whatIf(input: WhatIfInput): AllowedImagesPreview {
  // "Now" is what EC2 does today: while disabled every AMI is allowed, whatever criteria are stored.
  // "After" is the edited criteria's verdict, whatever the state (the change sentences say what the state makes of it).
  const verdicts = (facts: ImageFacts) => ({
    before:
      input.current.state === 'disabled'
        ? ('allowed' as const)
        : allowedVerdict(facts, input.current.criteria, input.accountId, input.now),
    after: allowedVerdict(facts, input.next.criteria, input.accountId, input.now),
  });
  const items: AffectedItem[] = [
    ...input.images.map((image) => ({
      kind: 'image' as const,
      id: image.ImageId ?? '',
      name: image.Name,
      owner: image.ImageOwnerAlias ?? image.OwnerId,
      ...verdicts(imageFacts(image)),
    })),
    ...input.instances.map(({ metadata, facts }) => ({
      kind: 'instance' as const,
      id: metadata.InstanceId ?? '',
      imageId: metadata.ImageMetadata?.ImageId,
      name: metadata.ImageMetadata?.Name,
      owner: facts.ownerAlias ?? facts.ownerId,
      ...verdicts(facts),
    })),
  ];
  const notAllowed = items.filter((i) => i.after !== 'allowed');
  return {
    notAllowed,
    allowedCount: items.length - notAllowed.length,
    changes: changeSentences(input, notAllowed),
  };
}

const STATE_WORDS: Record<AllowedImagesState, string> = {
  disabled: 'disabled',
  'audit-mode': 'audit mode',
  enabled: 'enabled',
};

function changeSentences(input: WhatIfInput, notAllowed: readonly AffectedItem[]): string[] {
  const { current, next } = input;
  const out: string[] = [];
  const same = JSON.stringify(current.criteria) === JSON.stringify(next.criteria);
  out.push(
    same
      ? `Keep the ${plural(next.criteria.length, 'criterion', 'criteria')} (ReplaceImageCriteriaInAllowedImagesSettings with the same list).`
      : `Replace the ${plural(current.criteria.length, 'current criterion', 'current criteria')} with ${plural(next.criteria.length, 'criterion', 'criteria')} (ReplaceImageCriteriaInAllowedImagesSettings).`,
  );
  out.push(
    current.state === next.state
      ? `Keep the setting ${STATE_WORDS[next.state]}.`
      : `Change the setting from ${STATE_WORDS[current.state]} to ${STATE_WORDS[next.state]} (${next.state === 'disabled' ? 'DisableAllowedImagesSettings' : 'EnableAllowedImagesSettings'}).`,
  );
  const images = notAllowed.filter((i) => i.kind === 'image').length;
  const instances = notAllowed.filter((i) => i.kind === 'instance').length;
  if (next.state === 'enabled') {
    out.push(
      `${plural(images, 'loaded image')} not meeting the criteria will be hidden from DescribeImages and refused by RunInstances; ${plural(instances, 'instance')} run an AMI that no longer could be launched (they keep running). Your own AMIs are always allowed.`,
    );
  } else if (next.state === 'audit-mode') {
    out.push(
      `Nothing is blocked: ${plural(images, 'loaded image')} and ${plural(instances, 'instance')}' AMIs will be reported as not allowed (ImageAllowed=false).`,
    );
  } else {
    out.push('Nothing is blocked or reported while the setting is disabled; the criteria are kept for later.');
  }
  return out;
}
