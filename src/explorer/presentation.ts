import type { Image, Instance } from '@aws-sdk/client-ec2';
import { instanceName } from '../ec2/instances';
import { cooldownEnd, protectionState } from '../ec2/deprecation';
import { imageMonthlyCost, imageSnapshots } from '../ec2/snapshotUsage';
import { formatUsd } from '../shared/pricing';
import { isDeprecated } from './contextValues';
import type { AmiStatus } from './explorerModel';

/**
 * What image and instance rows say, kept free of `vscode` so it is unit-tested in Node.
 * Icons are codicon ids with an optional theme colour id.
 */
export interface IconChoice {
  id: string;
  color?: string;
}

export function imageLabel(image: Image): string {
  return image.Name || image.ImageId || '(unnamed image)';
}

/**
 * `2026-09-01 · x86_64 · ami-…`: what tells the versions of a family apart first (creation date,
 * architecture), then the id; the virtualization only when it is the legacy `paravirtual`, the
 * state only when it is not `available`.
 */
export function imageDescription(image: Image, now: number): string {
  const parts = [
    image.CreationDate?.slice(0, 10),
    image.Architecture,
    image.ImageId,
    image.VirtualizationType === 'paravirtual' ? 'pv' : undefined,
    image.State === 'available' ? undefined : image.State,
  ];
  if (isDeprecated(image, now)) {
    parts.push('deprecated');
  }
  const protection = protectionState(image);
  if (protection !== 'off') {
    parts.push(protection === 'cooldown' ? 'protected (cooldown)' : 'protected');
  }
  // EC2 reports the Allowed AMIs verdict on every image; only "not allowed" needs the eye (issue 14).
  if (image.ImageAllowed === false) {
    parts.push('not allowed');
  }
  return parts.filter(Boolean).join(' · ');
}

export function isWindows(image: Pick<Image, 'Platform' | 'PlatformDetails'>): boolean {
  return String(image.Platform ?? '').toLowerCase() === 'windows' || /windows/i.test(image.PlatformDetails ?? '');
}

/** State first (pending spins, failed, disabled, deprecated), then "public and mine", then the platform. */
export function imageIcon(image: Image, accountId: string | undefined, now: number): IconChoice {
  switch (image.State) {
    case 'pending':
      return { id: 'loading~spin' };
    case 'failed':
    case 'error':
      return { id: 'error', color: 'list.errorForeground' };
    case 'disabled':
      return { id: 'circle-slash', color: 'disabledForeground' };
  }
  if (isDeprecated(image, now)) {
    return { id: 'warning', color: 'list.warningForeground' };
  }
  if (image.Public && accountId !== undefined && image.OwnerId === accountId) {
    return { id: 'globe', color: 'charts.orange' };
  }
  return { id: isWindows(image) ? 'window' : 'terminal-linux' };
}

/** Escapes text from EC2 (names, descriptions, tags) so it cannot inject Markdown or links. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]()<>#|~]/g, (c) => `\\${c}`);
}

function formatDate(iso: string | undefined): string | undefined {
  if (!iso) {
    return undefined;
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date
        .toISOString()
        .replace('T', ' ')
        .replace(/\.\d+Z$/, ' UTC');
}

/**
 * The details a user checks before launching, as Markdown. With a price (for the caller's own
 * images), also what its snapshots cost per month.
 */
