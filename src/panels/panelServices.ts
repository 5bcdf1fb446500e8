/**
 * What the panels need from the rest of the extension, as narrow interfaces. `src/ec2/` provides
 * the EC2 operations (each one `EC2Client.send` of one command, for the region's client, real AWS
 * or simulator alike); the container wires the rest. Types come from the SDK as types only.
 */
import type {
  CopyImageCommandInput,
  CreateImageCommandInput,
  Image,
  ImageReference,
  Instance,
  LaunchPermission,
  RunInstancesCommandInput,
  Volume,
} from '@aws-sdk/client-ec2';
import type { CopyDestination } from '../shared/protocol/copyImage';
import type { GuardrailServices } from './guardrailServices';
import type { ImageInsights } from '../ec2/imageInsights';
import type { PanelArgs } from './panelTable';
import type { PanelError } from '../shared/protocol/envelope';

/** The EC2 calls the panels make. Errors are thrown as the SDK throws them. */
export interface PanelEc2Operations {
  /** DescribeInstances for one id; `undefined` when EC2 does not know it. */
  describeInstance(region: string, instanceId: string): Promise<Instance | undefined>;
  /** DescribeVolumes (sizes, types, encryption of the instance's volumes). */
  describeVolumes(region: string, volumeIds: string[]): Promise<Volume[]>;
  /** DescribeImages by id (deprecated and disabled included); unknown ids are simply missing. */
  describeImages(region: string, imageIds: string[]): Promise<Image[]>;
  /** DescribeImages with `Owners: ['self']`. */
  listOwnedImages(region: string): Promise<Image[]>;
  /** CreateImage; resolves with the new image id. */
  createImage(region: string, input: CreateImageCommandInput): Promise<string>;
  /** DeregisterImage. */
  deregisterImage(region: string, imageId: string): Promise<void>;
  /** DeleteSnapshot. */
  deleteSnapshot(region: string, snapshotId: string): Promise<void>;
  /** DescribeImageAttribute `launchPermission`. */
  getLaunchPermissions(region: string, imageId: string): Promise<LaunchPermission[]>;
  /** ModifyImageAttribute `LaunchPermission` with `Add` and `Remove`. */
  modifyLaunchPermissions(
    region: string,
    imageId: string,
    add: LaunchPermission[],
    remove: LaunchPermission[],
  ): Promise<void>;
  /** GetImageBlockPublicAccessState: `block-new-sharing` or `unblocked`. */
  getImageBlockPublicAccessState(region: string): Promise<string>;
  /** CopyImage, sent to the destination region's client; resolves with the new image id. */
  copyImage(destinationRegion: string, input: CopyImageCommandInput): Promise<string>;
  /** RunInstances; resolves with the new instance ids. */
  runInstances(region: string, input: RunInstancesCommandInput): Promise<string[]>;
  /** The regions the user may pick (DescribeRegions, or the configured list). */
  listRegions(): Promise<string[]>;
  /** DescribeSnapshots restorable by `all`: which of the ids are public (any account may ask). */
  publicSnapshotIds(region: string, snapshotIds: string[]): Promise<Set<string>>;
  // Issue 13 item 3 (cleanup by rules):
  /** Every image the caller owns in the region, every page, deprecated and disabled ones included. */
  listAllOwnedImages(region: string): Promise<Image[]>;
  /** DescribeImageReferences of these images (src/ec2/imageReferences.ts: 10 ids per call, every page). */
  imageReferences(region: string, imageIds: readonly string[]): Promise<Map<string, ImageReference[]>>;
}

/** What the panels ask of the extension around EC2. */
export interface PanelServices {
  readonly ec2: PanelEc2Operations;
  /** "Used by" and lineage (issue 13): never throw, each part says why it is missing. */
  readonly insights: ImageInsights;
  /** Which EC2 the extension talks to: launching on real AWS costs money. */
  readonly backend: 'simulator' | 'aws';
  /** Maps any thrown error to EC2's message and the fix (`describeError` of `src/aws/errors.ts`). */
  explainError(error: unknown): PanelError;
  /** Reveals an image in the tree. */
  revealImage(region: string, imageId: string): Promise<void>;
  /** Reveals an instance in the tree. */
  revealInstance(region: string, instanceId: string): Promise<void>;
  /** Instances were launched: the extension refreshes the region's instances and follows them until running. */
  instancesLaunched(region: string, instanceIds: string[]): void;
  /** Copies text to the clipboard. */
  copyText(text: string): Promise<void>;
  /** Opens another panel (or reveals it when already open), e.g. from the details panel's actions. */
  showPanel(args: PanelArgs): void;
  /**
   * A new image exists (created or copied): the extension follows it from `pending` to
   * `available` in a `withProgress` notification and refreshes the tree when it settles.
   */
  imageCreated(region: string, imageId: string): void;
  /** Images were deregistered or changed: the extension refreshes the region's image groups. */
  imagesChanged(region: string): void;
  /** The caller's 12-digit account id (STS GetCallerIdentity, or the simulator's account). */
  callerAccountId(): Promise<string>;
  /** The accounts of the user's own connections (their images are trusted as the user's own). */
  ownAccountIds(): Promise<ReadonlySet<string>>;
  /** The accounts of the user's other connections, once known: who "share with" suggests. */
  connectionAccounts(): { accountId: string; label: string }[];
  /** The user's other connections a copy can be made in (account known, regions known). */
  copyDestinations(): CopyDestination[];
  /** CopyImage through another connection's client (the copy belongs to that account); resolves with its id. */
  copyImageInConnection(connectionId: string, destinationRegion: string, input: CopyImageCommandInput): Promise<string>;
  /** SSM GetParameter of a public parameter: the AMI id it names now; undefined when SSM does not know it. */
  resolvePublicParameter(region: string, name: string): Promise<string | undefined>;
  /** Today's date, injected so tests are stable (used for suggested names). */
  now(): Date;
  /** Allowed AMIs and the Recycle Bin (issue 14); absent in tests of the other panels. */
  readonly guardrails?: GuardrailServices;
  /** What only the Clean Up Images panel needs (issue 13 item 3). */
  readonly cleanup: CleanupHostServices;
}

/** The Clean Up panel's needs beyond EC2: prices, the modal confirmation and the workspace rules file. */
export interface CleanupHostServices {
  /** USD per GiB-month of snapshot storage (the `snapshotPricePerGbMonth` setting, as the cost model uses). */
  pricePerGiBMonth(): number;
  /** A modal confirmation on the host; resolves false when the user dismisses it. */
  confirm(options: { message: string; detail: string; confirmLabel: string }): Promise<boolean>;
  readonly rulesFile: CleanupRulesStore;
}

/** The workspace rules file (`.vscode/ami-cleanup.json` of the first workspace folder). */
export interface CleanupRulesStore {
  /** Where the file is, whether it can be written (a folder is open), and its text (undefined: no file yet). */
  read(): Promise<{ location: string; writable: boolean; text?: string }>;
  write(text: string): Promise<void>;
}
