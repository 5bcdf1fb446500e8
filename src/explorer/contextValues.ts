import type { Image, Instance } from '@aws-sdk/client-ec2';
import { protectionState } from '../ec2/deprecation';
import type { OwnerGroup, RootDeviceType } from '../ec2/ownerGroups';

/**
 * The contextValue grammar: `kind+part+part…`, matched in package.json menus with anchored
 * regexes on `viewItem`. Every part is a fixed word, so a regex can never match by accident:
 *
 * - `region`, `imagesFolder`, `instancesFolder`
 * - `ownerGroup+<self|shared|amazon|marketplace|public>[+filtered]`
 * - `rootType+<ebs|instanceStore>`, `imageFamily`
 * - `image+<state>+<owned|notOwned>+<public|private>[+deprecated|+deprecationScheduled][+protected|+protectionCooldown]`
 *   (`protected`: deregistration protection on; `protectionCooldown`: turned off but still protected for 24 h;
 *   `notOwned+private`: visible only because it is shared with the caller, i.e. a *Shared with me* row)
 * - `snapshotsFolder`, `snapshot+<used|unused>` (used: an AMI of the caller uses it)
 * - `instance+<state>+<ebs|instanceStore>` (state: pending running stopping stopped shutting-down terminated)
 * - `loadMore`, `error`, `message`
 * - `latestFolder`, `latestNamespace`, `latestParameter+<visible|missing>` (missing: the image it names is not visible)
 * - `allowedImages`, `recycleBinFolder`, `recycleBinEntry+<image|snapshot>` (issue 14)
 * - `usedBy` (the section under an owned image), `usedBy+<instance|launchTemplate|autoScalingGroup|other|notice>`
 * - `connection+<primary|added>[+failed]` (a connection row, shown when several connections are)
 */
export const contextValues = {
  region: 'region',
  imagesFolder: 'imagesFolder',
  instancesFolder: 'instancesFolder',
  snapshotsFolder: 'snapshotsFolder',
  loadMore: 'loadMore',
  error: 'error',
  message: 'message',
  imageFamily: 'imageFamily',
  latestFolder: 'latestFolder',
  latestNamespace: 'latestNamespace',

  latestParameter(visible: boolean): string {
    return `latestParameter+${visible ? 'visible' : 'missing'}`;
  },

  allowedImages: 'allowedImages',
  recycleBinFolder: 'recycleBinFolder',

  recycleBinEntry(kind: 'image' | 'snapshot'): string {
    return `recycleBinEntry+${kind}`;
  },

  usedBy: 'usedBy',

  usedByRow(kind: 'instance' | 'launchTemplate' | 'autoScalingGroup' | 'other' | 'notice'): string {
    return `usedBy+${kind}`;
  },

  /** A connection row: "Remove Connection" shows only on added ones. */
  connection(primary: boolean, failed: boolean): string {
    return `connection+${primary ? 'primary' : 'added'}${failed ? '+failed' : ''}`;
  },

  ownerGroup(group: OwnerGroup, filtered: boolean): string {
    return `ownerGroup+${group}${filtered ? '+filtered' : ''}`;
  },

  rootType(rootType: RootDeviceType): string {
    return `rootType+${rootPart(rootType)}`;
  },

  image(image: Image, accountId: string | undefined, now: number): string {
    const state = image.State ?? 'unknown';
    const owned = accountId !== undefined && image.OwnerId === accountId ? 'owned' : 'notOwned';
    const visibility = image.Public ? 'public' : 'private';
    return `image+${state}+${owned}+${visibility}${deprecationPart(image, now)}${protectionPart(image)}`;
  },

  snapshot(used: boolean): string {
    return `snapshot+${used ? 'used' : 'unused'}`;
  },

  instance(instance: Instance): string {
    const state = instance.State?.Name ?? 'unknown';
    return `instance+${state}+${rootPart(instance.RootDeviceType === 'instance-store' ? 'instance-store' : 'ebs')}`;
  },
};

function rootPart(rootType: RootDeviceType): string {
  return rootType === 'ebs' ? 'ebs' : 'instanceStore';
}

function deprecationPart(image: Image, now: number): string {
  if (isDeprecated(image, now)) {
    return '+deprecated';
  }
  return image.DeprecationTime && Number.isFinite(Date.parse(image.DeprecationTime)) ? '+deprecationScheduled' : '';
}

function protectionPart(image: Image): string {
  switch (protectionState(image)) {
    case 'on':
    case 'onWithCooldown':
      return '+protected';
    case 'cooldown':
      return '+protectionCooldown';
    default:
      return '';
  }
}

/** EC2 keeps returning a deprecated image to its owner; it is deprecated once its time has passed. */
export function isDeprecated(image: Pick<Image, 'DeprecationTime'>, now: number): boolean {
  if (!image.DeprecationTime) {
    return false;
  }
  const at = Date.parse(image.DeprecationTime);
  return Number.isFinite(at) && at <= now;
}