export function imageTooltip(
  image: Image,
  accountId: string | undefined,
  now: number,
  pricePerGbMonth?: number,
  /** Already escaped Markdown lines (the badges of imageBadges.ts), shown after the attributes. */
  badges: readonly string[] = [],
): string {
  const e = (s: string | undefined) => escapeMarkdown(s ?? '—');
  const lines: string[] = [`**${e(imageLabel(image))}**`, ''];
  if (image.Description) {
    lines.push(e(image.Description), '');
  }
  const rows: [string, string | undefined][] = [
    ['AMI ID', image.ImageId],
    ['State', image.State + (image.StateReason?.Message ? ` (${image.StateReason.Message})` : '')],
    [
      'Owner',
      [
        image.OwnerId,
        image.ImageOwnerAlias ? `(${image.ImageOwnerAlias})` : undefined,
        image.OwnerId === accountId ? '— you' : undefined,
      ]
        .filter(Boolean)
        .join(' '),
    ],
    ['Created', formatDate(image.CreationDate)],
    ['Platform', image.PlatformDetails ?? (isWindows(image) ? 'Windows' : 'Linux/UNIX')],
    ['Architecture', image.Architecture],
    ['Virtualization', image.VirtualizationType + (image.KernelId ? ` (kernel ${image.KernelId})` : '')],
    ['Boot mode', image.BootMode],
    ['Root device', `${image.RootDeviceType ?? '—'} ${image.RootDeviceName ?? ''}`.trim()],
    ['ENA', image.EnaSupport === undefined ? undefined : image.EnaSupport ? 'supported' : 'not supported'],
    ['IMDS', image.ImdsSupport ? `IMDS${image.ImdsSupport}` : undefined],
    [
      'Launch permission',
      image.Public ? 'public: any AWS account can launch it' : 'private: the owner and the accounts it is shared with',
    ],
    [
      'Product codes',
      image.ProductCodes?.length
        ? image.ProductCodes.map((p) => `${p.ProductCodeId} (${p.ProductCodeType})`).join(', ')
        : undefined,
    ],
    [
      'Deprecation',
      image.DeprecationTime
        ? `${formatDate(image.DeprecationTime)}${isDeprecated(image, now) ? ' — deprecated' : ' — scheduled'}`
        : undefined,
    ],
    ['Deregistration protection', protectionText(image)],
    [
      'Allowed AMIs',
      image.ImageAllowed === undefined
        ? undefined
        : image.ImageAllowed
          ? 'allowed by the criteria of this region'
          : 'not allowed by the criteria of this region (audit mode: still launchable, reported only)',
    ],
    ['Snapshot storage', pricePerGbMonth === undefined ? undefined : snapshotCostText(image, pricePerGbMonth)],
    ['Tags', image.Tags?.length ? image.Tags.map((t) => `${t.Key}=${t.Value ?? ''}`).join(', ') : undefined],
  ];
  for (const [label, value] of rows) {
    if (value) {
      lines.push(`${label}: ${e(value)}  `);
    }
  }
  lines.push(...badges);
  const devices = image.BlockDeviceMappings ?? [];
  if (devices.length) {
    lines.push('', '**Block devices**', '');
    for (const d of devices) {
      const detail = d.Ebs
        ? [
            `EBS ${d.Ebs.VolumeSize ?? '?'} GiB`,
            d.Ebs.VolumeType,
            d.Ebs.Encrypted ? 'encrypted' : 'not encrypted',
            d.Ebs.SnapshotId,
            d.Ebs.DeleteOnTermination === false ? 'kept on termination' : undefined,
          ]
            .filter(Boolean)
            .join(', ')
        : d.VirtualName
          ? `instance store (${d.VirtualName})`
          : 'no device';
      lines.push(`- ${e(d.DeviceName)}: ${e(detail)}`);
    }
  }
  return lines.join('\n');
}

export function instanceLabel(instance: Instance): string {
  return instanceName(instance) ?? instance.InstanceId ?? '(unknown instance)';
}

const AMI_WARNINGS: Partial<Record<AmiStatus, string>> = {
  deprecated: 'AMI deprecated',
  disabled: 'AMI disabled',
  deregistered: 'AMI deregistered',
  failed: 'AMI failed',
};

/** The warning an instance row shows about its AMI, if any. */
export function amiWarning(status: AmiStatus | undefined): string | undefined {
  return status ? AMI_WARNINGS[status] : undefined;
}

/**
 * `i-… · running · t3.micro · ami-…` plus a warning when its AMI is gone or deprecated; an
 * instance-store-backed one says so (it has no Create Image, and its icon is the same).
 */
