import * as l10n from '@vscode/l10n';
import { counted } from '../shared/plural';
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
  return image.Name || image.ImageId || l10n.t('(unnamed image)');
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
    parts.push(l10n.t({ message: 'deprecated', comment: ['state of an AMI whose deprecation time has passed'] }));
  }
  const protection = protectionState(image);
  if (protection !== 'off') {
    parts.push(protection === 'cooldown' ? l10n.t('protected (cooldown)') : l10n.t('protected'));
  }
  // EC2 reports the Allowed AMIs verdict on every image; only "not allowed" needs the eye (issue 14).
  if (image.ImageAllowed === false) {
    parts.push(l10n.t('not allowed'));
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
    [l10n.t('AMI ID'), image.ImageId],
    [l10n.t('State'), image.State + (image.StateReason?.Message ? ` (${image.StateReason.Message})` : '')],
    [
      l10n.t('Owner'),
      [
        image.OwnerId,
        image.ImageOwnerAlias ? `(${image.ImageOwnerAlias})` : undefined,
        image.OwnerId === accountId ? l10n.t('— you') : undefined,
      ]
        .filter(Boolean)
        .join(' '),
    ],
    [l10n.t('Created'), formatDate(image.CreationDate)],
    [l10n.t('Platform'), image.PlatformDetails ?? (isWindows(image) ? 'Windows' : 'Linux/UNIX')],
    [l10n.t('Architecture'), image.Architecture],
    [
      l10n.t('Virtualization'),
      image.VirtualizationType + (image.KernelId ? l10n.t(' (kernel {0})', image.KernelId) : ''),
    ],
    [l10n.t('Boot mode'), image.BootMode],
    [l10n.t('Root device'), `${image.RootDeviceType ?? '—'} ${image.RootDeviceName ?? ''}`.trim()],
    [
      'ENA',
      image.EnaSupport === undefined ? undefined : image.EnaSupport ? l10n.t('supported') : l10n.t('not supported'),
    ],
    ['IMDS', image.ImdsSupport ? `IMDS${image.ImdsSupport}` : undefined],
    [
      l10n.t('Launch permission'),
      image.Public
        ? l10n.t('public: any AWS account can launch it')
        : l10n.t('private: the owner and the accounts it is shared with'),
    ],
    [
      l10n.t('Product codes'),
      image.ProductCodes?.length
        ? image.ProductCodes.map((p) => `${p.ProductCodeId} (${p.ProductCodeType})`).join(', ')
        : undefined,
    ],
    [
      l10n.t('Deprecation'),
      image.DeprecationTime
        ? isDeprecated(image, now)
          ? l10n.t('{0} — deprecated', formatDate(image.DeprecationTime) ?? '')
          : l10n.t('{0} — scheduled', formatDate(image.DeprecationTime) ?? '')
        : undefined,
    ],
    [l10n.t('Deregistration protection'), protectionText(image)],
    [
      l10n.t('Allowed AMIs'),
      image.ImageAllowed === undefined
        ? undefined
        : image.ImageAllowed
          ? l10n.t('allowed by the criteria of this region')
          : l10n.t('not allowed by the criteria of this region (audit mode: still launchable, reported only)'),
    ],
    [l10n.t('Snapshot storage'), pricePerGbMonth === undefined ? undefined : snapshotCostText(image, pricePerGbMonth)],
    [l10n.t('Tags'), image.Tags?.length ? image.Tags.map((t) => `${t.Key}=${t.Value ?? ''}`).join(', ') : undefined],
  ];
  for (const [label, value] of rows) {
    if (value) {
      lines.push(`${label}: ${e(value)}  `);
    }
  }
  lines.push(...badges);
  const devices = image.BlockDeviceMappings ?? [];
  if (devices.length) {
    lines.push('', l10n.t('**Block devices**'), '');
    for (const d of devices) {
      const detail = d.Ebs
        ? [
            l10n.t('EBS {0} GiB', d.Ebs.VolumeSize ?? '?'),
            d.Ebs.VolumeType,
            d.Ebs.Encrypted ? l10n.t('encrypted') : l10n.t('not encrypted'),
            d.Ebs.SnapshotId,
            d.Ebs.DeleteOnTermination === false ? l10n.t('kept on termination') : undefined,
          ]
            .filter(Boolean)
            .join(', ')
        : d.VirtualName
          ? l10n.t('instance store ({0})', d.VirtualName)
          : l10n.t('no device');
      lines.push(`- ${e(d.DeviceName)}: ${e(detail)}`);
    }
  }
  return lines.join('\n');
}

