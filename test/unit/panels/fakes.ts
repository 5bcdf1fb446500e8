import type { CopyDestination } from '../../../src/shared/protocol/copyImage';
import type { Image, ImageReference, Instance, LaunchPermission, Volume } from '@aws-sdk/client-ec2';
import type { PanelEc2Operations, PanelServices } from '../../../src/panels/panelServices';
import type { PanelArgs } from '../../../src/panels/panelTable';
import type { PanelError } from '../../../src/shared/protocol/envelope';
import type { LineageView } from '../../../src/shared/imageLineage';
import { emptyUsage, type UsageView } from '../../../src/shared/imageUsage';

/** An EC2 error as the SDK throws it. */
export function ec2Error(code: string, message: string): Error {
  return Object.assign(new Error(message), { name: code, Code: code });
}

/** Every EC2 call the panels made, in order, as `name(args)` strings. */
export interface FakeServices extends PanelServices {
  calls: string[];
  /** "Used by" and lineage reads (kept apart: `calls` lists what the panels send to EC2 themselves). */
  insightCalls: string[];
  revealed: string[];
  copied: string[];
  created: string[];
  changed: string[];
  /** Panels opened through `showPanel`. */
  shown: PanelArgs[];
  /** Modal confirmations asked (their messages). */
  confirmations: string[];
  /** What was written to the cleanup rules file. */
  written: string[];
}

export interface FakeWorld {
  instances?: Instance[];
  volumes?: Volume[];
  images?: Image[];
  permissions?: Record<string, LaunchPermission[]>;
  blockPublicAccess?: string;
  regions?: string[];
  /** "Used by" per image id (default: used by nothing). */
  usage?: Record<string, UsageView>;
  /** Lineage of every image (default: no ancestors, nothing derived). */
  lineage?: LineageView;
  /** Errors to throw from a call, by call name (e.g. `createImage`), or `name:id`. */
  failures?: Record<string, Error>;
  /** Snapshots restorable by everyone. */
  publicSnapshots?: string[];
  /** The user's other connections a copy can be made in. */
  copyDestinations?: CopyDestination[];
  /** The accounts of the user's other connections (known ones). */
  connectionAccounts?: { accountId: string; label: string }[];
  /** Public SSM parameters: name → AMI id. */
  parameters?: Record<string, string>;
  /** DescribeImageReferences' answer, by image id. */
  references?: Record<string, ImageReference[]>;
  /** The workspace cleanup rules file (undefined: none yet). */
  rulesFileText?: string;
  /** No folder is open: the rules file cannot be written. */
  noFolder?: boolean;
  /** The answer to the modal confirmation (default: confirmed). */
  confirm?: boolean;
}