export function instanceDescription(instance: Instance, amiStatus: AmiStatus | undefined): string {
  const parts = [
    instanceName(instance) ? instance.InstanceId : undefined,
    instance.State?.Name,
    instance.RootDeviceType === 'instance-store' ? 'instance store' : undefined,
    instance.InstanceType,
    instance.ImageId,
  ];
  const warning = amiWarning(amiStatus);
  if (warning) {
    parts.push(`⚠ ${warning}`);
  }
  return parts.filter(Boolean).join(' · ');
}

export function instanceIcon(instance: Instance): IconChoice {
  switch (instance.State?.Name) {
    case 'running':
      return { id: 'vm-running', color: 'charts.green' };
    case 'stopped':
      return { id: 'vm-outline' };
    case 'terminated':
      return { id: 'vm', color: 'disabledForeground' };
    default:
      return { id: 'loading~spin' };
  }
}

export function instanceTooltip(instance: Instance, amiStatus: AmiStatus | undefined): string {
  const e = (s: string | undefined) => escapeMarkdown(s ?? '—');
  const warning = amiWarning(amiStatus);
  const rows: [string, string | undefined][] = [
    ['Instance ID', instance.InstanceId],
    ['State', instance.State?.Name],
    ['Type', instance.InstanceType],
    ['AMI', instance.ImageId + (warning ? ` — ${warning}` : '')],
    ['Root device', `${instance.RootDeviceType ?? '—'} ${instance.RootDeviceName ?? ''}`.trim()],
    ['Platform', instance.PlatformDetails],
    ['Zone', instance.Placement?.AvailabilityZone],
    ['Private IP', instance.PrivateIpAddress],
    ['Public IP', instance.PublicIpAddress],
    [
      'Launched',
      formatDate(instance.LaunchTime instanceof Date ? instance.LaunchTime.toISOString() : instance.LaunchTime),
    ],
  ];
  const lines = [`**${e(instanceLabel(instance))}**`, ''];
  for (const [label, value] of rows) {
    if (value) {
      lines.push(`${label}: ${e(value)}  `);
    }
  }
  if (instance.RootDeviceType === 'instance-store') {
    lines.push(
      '',
      '**Instance-store-backed**: it cannot be stopped, and EC2 cannot create an image of it (CreateImage snapshots EBS volumes; an instance store disk cannot be snapshotted).',
      '',
      "Workaround: bundle it with the EC2 AMI tools (`ec2-bundle-vol`, `ec2-upload-bundle`) to S3 and register the bundle, or move the workload to an EBS-backed instance and create the image there. Right-click → *Why Can't I Create an Image?*",
    );
  }
  return lines.join('\n');
}

/** `12`, or `50+` while more pages exist. */
export function countText(count: number, more: boolean): string {
  return more ? `${count}+` : String(count);
}

function protectionText(image: Image): string | undefined {
  switch (protectionState(image)) {
    case 'on':
      return 'on (without cooldown): EC2 refuses to deregister it';
    case 'onWithCooldown':
      return 'on, with a 24-hour cooldown: EC2 refuses to deregister it until 24 hours after protection is turned off';
    case 'cooldown':
      return `off, but still protected until ${formatDate(cooldownEnd(image)) ?? 'the cooldown ends'}`;
    default:
      return undefined;
  }
}

/** `2 snapshots, 70 GiB ≈ $3.50/month at $0.05 per GB-month`. */
export function snapshotCostText(image: Image, pricePerGbMonth: number): string {
  const snapshots = imageSnapshots(image);
  if (snapshots.length === 0) {
    return 'no EBS snapshots';
  }
  const gib = snapshots.reduce((sum, s) => sum + s.sizeGiB, 0);
  const count = snapshots.length === 1 ? '1 snapshot' : `${snapshots.length} snapshots`;
  return `${count}, ${gib} GiB ≈ ${formatUsd(imageMonthlyCost(image, pricePerGbMonth))}/month at $${pricePerGbMonth} per GB-month`;
}
