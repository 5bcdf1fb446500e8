/**
 * Turns what a webview posted (`unknown`: the webview is untrusted) into a typed message of
 * `protocol.ts`, or a refusal that says why. Objects must have exactly the expected keys,
 * strings have length limits, enums allowed values, and names, ids and ARNs the rules of
 * `validation.ts`. Checks that need the panel's data (which images, which devices) are done
 * by each panel on top of these.
 * No `vscode` import, so that it can be unit-tested in Node.
 */
import * as l10n from '@vscode/l10n';
import type { CopyImageToHost } from './protocol/copyImage';
import type { CreateImageToHost, NewVolume, VolumeMapping } from './protocol/createImage';
import type { DeregisterToHost } from './protocol/deregister';
import type { ImageDetailsToHost } from './protocol/imageDetails';
import type { LaunchInstanceToHost } from './protocol/launchInstance';
import type { LaunchPermissionsToHost } from './protocol/launchPermissions';
import type { TagInput } from './protocol/envelope';
import { DETAIL_ACTIONS } from './protocol/imageDetails';
import { LIMITS } from './protocol/envelope';
import { NEW_VOLUME_TYPES } from './protocol/createImage';
import type { Check } from './validation';
import {
  checkAccountId,
  checkAmiName,
  checkDescription,
  checkDeviceName,
  checkImageId,
  checkInstanceId,
  checkKmsKeyId,
  checkNewDeviceName,
  checkNewVolumeIops,
  checkNewVolumeSize,
  checkNewVolumeThroughput,
  checkOptionalSnapshotId,
  checkOrganizationArn,
  checkOrganizationalUnitArn,
  checkRegion,
  checkTagKey,
  checkTagValue,
  MAX_VOLUME_SIZE_GIB,
} from './validation';

/** A parsed message, or why it was refused. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string; refused?: { path: string; why: string } };

/** Thrown inside a reader; `parseWith` turns it into `{ ok: false }`. */
class Refusal extends Error {
  constructor(
    readonly path: string,
    readonly why: string,
  ) {
    super(atPath(path, why));
  }
}

/** "message.name must be a string…": the field's path (code, untranslated), then what is wrong with it. */
function atPath(path: string, why: string): string {
  return l10n.t({
    message: '{0} {1}',
    args: [path, why],
    comment: [
      '{0} is the path of a field, such as message.params.name; {1} says what is wrong with it ("must be a string…")',
    ],
  });
}

/** Reads one value at `path` (for the refusal's wording) or throws a `Refusal`. */
export type Reader<T> = (value: unknown, path: string) => T;

const describe = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v);

/** Refuses the value at `path`, saying why (translated, worded to follow the path: "must be…"). */
export function refuse(path: string, why: string): never {
  throw new Refusal(path, why);
}

/** A string of at most `max` characters (UTF-16 units), optionally checked by a rule of `validation.ts`. */
export function str(max: number, check?: Check): Reader<string> {
  return (v, path) => {
    if (typeof v !== 'string') refuse(path, l10n.t('must be a string, not {0}.', describe(v)));
    if (v.length > max) refuse(path, l10n.t('is too long ({0} characters, at most {1}).', v.length, max));
    const problem = check?.(v);
    if (problem !== undefined) refuse(path, l10n.t('is invalid: {0}', problem));
    return v;
  };
}

export const bool: Reader<boolean> = (v, path) => {
  if (typeof v !== 'boolean') refuse(path, l10n.t('must be true or false, not {0}.', describe(v)));
  return v;
};

export function int(min: number, max: number): Reader<number> {
  return (v, path) => {
    if (typeof v !== 'number' || !Number.isInteger(v))
      refuse(path, l10n.t('must be a whole number, not {0}.', describe(v)));
    if (v < min || v > max) refuse(path, l10n.t('must be between {0} and {1}.', min, max));
    return v;
  };
}

export function oneOf<L extends string>(values: readonly L[]): Reader<L> {
  return (v, path) => {
    if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) {
      refuse(path, l10n.t('must be one of {0}.', values.join(', ')));
    }
    return v as L;
  };
}

export function literal<L extends string>(value: L): Reader<L> {
  return oneOf([value]);
}