export function instanceLabel(instance: Instance): string {
  return instanceName(instance) ?? instance.InstanceId ?? l10n.t('(unknown instance)');
}

/** The warning an instance row shows about its AMI, if any. */
export function amiWarning(status: AmiStatus | undefined): string | undefined {
  switch (status) {
    case 'deprecated':
      return l10n.t('AMI deprecated');
    case 'disabled':
      return l10n.t('AMI disabled');
    case 'deregistered':
      return l10n.t('AMI deregistered');
    case 'failed':
      return l10n.t('AMI failed');
    default:
      return undefined;
  }
}

/**
 * `i-… · running · t3.micro · ami-…` plus a warning when its AMI is gone or deprecated; an
 * instance-store-backed one says so (it has no Create Image, and its icon is the same).
 */
export function instanceDescription(instance: Instance, amiStatus: AmiStatus | undefined): string {
  const parts = [
    instanceName(instance) ? instance.InstanceId : undefined,
    instance.State?.Name,
    instance.RootDeviceType === 'instance-store' ? l10n.t('instance store') : undefined,
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
    [l10n.t('Instance ID'), instance.InstanceId],
    [l10n.t('State'), instance.State?.Name],
    [l10n.t('Type'), instance.InstanceType],
    ['AMI', instance.ImageId + (warning ? ` — ${warning}` : '')],
    [l10n.t('Root device'), `${instance.RootDeviceType ?? '—'} ${instance.RootDeviceName ?? ''}`.trim()],
    [l10n.t('Platform'), instance.PlatformDetails],
    [l10n.t('Zone'), instance.Placement?.AvailabilityZone],
    [l10n.t('Private IP'), instance.PrivateIpAddress],
    [l10n.t('Public IP'), instance.PublicIpAddress],
    [
      l10n.t('Launched'),
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
      l10n.t(
        '**Instance-store-backed**: it cannot be stopped, and EC2 cannot create an image of it (CreateImage snapshots EBS volumes; an instance store disk cannot be snapshotted).',
      ),
      '',
      l10n.t(
        "Workaround: bundle it with the EC2 AMI tools (`ec2-bundle-vol`, `ec2-upload-bundle`) to S3 and register the bundle, or move the workload to an EBS-backed instance and create the image there. Right-click → *Why Can't I Create an Image?*",
      ),
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
      return l10n.t('on (without cooldown): EC2 refuses to deregister it');
    case 'onWithCooldown':
      return l10n.t(
        'on, with a 24-hour cooldown: EC2 refuses to deregister it until 24 hours after protection is turned off',
      );
    case 'cooldown': {
      const end = formatDate(cooldownEnd(image));
      return end
        ? l10n.t('off, but still protected until {0}', end)
        : l10n.t('off, but still protected until the cooldown ends');
    }
    default:
      return undefined;
  }
}

/** `2 snapshots, 70 GiB ≈ $3.50/month at $0.05 per GB-month`. */
export function snapshotCostText(image: Image, pricePerGbMonth: number): string {
  const snapshots = imageSnapshots(image);
  if (snapshots.length === 0) {
    return l10n.t('no EBS snapshots');
  }
  const gib = snapshots.reduce((sum, s) => sum + s.sizeGiB, 0);
  const cost = formatUsd(imageMonthlyCost(image, pricePerGbMonth));
  return counted(
    snapshots.length,
    l10n.t('{0} snapshot, {1} GiB ≈ {2}/month at ${3} per GB-month', '{0}', gib, cost, pricePerGbMonth),
    l10n.t('{0} snapshots, {1} GiB ≈ {2}/month at ${3} per GB-month', '{0}', gib, cost, pricePerGbMonth),
  );
}
