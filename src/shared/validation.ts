import * as l10n from '@vscode/l10n';
import { IOPS_LIMITS, IOPS_REQUIRED, limitsFor, THROUGHPUT_LIMITS, VOLUME_SIZE_LIMITS_GIB } from './ebsVolumeLimits';

/**
 * EC2's input rules, shared by the webviews (instant feedback as the user types), the
 * extension host (enforcement of untrusted webview input) and the simulator (EC2's answers).
 * Each check returns an error message for the user, or `undefined` when the value is valid.
 * No `vscode` import: this file is bundled into the webviews too.
 */

export type Check = (value: string) => string | undefined;

/** EC2 AMI names: 3–128 characters of letters, digits and ( ) [ ] . / - ' @ _ and space. */
export const AMI_NAME_PATTERN = /^[A-Za-z0-9()[\]./\-'@_ ]{3,128}$/;

export const checkAmiName: Check = (value) => {
  if (value.length < 3) return l10n.t('An AMI name needs at least 3 characters.');
  if (value.length > 128) return l10n.t('An AMI name has at most 128 characters (this one has {0}).', value.length);
  const bad = [...value].find((c) => !/[A-Za-z0-9()[\]./\-'@_ ]/.test(c));
  if (bad !== undefined) {
    return l10n.t('"{0}" is not allowed in an AMI name: use letters, digits, spaces and ( ) [ ] . / - \' @ _.', bad);
  }
  return undefined;
};

export const MAX_DESCRIPTION_LENGTH = 255;

export const checkDescription: Check = (value) =>
  value.length > MAX_DESCRIPTION_LENGTH
    ? l10n.t('A description has at most {0} characters (this one has {1}).', MAX_DESCRIPTION_LENGTH, value.length)
    : undefined;

export const checkAccountId: Check = (value) =>
  /^\d{12}$/.test(value) ? undefined : l10n.t('"{0}" is not an AWS account id: it must be exactly 12 digits.', value);

export const ORGANIZATION_ARN_PATTERN = /^arn:aws[a-z-]*:organizations::\d{12}:organization\/o-[a-z0-9]{10,32}$/;
export const ORGANIZATIONAL_UNIT_ARN_PATTERN =
  /^arn:aws[a-z-]*:organizations::\d{12}:ou\/o-[a-z0-9]{10,32}\/ou-[a-z0-9]{4,32}-[a-z0-9]{8,32}$/;

export const checkOrganizationArn: Check = (value) =>
  ORGANIZATION_ARN_PATTERN.test(value)
    ? undefined
    : l10n.t('An organization ARN looks like arn:aws:organizations::123456789012:organization/o-exampleorgid.');

export const checkOrganizationalUnitArn: Check = (value) =>
  ORGANIZATIONAL_UNIT_ARN_PATTERN.test(value)
    ? undefined
    : l10n.t('An OU ARN looks like arn:aws:organizations::123456789012:ou/o-exampleorgid/ou-abcd-exampleou.');

export const REGION_PATTERN = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/;

export const checkRegion: Check = (value) =>
  REGION_PATTERN.test(value) ? undefined : l10n.t('"{0}" is not a region name such as us-east-1.', value);

/** Resource ids: the short (8 hex) legacy form and the long (17 hex) form. */
export const IMAGE_ID_PATTERN = /^ami-[0-9a-f]{8}(?:[0-9a-f]{9})?$/;
export const INSTANCE_ID_PATTERN = /^i-[0-9a-f]{8}(?:[0-9a-f]{9})?$/;
export const SNAPSHOT_ID_PATTERN = /^snap-[0-9a-f]{8}(?:[0-9a-f]{9})?$/;

export const checkImageId: Check = (value) =>
  IMAGE_ID_PATTERN.test(value) ? undefined : l10n.t('"{0}" is not an AMI id such as ami-0123456789abcdef0.', value);

export const checkTagKey: Check = (value) => {
  if (value.length === 0) return l10n.t('A tag key cannot be empty.');
  if (value.length > 128) return l10n.t('A tag key has at most 128 characters.');
  if (value.toLowerCase().startsWith('aws:')) return l10n.t('Tag keys starting with "aws:" are reserved for AWS.');
  return undefined;
};

export const checkTagValue: Check = (value) =>
  value.length > 256 ? l10n.t('A tag value has at most 256 characters.') : undefined;

// Added for the webview panels (create image volumes, copy image encryption).

/** Block device names as EC2 reports them: `/dev/sda1`, `/dev/xvdf`, `xvdb`, `/dev/nvme1n1`… */
export const DEVICE_NAME_PATTERN = /^(\/dev\/)?[a-z][a-z0-9]{1,15}$/;

export const checkDeviceName: Check = (value) =>
  DEVICE_NAME_PATTERN.test(value) ? undefined : l10n.t('"{0}" is not a device name such as /dev/xvda.', value);

/** EBS volume sizes (GiB) accepted by EC2 for any volume type. */
export const MIN_VOLUME_SIZE_GIB = 1;
export const MAX_VOLUME_SIZE_GIB = 65536;

/** A volume size typed by the user; `minimum` is the current size, as EC2 cannot shrink a snapshot. */
export function checkVolumeSize(value: string, minimum = MIN_VOLUME_SIZE_GIB): string | undefined {
  if (!/^\d{1,6}$/.test(value.trim())) return l10n.t('A volume size is a whole number of GiB.');
  const size = Number(value.trim());
  if (size < minimum)
    return l10n.t("The size cannot be less than {0} GiB: EC2 cannot shrink a volume's snapshot.", minimum);
  if (size > MAX_VOLUME_SIZE_GIB) return l10n.t('A volume has at most {0} GiB.', MAX_VOLUME_SIZE_GIB);
  return undefined;
}

/** KMS key ids, key ARNs, alias names and alias ARNs, as CopyImage's KmsKeyId accepts them. */
export const KMS_KEY_PATTERN =
  /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32}|alias\/[A-Za-z0-9/_-]{1,250}|arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:(?:key\/(?:[0-9a-f-]{36}|mrk-[0-9a-f]{32})|alias\/[A-Za-z0-9/_-]{1,250}))$/;

export const checkKmsKeyId: Check = (value) =>
  KMS_KEY_PATTERN.test(value) ? undefined : l10n.t('A KMS key is a key id, a key ARN, alias/name or an alias ARN.');

export const checkInstanceId: Check = (value) =>
  INSTANCE_ID_PATTERN.test(value)
    ? undefined
    : l10n.t('"{0}" is not an instance id such as i-0123456789abcdef0.', value);

// New, empty EBS volumes added to an image's block device mapping (Create Image).

/**
 * Device names this extension offers for a new EBS volume on Linux: `/dev/sd[b-z]`,
 * `/dev/xvd[b-z]` and `/dev/xvd[b-c][a-z]` (AWS recommends f–p). `a` is left out: it is the root's.
 * Instance-store names (`ephemeralN` virtual names) are not offered.
 */
export const NEW_DEVICE_NAME_PATTERN = /^\/dev\/(?:sd[b-z]|xvd[b-z]|xvd[bc][a-z])$/;

/**
 * The same device for EC2 and the kernel: `/dev/sdf` and `/dev/xvdf` (and `xvdf`) name one
 * attachment point, so a new volume may not take the other spelling of a used one.
 */
export function deviceKey(deviceName: string): string {
  return deviceName.replace(/^\/dev\//, '').replace(/^sd/, 'xvd');
}

/** A device name for a new volume: the pattern, and not one of `taken` (in either spelling). */
export function checkNewDeviceName(value: string, taken: readonly string[]): string | undefined {
  if (!NEW_DEVICE_NAME_PATTERN.test(value)) {
    return l10n.t(
      '"{0}" is not a device name for a new volume: use /dev/sdf to /dev/sdp or /dev/xvdf to /dev/xvdp (b–z also work).',
      value,
    );
  }
  const key = deviceKey(value);
  const clash = taken.find((t) => deviceKey(t) === key);
  if (clash !== undefined) {
    return clash === value
      ? l10n.t('{0} is already used by another volume.', value)
      : l10n.t('{0} is the same device as {1}.', value, clash);
  }
  return undefined;
}

/** A new volume's size as typed, within the limits EC2 sets for `volumeType`. */
export function checkNewVolumeSize(value: string, volumeType: string): string | undefined {
  const limits = limitsFor(VOLUME_SIZE_LIMITS_GIB, volumeType);
  if (!limits) return l10n.t('"{0}" is not an EBS volume type.', volumeType);
  if (!/^\d{1,6}$/.test(value.trim())) return l10n.t('A volume size is a whole number of GiB.');
  const size = Number(value.trim());
  if (size < limits.min || size > limits.max) {
    return l10n.t('A {0} volume has {1}–{2} GiB.', volumeType, limits.min, limits.max);
  }
  return undefined;
}

/**
 * A new volume's IOPS as typed ('' for none): only gp3, io1 and io2 take it, io1/io2 need it, and
 * it is within the type's range (EC2 refuses otherwise; see `ebsVolumeLimits.ts`).
 */
export function checkNewVolumeIops(value: string, volumeType: string): string | undefined {
  const limits = limitsFor(IOPS_LIMITS, volumeType);
  const text = value.trim();
  if (text === '')
    return IOPS_REQUIRED.includes(volumeType) ? l10n.t('A {0} volume needs its IOPS.', volumeType) : undefined;
  if (!limits) return l10n.t('A {0} volume takes no IOPS.', volumeType);
  if (!/^\d{1,6}$/.test(text)) return l10n.t('IOPS is a whole number.');
  const iops = Number(text);
  if (iops < limits.min || iops > limits.max)
    return l10n.t('A {0} volume has {1}–{2} IOPS.', volumeType, limits.min, limits.max);
  return undefined;
}

/** A new volume's throughput (MiB/s) as typed ('' for the default): gp3 only, within its range. */
export function checkNewVolumeThroughput(value: string, volumeType: string): string | undefined {
  const limits = limitsFor(THROUGHPUT_LIMITS, volumeType);
  const text = value.trim();
  if (text === '') return undefined;
  if (!limits) return l10n.t('A {0} volume takes no throughput setting; only gp3 does.', volumeType);
  if (!/^\d{1,5}$/.test(text)) return l10n.t('Throughput is a whole number of MiB/s.');
  const throughput = Number(text);
  if (throughput < limits.min || throughput > limits.max) {
    return l10n.t('A {0} volume has {1}–{2} MiB/s.', volumeType, limits.min, limits.max);
  }
  return undefined;
}

/** A snapshot id as typed ('' for an empty volume). */
export const checkOptionalSnapshotId: Check = (value) =>
  value.trim() === '' || SNAPSHOT_ID_PATTERN.test(value.trim())
    ? undefined
    : l10n.t('"{0}" is not a snapshot id (snap- and 8 or 17 hexadecimal digits).', value);

/**
 * The next free device name for a new volume, in the naming the instance uses (`/dev/xvd?` when
 * its root is `/dev/xvda`, else `/dev/sd?`): f–p first, as AWS recommends, then q–z.
 */
export function suggestDeviceName(rootDeviceName: string | undefined, taken: readonly string[]): string | undefined {
  const prefix = rootDeviceName !== undefined && /^(\/dev\/)?xvd/.test(rootDeviceName) ? '/dev/xvd' : '/dev/sd';
  const used = new Set(taken.map(deviceKey));
  for (const letter of 'fghijklmnopqrstuvwxyz') {
    if (!used.has(deviceKey(prefix + letter))) return prefix + letter;
  }
  return undefined;
}