/** An array of at most `max` items; `unique` refuses repeated values (compared as JSON). */
export function arr<T>(item: Reader<T>, max: number, unique = false): Reader<T[]> {
  return (v, path) => {
    if (!Array.isArray(v)) refuse(path, l10n.t('must be a list, not {0}.', describe(v)));
    if (v.length > max) refuse(path, l10n.t('has too many entries ({0}, at most {1}).', v.length, max));
    const out = v.map((x, i) => item(x, `${path}[${i}]`));
    if (unique && new Set(out.map((x) => JSON.stringify(x))).size !== out.length) {
      refuse(path, l10n.t('has repeated entries.'));
    }
    return out;
  };
}

type Shape = Record<string, Reader<unknown>>;
type FromShape<S extends Shape> = { [K in keyof S]: S[K] extends Reader<infer T> ? T : never };

/** A plain object with exactly the keys of `shape`: no missing key, no extra key. */
export function obj<S extends Shape>(shape: S): Reader<FromShape<S>> {
  const keys = Object.keys(shape);
  return (v, path) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v))
      refuse(path, l10n.t('must be an object, not {0}.', describe(v)));
    const proto: unknown = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) refuse(path, l10n.t('must be a plain object.'));
    const record = v as Record<string, unknown>;
    const extra = Object.keys(record).filter((k) => !keys.includes(k));
    if (extra.length > 0)
      refuse(
        path,
        extra.length > 1
          ? l10n.t('has unexpected fields {0}.', extra.slice(0, 5).join(', '))
          : l10n.t('has unexpected field {0}.', extra[0]),
      );
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      if (!Object.prototype.hasOwnProperty.call(record, key)) refuse(path, l10n.t('is missing the field "{0}".', key));
      out[key] = shape[key](record[key], `${path}.${key}`);
    }
    return out as FromShape<S>;
  };
}

/** A message: an object whose `type` picks the reader. Unknown types are refused. */
export function byType<M extends { type: string }>(readers: {
  [T in M['type']]: Reader<Extract<M, { type: T }>>;
}): Reader<M> {
  return (v, path) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v))
      refuse(path, l10n.t('must be an object, not {0}.', describe(v)));
    const type = (v as { type?: unknown }).type;
    if (typeof type !== 'string' || !Object.prototype.hasOwnProperty.call(readers, type)) {
      const shown = typeof type === 'string' ? `"${type.slice(0, 40)}"` : describe(type);
      refuse(path, l10n.t('has an unknown type {0}.', shown));
    }
    return (readers as Record<string, Reader<M>>)[type](v, path);
  };
}

/** The one wording of every refusal of a panel's message. */
export function refusal(why: string): { ok: false; reason: string } {
  return { ok: false, reason: l10n.t('Refused a message from the panel: {0}', why) };
}

/** Runs a reader; refusals become `{ ok: false }`, anything else is a bug and is rethrown. */
export function parseWith<T>(reader: Reader<T>, value: unknown): Parsed<T> {
  try {
    return { ok: true, value: reader(value, 'message') };
  } catch (e) {
    if (e instanceof Refusal) return { ...refusal(e.message), refused: { path: e.path, why: e.why } };
    throw e;
  }
}

/**
 * Reads a message, then asks the panel whether its data allows it (`check` returns why not, or
 * `undefined`): the shape of every panel's `parse`.
 */
export function parseChecked<T>(
  reader: Reader<T>,
  value: unknown,
  check: (message: T) => string | undefined,
): Parsed<T> {
  const parsed = parseWith(reader, value);
  if (!parsed.ok) return parsed;
  const problem = check(parsed.value);
  return problem === undefined ? parsed : refusal(problem);
}

// ---------------------------------------------------------------------------------------------
// Readers of the protocol's messages

export const requestId: Reader<string> = (v, path) => {
  const s = str(64)(v, path);
  if (!LIMITS.requestIdPattern.test(s)) refuse(path, l10n.t('must be 1–64 letters, digits or dashes.'));
  return s;
};

const imageId = str(21, checkImageId);
const tag: Reader<TagInput> = obj({ key: str(128, checkTagKey), value: str(256, checkTagValue) });
const tags: Reader<TagInput[]> = (v, path) => {
  const list = arr(tag, LIMITS.maxTags)(v, path);
  if (new Set(list.map((t) => t.key)).size !== list.length) refuse(path, l10n.t('has the same tag key twice.'));
  return list;
};

const common = {
  ready: obj({ type: literal('ready') }),
  revealInTree: obj({ type: literal('revealInTree'), id: imageId }),
  copyId: obj({ type: literal('copyId'), id: imageId }),
};

const openDetails = obj({ type: literal('openDetails'), id: imageId });

