import { isPublic } from '../models/imageAccess';
import type { BlockDeviceMapping, ImageRecord, LaunchPermission, ProductCode, Tag } from '../models/types';
import { el, esc, isoTime } from './xml';

/**
 * EC2's XML for images, with the element names the SDK's `Image` shape reads
 * (`imagesSet`, `imageState`, `imageOwnerId`, `blockDeviceMapping`, `tagSet`…). Plain string
 * concatenation: DescribeImages renders thousands of these per request.
 */

/**
 * `readOnly` tells which records belong to the read-only public catalog: their XML never
 * changes, so it is rendered once and kept (up to a bound), which keeps large listings cheap.
 */
export function renderImages(
  images: readonly ImageRecord[],
  now: number,
  readOnly?: (image: ImageRecord) => boolean,
  allowed: (image: ImageRecord) => boolean = () => true,
): string {
  if (images.length === 0) return '<imagesSet/>';
  const parts = new Array<string>(images.length);
  for (let k = 0; k < images.length; k++) {
    const image = images[k];
    if (readOnly && readOnly(image)) {
      let xml = catalogXml.get(image);
      if (xml === undefined) {
        xml = flatten(renderImage(image, now));
        if (catalogXmlCount < CATALOG_XML_LIMIT) {
          catalogXml.set(image, xml);
          catalogXmlCount++;
        }
      }
      parts[k] = xml + renderImageAllowed(allowed(image));
    } else {
      parts[k] = renderImage(image, now) + renderImageAllowed(allowed(image));
    }
  }
  return '<imagesSet><item>' + parts.join('</item><item>') + '</item></imagesSet>';
}

/**
 * A string built by `+` is a tree of pieces in V8; joining thousands of cached trees copies
 * each again on every response. A numeric coercion makes V8 flatten it once, here.
 */
function flatten(s: string): string {
  // eslint-disable-next-line @typescript-eslint/no-unused-expressions
  (s as unknown as number) | 0;
  return s;
}

const catalogXml = new WeakMap<ImageRecord, string>();
let catalogXmlCount = 0;
/** About 25 MB of XML at most. */
const CATALOG_XML_LIMIT = 20_000;

export function renderImage(i: ImageRecord, now: number): string {
  let out =
    '<imageId>' +
    i.imageId +
    '</imageId>' +
    el('imageLocation', i.imageLocation) +
    '<imageState>' +
    i.state +
    '</imageState>' +
    '<imageOwnerId>' +
    i.ownerId +
    '</imageOwnerId>' +
    '<creationDate>' +
    new Date(i.creationDate).toISOString() +
    '</creationDate>' +
    '<isPublic>' +
    (isPublic(i) ? 'true' : 'false') +
    '</isPublic>' +
    renderProductCodes(i.productCodes) +
    '<architecture>' +
    i.architecture +
    '</architecture>' +
    '<imageType>' +
    i.imageType +
    '</imageType>';
  if (i.kernelId) out += '<kernelId>' + i.kernelId + '</kernelId>';
  if (i.ramdiskId) out += '<ramdiskId>' + i.ramdiskId + '</ramdiskId>';
  if (i.platform) out += '<platform>' + i.platform + '</platform>';
  out += el('platformDetails', i.platformDetails) + el('usageOperation', i.usageOperation);
  if (i.stateReason) {
    out += '<stateReason>' + el('code', i.stateReason.code) + el('message', i.stateReason.message) + '</stateReason>';
  }
  if (i.imageOwnerAlias) out += '<imageOwnerAlias>' + i.imageOwnerAlias + '</imageOwnerAlias>';
  out += el('name', i.name) + el('description', i.description);
  out += '<rootDeviceType>' + i.rootDeviceType + '</rootDeviceType>' + el('rootDeviceName', i.rootDeviceName);
  out += renderBlockDeviceMappings(i.blockDeviceMappings);
  out += '<virtualizationType>' + i.virtualizationType + '</virtualizationType>';
  if (i.tags.length > 0) out += renderTags(i.tags);
  out += '<hypervisor>' + i.hypervisor + '</hypervisor>';
  out += '<enaSupport>' + (i.enaSupport ? 'true' : 'false') + '</enaSupport>';
  if (i.sriovNetSupport) out += '<sriovNetSupport>' + i.sriovNetSupport + '</sriovNetSupport>';
  if (i.bootMode) out += '<bootMode>' + i.bootMode + '</bootMode>';
  if (i.tpmSupport) out += '<tpmSupport>' + i.tpmSupport + '</tpmSupport>';
  if (i.imdsSupport) out += '<imdsSupport>' + i.imdsSupport + '</imdsSupport>';
  if (i.deprecationTime !== undefined) out += '<deprecationTime>' + isoTime(i.deprecationTime) + '</deprecationTime>';
  if (i.sourceInstanceId) out += '<sourceInstanceId>' + i.sourceInstanceId + '</sourceInstanceId>';
  out += '<deregistrationProtection>' + deregistrationProtectionValue(i, now) + '</deregistrationProtection>';
  if (i.lastLaunchedTime !== undefined)
    out += '<lastLaunchedTime>' + isoTime(i.lastLaunchedTime) + '</lastLaunchedTime>';
  if (i.sourceImageId) out += '<sourceImageId>' + i.sourceImageId + '</sourceImageId>';
  if (i.sourceImageRegion) out += '<sourceImageRegion>' + i.sourceImageRegion + '</sourceImageRegion>';
  out += '<freeTierEligible>' + (i.freeTierEligible ? 'true' : 'false') + '</freeTierEligible>';
  if (i.publicSsmParameterName) out += el('publicSsmParameterName', i.publicSsmParameterName);
  return out;
}

