/**
 * The what-if of the Allowed AMIs panel, computed on the host with the shared matcher: which
 * loaded images and which instances' AMIs the edited criteria would not allow, and what applying
 * would change. No `vscode` import.
 */
import * as l10n from '@vscode/l10n';
import type { Image, InstanceImageMetadata } from '@aws-sdk/client-ec2';
import type { AllowedCriterion, AllowedImagesState, ImageFacts } from '../shared/allowedImages';
import { allowedVerdict } from '../shared/allowedImages';
import { counted } from '../shared/plural';
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

function stateWords(state: AllowedImagesState): string {
  switch (state) {
    case 'disabled':
      return l10n.t({ message: 'disabled', comment: ['state of the Allowed AMIs setting'] });
    case 'audit-mode':
      return l10n.t({ message: 'audit mode', comment: ['state of the Allowed AMIs setting'] });
    case 'enabled':
      return l10n.t({ message: 'enabled', comment: ['state of the Allowed AMIs setting'] });
  }
}

function changeSentences(input: WhatIfInput, notAllowed: readonly AffectedItem[]): string[] {
  const { current, next } = input;
  const out: string[] = [];
  const same = JSON.stringify(current.criteria) === JSON.stringify(next.criteria);
  out.push(
    same
      ? counted(
          next.criteria.length,
          l10n.t('Keep the {0} criterion (ReplaceImageCriteriaInAllowedImagesSettings with the same list).'),
          l10n.t('Keep the {0} criteria (ReplaceImageCriteriaInAllowedImagesSettings with the same list).'),
        )
      : l10n.t(
          'Replace the {0} with {1} (ReplaceImageCriteriaInAllowedImagesSettings).',
          counted(current.criteria.length, l10n.t('{0} current criterion'), l10n.t('{0} current criteria')),
          counted(next.criteria.length, l10n.t('{0} criterion'), l10n.t('{0} criteria')),
        ),
  );
  out.push(
    current.state === next.state
      ? l10n.t('Keep the setting {0}.', stateWords(next.state))
      : l10n.t(
          'Change the setting from {0} to {1} ({2}).',
          stateWords(current.state),
          stateWords(next.state),
          next.state === 'disabled' ? 'DisableAllowedImagesSettings' : 'EnableAllowedImagesSettings',
        ),
  );
  const images = notAllowed.filter((i) => i.kind === 'image').length;
  const instances = notAllowed.filter((i) => i.kind === 'instance').length;
  if (next.state === 'enabled') {
    out.push(
      l10n.t(
        '{0} not meeting the criteria will be hidden from DescribeImages and refused by RunInstances; {1} run an AMI that no longer could be launched (they keep running). Your own AMIs are always allowed.',
        counted(images, l10n.t('{0} loaded image'), l10n.t('{0} loaded images')),
        counted(instances, l10n.t('{0} instance'), l10n.t('{0} instances')),
      ),
    );
  } else if (next.state === 'audit-mode') {
    out.push(
      l10n.t(
        "Nothing is blocked: {0} and {1}' AMIs will be reported as not allowed (ImageAllowed=false).",
        counted(images, l10n.t('{0} loaded image'), l10n.t('{0} loaded images')),
        counted(instances, l10n.t('{0} instance'), l10n.t('{0} instances')),
      ),
    );
  } else {
    out.push(l10n.t('Nothing is blocked or reported while the setting is disabled; the criteria are kept for later.'));
  }
  return out;
}