/** Ids of "Used by" and lineage: the panel checks that it sent them; here only their shape. */
const relatedId = str(64, (v) =>
  /^(ami|i|lt)-[0-9a-f]{8,17}$/.test(v) ? undefined : l10n.t('"{0}" is not an AMI, instance or launch template id.', v),
);
const related = {
  revealRelated: obj({
    type: literal('revealRelated'),
    kind: oneOf(['instance', 'image'] as const),
    id: relatedId,
    region: str(32, checkRegion),
  }),
  copyRelatedId: obj({ type: literal('copyRelatedId'), id: relatedId }),
};

function submit<P>(params: Reader<P>) {
  return obj({ type: literal('submit'), requestId, params });
}

const volumeMapping: Reader<VolumeMapping> = obj({
  deviceName: str(32, checkDeviceName),
  include: bool,
  deleteOnTermination: bool,
});

/** The optional fields of a new volume: each read only when present (forms saved before them lack them). */
const NEW_VOLUME_OPTIONAL = {
  iops: int(1, 1_000_000),
  throughputMiBs: int(1, 100_000),
  snapshotId: str(22),
};

/** One new volume: the device pattern, and the size, IOPS and throughput within the limits of its type. */
const newVolume: Reader<NewVolume> = (v, path) => {
  const isRecord = typeof v === 'object' && v !== null && !Array.isArray(v);
  const record: unknown = isRecord ? { ...(v as Record<string, unknown>) } : v;
  const optional: Record<string, unknown> = {};
  if (isRecord) {
    const fields = record as Record<string, unknown>;
    for (const [key, read] of Object.entries(NEW_VOLUME_OPTIONAL) as [string, Reader<unknown>][]) {
      if (!Object.prototype.hasOwnProperty.call(fields, key)) continue;
      optional[key] = read(fields[key], `${path}.${key}`);
      delete fields[key];
    }
  }
  const n: NewVolume = {
    ...obj({
      deviceName: str(16),
      sizeGiB: int(1, MAX_VOLUME_SIZE_GIB),
      volumeType: oneOf(NEW_VOLUME_TYPES),
      deleteOnTermination: bool,
      encrypted: bool,
    })(record, path),
    ...(optional as Partial<Pick<NewVolume, 'iops' | 'throughputMiBs' | 'snapshotId'>>),
  };
  const problems: [string, string | undefined][] = [
    ['deviceName', checkNewDeviceName(n.deviceName, [])],
    ['sizeGiB', checkNewVolumeSize(String(n.sizeGiB), n.volumeType)],
    ['iops', checkNewVolumeIops(n.iops === undefined ? '' : String(n.iops), n.volumeType)],
    [
      'throughputMiBs',
      checkNewVolumeThroughput(n.throughputMiBs === undefined ? '' : String(n.throughputMiBs), n.volumeType),
    ],
    [
      'snapshotId',
      n.snapshotId === undefined
        ? undefined
        : (checkOptionalSnapshotId(n.snapshotId) ?? (n.snapshotId === '' ? l10n.t('is empty') : undefined)),
    ],
    [
      'encrypted',
      n.snapshotId !== undefined && n.encrypted
        ? l10n.t('cannot be set on a volume made from a snapshot: it takes the snapshot’s encryption')
        : undefined,
    ],
  ];
  for (const [field, problem] of problems) if (problem) refuse(`${path}.${field}`, l10n.t('is invalid: {0}', problem));
  return n;
};

/** New volumes, each on its own device; whether they clash with the instance's is the panel's check. */
const newVolumes: Reader<NewVolume[]> = (v, path) => {
  const list = arr(newVolume, LIMITS.maxAddedVolumes)(v, path);
  list.forEach((n, i) => {
    const problem = checkNewDeviceName(
      n.deviceName,
      list.slice(0, i).map((o) => o.deviceName),
    );
    if (problem) refuse(`${path}[${i}].deviceName`, l10n.t('is invalid: {0}', problem));
  });
  return list;
};

const createImageParams = obj({
  name: str(128, checkAmiName),
  description: str(255, checkDescription),
  noReboot: bool,
  volumes: arr(volumeMapping, LIMITS.maxVolumes),
  addedVolumes: newVolumes,
  imageTags: tags,
  snapshotTags: tags,
});