/**
 * Image.ImageAllowed: the caller's Allowed AMIs verdict (allowedImages.ts), so it stays out of
 * the per-image cache. Rendered on every image (unverified which images EC2 omits it on).
 */
function renderImageAllowed(allowed: boolean): string {
  return allowed ? '<imageAllowed>true</imageAllowed>' : '<imageAllowed>false</imageAllowed>';
}

/**
 * EC2's wording of the protection: `enabled-with-cooldown`, `enabled-without-cooldown`, or
 * `disabled`; while a cooldown still protects a disabled image, `disabled-until <time>`.
 */
export function deregistrationProtectionValue(i: ImageRecord, now: number): string {
  const p = i.deregistrationProtection;
  if (!p) return 'disabled';
  if (p.enabled) return p.withCooldown ? 'enabled-with-cooldown' : 'enabled-without-cooldown';
  if (p.disabledUntil !== undefined && p.disabledUntil > now) return `disabled-until ${isoTime(p.disabledUntil)}`;
  return 'disabled';
}

export function renderProductCodes(codes: readonly ProductCode[]): string {
  if (codes.length === 0) return '<productCodes/>';
  let out = '<productCodes>';
  for (const c of codes)
    out += '<item><productCode>' + esc(c.productCodeId) + '</productCode><type>' + c.productCodeType + '</type></item>';
  return out + '</productCodes>';
}

export function renderBlockDeviceMappings(mappings: readonly BlockDeviceMapping[]): string {
  if (mappings.length === 0) return '<blockDeviceMapping/>';
  let out = '<blockDeviceMapping>';
  for (const m of mappings) {
    out += '<item><deviceName>' + esc(m.deviceName) + '</deviceName>';
    if (m.virtualName) out += '<virtualName>' + esc(m.virtualName) + '</virtualName>';
    if (m.noDevice) out += '<noDevice></noDevice>';
    const e = m.ebs;
    if (e) {
      out += '<ebs>';
      if (e.snapshotId) out += '<snapshotId>' + e.snapshotId + '</snapshotId>';
      out +=
        '<volumeSize>' +
        e.volumeSize +
        '</volumeSize>' +
        '<deleteOnTermination>' +
        (e.deleteOnTermination ? 'true' : 'false') +
        '</deleteOnTermination>' +
        '<volumeType>' +
        e.volumeType +
        '</volumeType>';
      if (e.iops !== undefined) out += '<iops>' + e.iops + '</iops>';
      if (e.throughput !== undefined) out += '<throughput>' + e.throughput + '</throughput>';
      if (e.kmsKeyId) out += '<kmsKeyId>' + esc(e.kmsKeyId) + '</kmsKeyId>';
      out += '<encrypted>' + (e.encrypted ? 'true' : 'false') + '</encrypted></ebs>';
    }
    out += '</item>';
  }
  return out + '</blockDeviceMapping>';
}

export function renderTags(tags: readonly Tag[]): string {
  if (tags.length === 0) return '<tagSet/>';
  let out = '<tagSet>';
  for (const t of tags) out += '<item><key>' + esc(t.key) + '</key><value>' + esc(t.value) + '</value></item>';
  return out + '</tagSet>';
}

export function renderLaunchPermissions(perms: readonly LaunchPermission[]): string {
  if (perms.length === 0) return '<launchPermission/>';
  let out = '<launchPermission>';
  for (const p of perms) {
    out +=
      '<item>' +
      el('group', p.group) +
      el('userId', p.userId) +
      el('organizationArn', p.organizationArn) +
      el('organizationalUnitArn', p.organizationalUnitArn) +
      '</item>';
  }
  return out + '</launchPermission>';
}
