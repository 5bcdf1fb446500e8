/**
 * Who stands behind an AMI. EC2 does not vouch for shared or community AMIs (EC2 User Guide,
 * "Shared AMIs": "AWS does not perform detailed security screening of AMIs shared by other users");
 * what the API tells us is the owner alias and product codes:
 * - `amazon` alias: "AMIs created by Amazon or verified providers" (ImageCriterionRequest's
 *   `amazon` provider, SDK doc of EnableAllowedImagesSettings / ReplaceImageCriteria…);
 * - `aws-marketplace` alias, or a `marketplace` product code: an AWS Marketplace listing;
 * - the console's "Verified provider" badge is not an attribute DescribeImages returns, so a
 *   verified provider here is an owner id in {@link VERIFIED_PUBLISHERS}: the accounts the
 *   publishers themselves document (unverified as the console's exact list);
 * - an account of the user's own connections;
 * - anything else: an unknown publisher.
 * No `vscode`: the webviews show the same words.
 */

import * as l10n from '@vscode/l10n';

export type TrustLevel = 'own' | 'amazon' | 'marketplace' | 'verified' | 'unknown';

/** What the trust level needs of an image (a subset of the SDK's `Image`). */
export interface TrustInput {
  OwnerId?: string;
  ImageOwnerAlias?: string;
  ProductCodes?: { ProductCodeType?: string }[];
}

/**
 * Publishers that document their AMI owner account (Canonical's Ubuntu "Find an AMI" page,
 * Debian's cloud image wiki, Red Hat's and SUSE's public cloud guides).
 */
export const VERIFIED_PUBLISHERS: Readonly<Record<string, string>> = {
  '099720109477': 'Canonical',
  '136693071363': 'Debian',
  '309956199498': 'Red Hat',
  '013907871322': 'SUSE',
};

/** The level's name, as badges, tooltips and panels show it. */
export function trustLabel(level: TrustLevel): string {
  switch (level) {
    case 'own':
      return l10n.t('Your account');
    case 'amazon':
      return l10n.t({ message: 'Amazon', comment: ['trust level: the AMI is published by Amazon'] });
    case 'marketplace':
      return l10n.t('AWS Marketplace');
    case 'verified':
      return l10n.t('Verified provider');
    case 'unknown':
      return l10n.t('Unknown publisher');
  }
}

/** The trust level of an image, seen from the accounts of the user's own connections. */
export function trustLevelOf(image: TrustInput, ownAccounts: ReadonlySet<string>): TrustLevel {
  if (image.OwnerId && ownAccounts.has(image.OwnerId)) return 'own';
  if (image.ImageOwnerAlias === 'amazon') return 'amazon';
  if (
    image.ImageOwnerAlias === 'aws-marketplace' ||
    (image.ProductCodes ?? []).some((c) => c.ProductCodeType === 'marketplace')
  ) {
    return 'marketplace';
  }
  if (image.OwnerId && Object.prototype.hasOwnProperty.call(VERIFIED_PUBLISHERS, image.OwnerId)) return 'verified';
  return 'unknown';
}

/** One sentence on what the level means, for tooltips and panels. */
export function trustExplanation(level: TrustLevel, image: TrustInput): string {
  switch (level) {
    case 'own':
      return l10n.t('Owned by {0}, an account of your connections.', image.OwnerId ?? '');
    case 'amazon':
      return l10n.t('EC2 gives this owner the alias "amazon": AMIs of Amazon or of verified providers.');
    case 'marketplace':
      return l10n.t('An AWS Marketplace product: the seller went through the Marketplace listing process.');
    case 'verified':
      return l10n.t(
        'Published by {0} (account {1}), which documents this owner account.',
        VERIFIED_PUBLISHERS[image.OwnerId ?? ''],
        image.OwnerId ?? '',
      );
    case 'unknown':
      return image.OwnerId
        ? l10n.t(
            'Owner {0} is not Amazon, a Marketplace seller, a known publisher or one of your accounts: EC2 does not vouch for it.',
            image.OwnerId,
          )
        : l10n.t(
            'Owner unknown is not Amazon, a Marketplace seller, a known publisher or one of your accounts: EC2 does not vouch for it.',
          );
  }
}

/** What to check before launching or copying an unknown publisher's AMI (EC2 User Guide, "Use shared AMIs"). */
export function unknownPublisherChecklist(): string[] {
  return [
    l10n.t('EC2 does not vouch for shared or community AMIs: anyone can publish one, under any name or description.'),
    l10n.t('Who is the owner? Check that the account id is the one the publisher documents.'),
    l10n.t(
      'Look for pre-installed credentials or keys (authorized_keys, cloud credentials) that would let someone else in.',
    ),
    l10n.t('Look for a fixed root or administrator password.'),
    l10n.t('Look for pre-configured remote logging or agents that send data elsewhere.'),
    l10n.t('Launch it first in an isolated subnet, without an instance profile, and inspect it before any real use.'),
  ];
}

/** What to do before sharing an AMI or making it public (EC2 User Guide, "Guidelines for shared Linux AMIs"). */
export function publisherChecklist(): string[] {
  return [
    l10n.t('Remove the SSH host key pairs (/etc/ssh/ssh_host_*), so every instance generates its own.'),
    l10n.t('Remove authorized_keys of every user (root included); keys come from the launch key pair.'),
    l10n.t('Disable password logins and the root password (PasswordAuthentication no).'),
    l10n.t('Leave no credentials: no AWS access keys, tokens, certificates or .env files.'),
    l10n.t('Clear the shell history (.bash_history) and logs that may hold secrets.'),
  ];
}