export const readCreateImageMessage: Reader<CreateImageToHost> = byType<CreateImageToHost>({
  ...common,
  openDetails,
  submit: submit((v, path) => {
    // `addedVolumes` is optional in the protocol (absent: none) and stays absent; every other key is exact.
    const plain =
      typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
    if (!plain || Object.prototype.hasOwnProperty.call(v, 'addedVolumes')) return createImageParams(v, path);
    const { addedVolumes, ...rest } = createImageParams({ ...(v as Record<string, unknown>), addedVolumes: [] }, path);
    void addedVolumes;
    return rest;
  }),
});

const deregisterParams = obj({
  imageIds: (v, path) => {
    const ids = arr(imageId, LIMITS.maxImagesPerDeregister, true)(v, path);
    if (ids.length === 0) refuse(path, l10n.t('must name at least one image.'));
    return ids;
  },
  deleteSnapshots: bool,
  confirmed: (v, path) => {
    if (v !== true) refuse(path, l10n.t('must be true: deregistering needs an explicit confirmation.'));
    return true;
  },
  confirmedInUse: bool,
});

export const readDeregisterMessage: Reader<DeregisterToHost> = byType<DeregisterToHost>({
  ...common,
  ...related,
  // `confirmedInUse` is optional (absent: false); every other key is exact.
  submit: submit((v, path) => {
    const plain =
      typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
    if (!plain || Object.prototype.hasOwnProperty.call(v, 'confirmedInUse')) return deregisterParams(v, path);
    return deregisterParams({ ...(v as Record<string, unknown>), confirmedInUse: false }, path);
  }),
});

export const readLaunchPermissionsMessage: Reader<LaunchPermissionsToHost> = byType<LaunchPermissionsToHost>({
  ...common,
  submit: submit(
    obj({
      isPublic: bool,
      accounts: arr(str(12, checkAccountId), LIMITS.maxPermissionEntries, true),
      organizations: arr(str(128, checkOrganizationArn), LIMITS.maxPermissionEntries, true),
      organizationalUnits: arr(str(160, checkOrganizationalUnitArn), LIMITS.maxPermissionEntries, true),
    }),
  ),
  loadFrom: obj({ type: literal('loadFrom'), requestId, imageId }),
});

export const readCopyImageMessage: Reader<CopyImageToHost> = byType<CopyImageToHost>({
  ...common,
  openDetails,
  submit: submit((v, path) => {
    // destinationConnection is optional (absent: this connection); every other field is required.
    const { destinationConnection, ...rest } =
      typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : { rest: v };
    const p = obj({
      destinationRegion: str(32, checkRegion),
      name: str(128, checkAmiName),
      description: str(255, checkDescription),
      encrypted: bool,
      kmsKeyId: str(2048),
      copyImageTags: bool,
      acknowledgeUnknownPublisher: bool,
    })(typeof v === 'object' && v !== null && !Array.isArray(v) ? rest : v, path);
    if (p.kmsKeyId !== '') {
      if (!p.encrypted) refuse(`${path}.kmsKeyId`, l10n.t('can only be given when the copy is encrypted.'));
      const problem = checkKmsKeyId(p.kmsKeyId);
      if (problem) refuse(`${path}.kmsKeyId`, l10n.t('is invalid: {0}', problem));
    }
    if (destinationConnection === undefined) return p;
    return { ...p, destinationConnection: str(64)(destinationConnection, `${path}.destinationConnection`) };
  }),
});

const instanceId = str(19, checkInstanceId);

export const readLaunchInstanceMessage: Reader<LaunchInstanceToHost> = byType<LaunchInstanceToHost>({
  ready: common.ready,
  revealInTree: obj({ type: literal('revealInTree'), id: instanceId }),
  copyId: obj({ type: literal('copyId'), id: instanceId }),
  submit: submit(
    obj({
      instanceType: str(32, (v) =>
        /^[a-z][a-z0-9-]*\.[a-z0-9]+$/.test(v)
          ? undefined
          : l10n.t('"{0}" is not an instance type such as t3.micro.', v),
      ),
      nameTag: str(256, checkTagValue),
      count: int(1, LIMITS.maxLaunchCount),
      acknowledgeCost: bool,
      acknowledgeUnknownPublisher: bool,
    }),
  ),
});

/** The details panel is read-only: it may only refresh, copy or reveal its image, and open other panels. */
export const readImageDetailsMessage: Reader<ImageDetailsToHost> = byType<ImageDetailsToHost>({
  ...common,
  ...related,
  refresh: obj({ type: literal('refresh'), requestId }),
  openPanel: obj({ type: literal('openPanel'), panel: oneOf(DETAIL_ACTIONS) }),
});