export function fakeServices(world: FakeWorld = {}): FakeServices {
  const calls: string[] = [];
  const fail = (name: string, id?: string) => {
    const e = world.failures?.[id ? `${name}:${id}` : name] ?? world.failures?.[name];
    if (e) throw e;
  };
  const record = (name: string, ...args: unknown[]) => {
    calls.push(`${name}(${args.map((a) => JSON.stringify(a)).join(', ')})`);
  };
  let next = 1;
  const ec2: PanelEc2Operations = {
    async describeInstance(region, id) {
      record('describeInstance', region, id);
      return world.instances?.find((i) => i.InstanceId === id);
    },
    async describeVolumes(region, ids) {
      record('describeVolumes', region, ids);
      return (world.volumes ?? []).filter((v) => ids.includes(v.VolumeId ?? ''));
    },
    async describeImages(region, ids) {
      record('describeImages', region, ids);
      return (world.images ?? []).filter((i) => ids.includes(i.ImageId ?? ''));
    },
    async listOwnedImages(region) {
      record('listOwnedImages', region);
      return (world.images ?? []).filter((i) => i.OwnerId === '111122223333');
    },
    async createImage(region, input) {
      record('createImage', region, input);
      fail('createImage');
      return `ami-0000000000000000${next++}`;
    },
    async deregisterImage(region, id) {
      record('deregisterImage', region, id);
      fail('deregisterImage', id);
    },
    async deleteSnapshot(region, id) {
      record('deleteSnapshot', region, id);
      fail('deleteSnapshot', id);
    },
    async getLaunchPermissions(region, id) {
      record('getLaunchPermissions', region, id);
      return world.permissions?.[id] ?? [];
    },
    async modifyLaunchPermissions(region, id, add, remove) {
      record('modifyLaunchPermissions', region, id, add, remove);
      fail('modifyLaunchPermissions');
      const current = world.permissions?.[id] ?? [];
      const key = (p: LaunchPermission) =>
        JSON.stringify([p.Group, p.UserId, p.OrganizationArn, p.OrganizationalUnitArn]);
      const removed = new Set(remove.map(key));
      world.permissions = { ...world.permissions, [id]: [...current.filter((p) => !removed.has(key(p))), ...add] };
    },
    async getImageBlockPublicAccessState(region) {
      record('getImageBlockPublicAccessState', region);
      return world.blockPublicAccess ?? 'unblocked';
    },
    async copyImage(region, input) {
      record('copyImage', region, input);
      fail('copyImage');
      return `ami-0c0000000000000${next++}`;
    },
    async runInstances(region, input) {
      record('runInstances', region, input);
      fail('runInstances');
      return Array.from({ length: input.MinCount ?? 1 }, (_, i) => `i-0000000000000000${i + 1}`);
    },
    async listRegions() {
      record('listRegions');
      return world.regions ?? ['us-east-1', 'eu-west-1'];
    },
    async publicSnapshotIds(region, ids) {
      record('publicSnapshotIds', region, ids);
      fail('publicSnapshotIds');
      return new Set(ids.filter((id) => world.publicSnapshots?.includes(id)));
    },
    async listAllOwnedImages(region) {
      record('listAllOwnedImages', region);
      return (world.images ?? []).filter((i) => i.OwnerId === '111122223333');
    },
    async imageReferences(region, ids) {
      record('imageReferences', region, ids);
      fail('imageReferences');
      return new Map(ids.map((id) => [id, world.references?.[id] ?? []]));
    },
  };
  const insightCalls: string[] = [];
  const services: FakeServices = {
    ec2,
    insightCalls,
    insights: {
      known: () => undefined,
      clear: () => undefined,
      onUsageChanged: () => ({ dispose: () => undefined }),
      async usage(region, ids) {
        insightCalls.push(`usage(${region}, ${ids.join(' ')})`);
        return new Map(ids.map((id) => [id, world.usage?.[id] ?? { available: true, usage: emptyUsage(id) }]));
      },
      async lineage(region, id) {
        insightCalls.push(`lineage(${region}, ${id})`);
        return (
          world.lineage ?? {
            ancestry: { available: true, items: [] },
            derived: { available: true, items: [] },
            derivedTruncated: false,
          }
        );
      },
    },
    backend: 'aws',
    calls,
    revealed: [],
    copied: [],
    created: [],
    changed: [],
    shown: [],
    confirmations: [],
    written: [],
    explainError(error: unknown): PanelError {
      const e = error as { name?: string; message?: string };
      return { message: e.message ?? String(error), code: e.name, fix: 'Fix it.' };
    },
    async revealImage(region, id) {
      services.revealed.push(`${region}/${id}`);
    },
    async revealInstance(region, id) {
      services.revealed.push(`${region}/${id}`);
    },
    instancesLaunched(region, ids) {
      services.created.push(...ids.map((id) => `${region}/${id}`));
    },
    async copyText(text) {
      services.copied.push(text);
    },
    showPanel(args) {
      services.shown.push(args);
    },
    imageCreated(region, id) {
      services.created.push(`${region}/${id}`);
    },
    imagesChanged(region) {
      services.changed.push(region);
    },
    callerAccountId: async () => '111122223333',
    ownAccountIds: async () => new Set(['111122223333']),
    connectionAccounts: () => world.connectionAccounts ?? [],
    copyDestinations: () => world.copyDestinations ?? [],
    async copyImageInConnection(connectionId, region, input) {
      record('copyImageInConnection', connectionId, region, input.SourceImageId);
      return `ami-copy-in-${connectionId}`;
    },
    resolvePublicParameter: async (_region, name) => world.parameters?.[name],
    now: () => new Date('2026-11-23T14:38:00Z'),
    cleanup: {
      pricePerGiBMonth: () => 0.05,
      confirm: async (o) => {
        services.confirmations.push(`${o.message} ${o.detail}`);
        return world.confirm ?? true;
      },
      rulesFile: {
        read: async () => ({
          location: world.noFolder ? 'no folder is open' : '.vscode/ami-cleanup.json',
          writable: !world.noFolder,
          text: world.rulesFileText,
        }),
        write: async (text) => {
          services.written.push(text);
          world.rulesFileText = text;
        },
      },
    },
  };
  return services;
}

/** EC2 calls other than the reads done while loading the panel. */
export function mutations(services: FakeServices): string[] {
  return services.calls.filter((c) => !/^(describe|list|get|publicSnapshotIds)/.test(c));
}
