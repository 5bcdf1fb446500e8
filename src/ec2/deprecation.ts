import * as l10n from '@vscode/l10n';
import type { Image } from '@aws-sdk/client-ec2';

/**
 * EnableImageDeprecation's limits, checked before the request so the prompt can say what is
 * wrong while the user types: a time in the future, at most 10 years ahead, and for a public
 * AMI at most 2 years after its creation. EC2 drops the seconds. Times are typed in UTC.
 */

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;
const INPUT = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?:\s*UTC|Z)?$/i;

/** `2027-01-31 14:30` (UTC) → the time, or undefined when it is not such a date and time. */
export function parseUtcMinute(text: string): number | undefined {
  const m = INPUT.exec(text.trim());
  if (!m) {
    return undefined;
  }
  const [year, month, day, hour, minute] = m.slice(1).map(Number);
  const at = Date.UTC(year, month - 1, day, hour, minute);
  const back = new Date(at);
  // Date.UTC rolls 2027-02-30 over to March: refuse dates that do not exist.
  if (back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day || hour > 23 || minute > 59) {
    return undefined;
  }
  return at;
}

/** `2027-01-31 14:30`, the input format. */
export function formatUtcMinute(at: number): string {
  return new Date(at).toISOString().slice(0, 16).replace('T', ' ');
}

/** The latest deprecation time EC2 accepts for this image. */
export function latestDeprecation(image: Pick<Image, 'Public' | 'CreationDate'>, now: number): number {
  const tenYears = now + 10 * YEAR_MS;
  const created = image.CreationDate ? Date.parse(image.CreationDate) : NaN;
  return image.Public && Number.isFinite(created) ? Math.min(tenYears, created + 2 * YEAR_MS) : tenYears;
}

/** An error message for a typed deprecation time, or undefined when EC2 would accept it. */
export function checkDeprecationTime(
  text: string,
  image: Pick<Image, 'Public' | 'CreationDate'>,
  now: number,
): string | undefined {
  const at = parseUtcMinute(text);
  if (at === undefined) {
    return l10n.t('Type a date and time in UTC as YYYY-MM-DD HH:MM, e.g. 2027-01-31 14:30.');
  }
  if (at <= now) {
    return l10n.t('The deprecation time must be in the future.');
  }
  if (at > now + 10 * YEAR_MS) {
    return l10n.t(
      'The deprecation time can be at most 10 years ahead (until {0} UTC).',
      formatUtcMinute(now + 10 * YEAR_MS),
    );
  }
  const latest = latestDeprecation(image, now);
  if (at > latest) {
    return l10n.t(
      'A public AMI can be deprecated at most 2 years after its creation: at the latest {0} UTC.',
      formatUtcMinute(latest),
    );
  }
  return undefined;
}

/** What the prompt offers first: in 30 days, or the latest allowed time when that is sooner. */
export function suggestedDeprecation(image: Pick<Image, 'Public' | 'CreationDate'>, now: number): string {
  const inAMonth = Math.floor((now + 30 * 24 * 60 * 60 * 1000) / 60_000) * 60_000;
  return formatUtcMinute(Math.min(inAMonth, Math.floor(latestDeprecation(image, now) / 60_000) * 60_000));
}

/** What EC2 says about deregistration protection, in the states the UI distinguishes. */
export type ProtectionState = 'off' | 'on' | 'onWithCooldown' | 'cooldown';

/** `enabled-with-cooldown`, `enabled-without-cooldown`, `disabled-until <time>` or `disabled`. */
export function protectionState(image: Pick<Image, 'DeregistrationProtection'>): ProtectionState {
  const p = image.DeregistrationProtection ?? 'disabled';
  if (p === 'enabled-with-cooldown') return 'onWithCooldown';
  if (p.startsWith('enabled')) return 'on';
  if (p.startsWith('disabled-until')) return 'cooldown';
  return 'off';
}

/** While a cooldown runs, the time it ends (as EC2 wrote it). */
export function cooldownEnd(image: Pick<Image, 'DeregistrationProtection'>): string | undefined {
  const m = /^disabled-until\s+(.+)$/.exec(image.DeregistrationProtection ?? '');
  return m?.[1];
}
