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

export const TRUST_LABELS: Readonly<Record<TrustLevel, string>> = {
  own: 'Your account',
  amazon: 'Amazon',
  marketplace: 'AWS Marketplace',
  verified: 'Verified provider',
  unknown: 'Unknown publisher',
};

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
      return `Owned by ${image.OwnerId}, an account of your connections.`;
    case 'amazon':
      return 'EC2 gives this owner the alias "amazon": AMIs of Amazon or of verified providers.';
    case 'marketplace':
      return 'An AWS Marketplace product: the seller went through the Marketplace listing process.';
    case 'verified':
      return `Published by ${VERIFIED_PUBLISHERS[image.OwnerId ?? '']} (account ${image.OwnerId}), which documents this owner account.`;
    case 'unknown':
      return `Owner ${image.OwnerId ?? 'unknown'} is not Amazon, a Marketplace seller, a known publisher or one of your accounts: EC2 does not vouch for it.`;
  }
}

/** What to check before launching or copying an unknown publisher's AMI (EC2 User Guide, "Use shared AMIs"). */
export const UNKNOWN_PUBLISHER_CHECKLIST: readonly string[] = [
  'EC2 does not vouch for shared or community AMIs: anyone can publish one, under any name or description.',
  'Who is the owner? Check that the account id is the one the publisher documents.',
  'Look for pre-installed credentials or keys (authorized_keys, cloud credentials) that would let someone else in.',
  'Look for a fixed root or administrator password.',
  'Look for pre-configured remote logging or agents that send data elsewhere.',
  'Launch it first in an isolated subnet, without an instance profile, and inspect it before any real use.',
];

/** What to do before sharing an AMI or making it public (EC2 User Guide, "Guidelines for shared Linux AMIs"). */
export const PUBLISHER_CHECKLIST: readonly string[] = [
  'Remove the SSH host key pairs (/etc/ssh/ssh_host_*), so every instance generates its own.',
  'Remove authorized_keys of every user (root included); keys come from the launch key pair.',
  'Disable password logins and the root password (PasswordAuthentication no).',
  'Leave no credentials: no AWS access keys, tokens, certificates or .env files.',
  'Clear the shell history (.bash_history) and logs that may hold secrets.',
];
