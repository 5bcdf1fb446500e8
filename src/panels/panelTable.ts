/**
 * Every panel, in one table: what it is about (the fields of its saved state, validated like any
 * message before a restore), its key (one panel per resource) and how its controller is built.
 * `PanelKind`, `PanelArgs`, `readPanelArgs`, `panelKey` and `createPanelController` are all
 * derived from it, so a new panel is its protocol file, its controller, its webview and one entry
 * here (plus its `onWebviewPanel:` activation event, which a unit test checks against this table).
 */
import * as l10n from '@vscode/l10n';
import type { Reader } from '../shared/messageValidation';
import { arr, literal, obj, refuse, str } from '../shared/messageValidation';
import type { CleanupArgs } from '../shared/protocol/cleanup';
import type { CopyImageArgs } from '../shared/protocol/copyImage';
import type { CreateImageArgs } from '../shared/protocol/createImage';
import type { DeregisterArgs } from '../shared/protocol/deregister';
import { LIMITS } from '../shared/protocol/envelope';
import type { ImageDetailsArgs } from '../shared/protocol/imageDetails';
import type { LaunchInstanceArgs } from '../shared/protocol/launchInstance';
import type { LaunchPermissionsArgs } from '../shared/protocol/launchPermissions';
import { checkImageId, checkInstanceId, checkRegion } from '../shared/validation';
import { CleanupPanel } from './cleanupPanel';
import { CopyImagePanel } from './copyImagePanel';
import { CreateImagePanel } from './createImagePanel';
import { DeregisterPanel } from './deregisterPanel';
import { ImageDetailsPanel } from './imageDetailsPanel';
import { LaunchInstancePanel } from './launchInstancePanel';
import { LaunchPermissionsPanel } from './launchPermissionsPanel';
import type { AllowedImagesArgs } from '../shared/protocol/allowedImages';
import { AllowedImagesPanel } from './allowedImagesPanel';
import type { PanelServices } from './panelServices';
import { onConnection } from './connectionController';
import type { PanelController } from './panelSession';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the table erases each panel's message types
type AnyController = PanelController<any, any, any>;

/** One panel: `A` is what it is about (`kind` and `region` included). */
interface PanelDescriptor<A extends { kind: string; region: string }> {
  /** Readers of the fields of `A` besides `kind` and `region`. */
  readonly fields: { [F in Exclude<keyof A, 'kind' | 'region'>]: Reader<A[F]> };
  /** What tells two panels of this kind apart, besides the region. */
  key(args: A): string;
  create(args: A, services: PanelServices): AnyController;
}

const describePanel = <A extends { kind: string; region: string }>(d: PanelDescriptor<A>): PanelDescriptor<A> => d;

const imageId = str(21, checkImageId);

export const PANELS = {
  createImage: describePanel<CreateImageArgs>({
    fields: { instanceId: str(19, checkInstanceId) },
    key: (a) => a.instanceId,
    create: (a, s) => new CreateImagePanel(a.region, a.instanceId, s),
  }),
  deregister: describePanel<DeregisterArgs>({
    fields: { imageIds: arr(imageId, LIMITS.maxImagesPerDeregister, true) },
    key: (a) => [...a.imageIds].sort().join(','),
    create: (a, s) => new DeregisterPanel(a.region, a.imageIds, s),
  }),
  launchPermissions: describePanel<LaunchPermissionsArgs>({
    fields: { imageId },
    key: (a) => a.imageId,
    create: (a, s) => new LaunchPermissionsPanel(a.region, a.imageId, s),
  }),
  copyImage: describePanel<CopyImageArgs>({
    fields: { imageId },
    key: (a) => a.imageId,
    create: (a, s) => new CopyImagePanel(a.region, a.imageId, s),
  }),
  launchInstance: describePanel<LaunchInstanceArgs>({
    fields: { imageId },
    key: (a) => a.imageId,
    create: (a, s) => new LaunchInstancePanel(a.region, a.imageId, s),
  }),
  imageDetails: describePanel<ImageDetailsArgs>({
    fields: { imageId },
    key: (a) => a.imageId,
    create: (a, s) => new ImageDetailsPanel(a.region, a.imageId, s),
  }),
  // Allowed AMIs of a region and the what-if editor (issue 14).
  allowedImages: describePanel<AllowedImagesArgs>({
    fields: {},
    key: () => 'settings',
    create: (a, s) => new AllowedImagesPanel(a.region, s),
  }),
  // Issue 13 item 3: one cleanup panel per region.
  cleanup: describePanel<CleanupArgs>({
    fields: {},
    key: () => '',
    create: (a, s) => new CleanupPanel(a.region, s),
  }),
} as const;

/** The panels, also the names of their webview bundles (`dist/webview/<kind>.js`). */
export type PanelKind = keyof typeof PANELS;

/** What a panel is about: enough to open it again. */
export type PanelArgs = {
  [K in PanelKind]: (typeof PANELS)[K] extends PanelDescriptor<infer A> ? A : never;
}[PanelKind] & {
  /** The connection the panel acts on when it is not the primary one (several connections, see ids.ts). */
  connection?: string;
};

export const PANEL_KINDS = Object.keys(PANELS) as readonly PanelKind[];

/** The descriptor of `args`' panel, typed for `args`. */
function descriptorOf<A extends PanelArgs>(args: A): PanelDescriptor<A> {
  return PANELS[args.kind] as unknown as PanelDescriptor<A>;
}

/** One key per resource: opening the same resource again reveals the existing panel. */
export function panelKey(args: PanelArgs): string {
  const connection = args.connection ? `conn/${args.connection}/` : '';
  return `${args.kind}/${connection}${args.region}/${descriptorOf(args).key(args)}`;
}

/** Builds the controller of a panel from what it is about. */
export function createPanelController(args: PanelArgs, services: PanelServices): AnyController {
  const controller = descriptorOf(args).create(args, services);
  return args.connection === undefined ? controller : onConnection(controller, args.connection);
}

function isPanelKind(kind: unknown): kind is PanelKind {
  return typeof kind === 'string' && Object.prototype.hasOwnProperty.call(PANELS, kind);
}

/** What a panel is about, as the webview saved it for a restore after reload. */
export const readPanelArgs: Reader<PanelArgs> = (v, path) => {
  const kind = typeof v === 'object' && v !== null ? (v as { kind?: unknown }).kind : undefined;
  if (!isPanelKind(kind)) return refuse(path, l10n.t('is not the description of an AMI Explorer panel.'));
  const fields = PANELS[kind].fields as Record<string, Reader<unknown>>;
  const { connection, ...rest } = v as Record<string, unknown>;
  const args = obj({ kind: literal(kind), region: str(32, checkRegion), ...fields })(rest, path) as PanelArgs;
  return connection === undefined ? args : { ...args, connection: readConnectionId(connection, `${path}.connection`) };
};

const readConnectionId: Reader<string> = str(40, (id) =>
  /^[A-Za-z0-9_-]+$/.test(id) ? undefined : l10n.t('is not a connection id.'),
);
