import { DEFAULT_SIMULATOR_ACCOUNT, PARTNER_SIMULATOR_ACCOUNT } from '../accounts';
import { gmt } from '../clock';
import type { ImageRecord, InstanceRecord, RegionState, SnapshotRecord, Tag, VolumeRecord } from '../models/types';
import { buildImage, type ImageSpec } from './imageBuilder';
import { DAY_MS, keyUuid, seedId } from './random';

const ME = DEFAULT_SIMULATOR_ACCOUNT.accountId;
const PARTNER = PARTNER_SIMULATOR_ACCOUNT.accountId;

/** The catalog images the seeded instances were launched from. */
export interface CatalogPicks {
  al2023: ImageRecord;
  al2023Arm: ImageRecord;
  windows2022: ImageRecord;
  ubuntu2404: ImageRecord;
}

function tags(record: Record<string, string>): Tag[] {
  return Object.entries(record).map(([key, value]) => ({ key, value }));
}

/** Seeds the accounts' own resources in one region (the interesting ones: us-east-1, eu-west-1). */
export class AccountSeeder {
  constructor(
    private readonly region: string,
    private readonly state: RegionState,
    private readonly now: number,
    private readonly picks: CatalogPicks,
  ) {}

  daysAgo(days: number, hours = 0): number {
    return this.now - days * DAY_MS - hours * 3_600_000;
  }

  private kmsKey(account: string, alias: string): string {
    return `arn:aws:kms:${this.region}:${account}:key/${keyUuid(`${this.region}/${account}/${alias}`)}`;
  }

  /**
   * An image owned by a simulated account, with the SnapshotRecords of its EBS mappings.
   * `sourceInstanceKey` names the (possibly gone) instance it was created from.
   */
  ownedImage(
    spec: Omit<ImageSpec, 'region' | 'launchPermissions'> & { launchPermissions?: ImageSpec['launchPermissions'] },
    sourceInstanceKey: string,
  ): ImageRecord {
    const image = buildImage({
      ...spec,
      region: this.region,
      key: `owned/${spec.key}`,
      launchPermissions: spec.launchPermissions ?? [],
      // EC2's default two-year deprecation applies to public catalog images, not to an account's own.
      deprecationTime: spec.deprecationTime ?? null,
      tags: spec.tags ?? [],
      imageLocation: spec.imageLocation ?? `${spec.ownerId}/${spec.name}`,
    });
    image.productCodes = [];
    const sourceInstance = seedId('i', `${this.region}/${sourceInstanceKey}`);
    if (image.rootDeviceType === 'ebs') image.sourceInstanceId = sourceInstance;
    for (const mapping of image.blockDeviceMappings) {
      if (!mapping.ebs?.snapshotId) continue;
      this.snapshot({
        snapshotId: mapping.ebs.snapshotId,
        ownerId: spec.ownerId,
        volumeId: seedId('vol', `${this.region}/${sourceInstanceKey}/${mapping.deviceName}`),
        volumeSize: mapping.ebs.volumeSize,
        startTime: spec.created - 4 * 60_000,
        description: `Created by CreateImage(${sourceInstance}) for ${image.imageId}`,
        encrypted: mapping.ebs.encrypted,
        kmsKeyId: mapping.ebs.kmsKeyId,
      });
    }
    this.state.images[image.imageId] = image;
    return image;
  }

  private snapshot(
    s: Omit<SnapshotRecord, 'state' | 'progress' | 'storageTier' | 'tags' | 'createVolumePermissions'> & {
      tags?: Tag[];
    },
  ): SnapshotRecord {
    const record: SnapshotRecord = {
      state: 'completed',
      progress: '100%',
      storageTier: 'standard',
      createVolumePermissions: [],
      ...s,
      tags: s.tags ?? [],
    };
    if (!record.kmsKeyId) delete record.kmsKeyId;
    this.state.snapshots[record.snapshotId] = record;
    return record;
  }

  /** An instance launched from `image`, with an in-use volume per EBS mapping (plus `dataVolumes`). */
  private instance(o: {
    key: string;
    ownerId: string;
    image: ImageRecord;
    instanceType: string;
    state: 'running' | 'stopped';
    launchedDaysAgo: number;
    name: string;
    keyName?: string;
    extraTags?: Record<string, string>;
    dataVolumes?: { device: string; size: number }[];
    index: number;
  }): InstanceRecord {
    const instanceId = seedId('i', `${this.region}/${o.key}`);
    const launchTime = this.daysAgo(o.launchedDaysAgo, 3);
    const az = `${this.region}${o.index % 2 === 0 ? 'a' : 'b'}`;
    const mappings: InstanceRecord['blockDeviceMappings'] = [];
    const attach = (
      device: string,
      size: number,
      volumeType: VolumeRecord['volumeType'],
      snapshotId: string | undefined,
      encrypted: boolean,
      kmsKeyId: string | undefined,
      deleteOnTermination: boolean,
    ) => {
      const volumeId = seedId('vol', `${this.region}/${o.key}/${device}`);
      const volume: VolumeRecord = {
        volumeId,
        ownerId: o.ownerId,
        availabilityZone: az,
        size,
        volumeType,
        state: 'in-use',
        encrypted,
        createTime: launchTime,
        attachment: { instanceId, device, deleteOnTermination, attachTime: launchTime },
        tags: [],
      };
      if (snapshotId) volume.snapshotId = snapshotId;
      if (kmsKeyId) volume.kmsKeyId = kmsKeyId;
      this.state.volumes[volumeId] = volume;
      mappings.push({ deviceName: device, volumeId, deleteOnTermination, attachTime: launchTime });
    };
    for (const m of o.image.blockDeviceMappings) {
      if (m.ebs)
        attach(
          m.deviceName,
          m.ebs.volumeSize,
          m.ebs.volumeType,
          m.ebs.snapshotId,
          m.ebs.encrypted,
          m.ebs.kmsKeyId,
          m.ebs.deleteOnTermination,
        );
    }
    for (const data of o.dataVolumes ?? []) attach(data.device, data.size, 'gp3', undefined, false, undefined, false);
    const running = o.state === 'running';
    const record: InstanceRecord = {
      instanceId,
      ownerId: o.ownerId,
      reservationId: seedId('r', `${this.region}/${o.key}`),
      imageId: o.image.imageId,
      instanceType: o.instanceType,
      state: o.state,
      transitions: [],
      stateTransitionReason: running ? '' : `User initiated (${gmt(this.daysAgo(o.launchedDaysAgo > 2 ? 2 : 0, 1))})`,
      launchTime,
      availabilityZone: az,
      architecture: o.image.architecture,
      platformDetails: o.image.platformDetails,
      rootDeviceType: o.image.rootDeviceType,
      rootDeviceName: o.image.rootDeviceName,
      virtualizationType: o.image.virtualizationType,
      hypervisor: 'xen',
      blockDeviceMappings: mappings,
      privateIpAddress: `172.31.${(o.index * 37) % 250}.${10 + ((o.index * 53) % 240)}`,
      tags: tags({ Name: o.name, ...o.extraTags }),
    };
    if (o.image.platform) record.platform = o.image.platform;
    if (o.image.kernelId) record.kernelId = o.image.kernelId;
    if (!running)
      record.stateReason = {
        code: 'Client.UserInitiatedShutdown',
        message: 'Client.UserInitiatedShutdown: User initiated shutdown',
      };
    if (running) record.publicIpAddress = `54.${80 + (o.index % 100)}.${(o.index * 71) % 255}.${(o.index * 13) % 255}`;
    if (o.keyName) record.keyName = o.keyName;
    this.state.instances[instanceId] = record;
    return record;
  }

  /** The default account's and the partner's images, snapshots, instances and volumes. */
  seed(): void {
    const { al2023, al2023Arm, windows2022, ubuntu2404 } = this.picks;
    const project = (p: string) => ({ Project: p, Team: 'platform' });

    // Images owned by the default account.
    this.ownedImage(
      {
        key: 'web-base',
        ownerId: ME,
        arch: 'x86_64',
        created: this.daysAgo(12),
        name: 'web-server-base-v7',
        description: 'Web server base image: nginx, node 22, CloudWatch agent',
        volumeType: 'gp3',
        volumeSize: 16,
        bootMode: 'uefi-preferred',
        imds: true,
        tags: tags({ Name: 'web-server-base', ...project('storefront') }),
      },
      'baked-web-1',
    );
    this.ownedImage(
      {
        key: 'build-agent',
        ownerId: ME,
        arch: 'x86_64',
        created: this.daysAgo(30),
        name: 'ci-build-agent-2026.10',
        description: 'CI build agent shared with the partner account',
        volumeType: 'gp3',
        volumeSize: 30,
        launchPermissions: [{ userId: PARTNER }],
        tags: tags({ Name: 'ci-build-agent', ...project('ci') }),
      },
      'baked-ci-1',
    );
    this.ownedImage(
      {
        key: 'public-demo',
        ownerId: ME,
        arch: 'arm64',
        created: this.daysAgo(45),
        name: 'ami-explorer-demo-public-arm64',
        description: 'Public demo image (Graviton)',
        volumeType: 'gp3',
        bootMode: 'uefi',
        imds: true,
        launchPermissions: [{ group: 'all' }],
        tags: tags({ Name: 'public-demo' }),
      },
      'baked-demo-1',
    );
    this.ownedImage(
      {
        key: 'payments-encrypted',
        ownerId: ME,
        arch: 'x86_64',
        created: this.daysAgo(20),
        name: 'payments-api-encrypted-v3',
        description: 'Payments API: root and data volumes encrypted with a customer managed KMS key',
        volumeType: 'gp3',
        volumeSize: 20,
        encrypted: true,
        kmsKeyId: this.kmsKey(ME, 'payments'),
        dataVolumes: [{ deviceName: '/dev/sdf', size: 50 }],
        tags: tags({ Name: 'payments-api', ...project('payments'), Compliance: 'pci' }),
      },
      'baked-payments-1',
    );
    this.ownedImage(
      {
        key: 'legacy-app',
        ownerId: ME,
        arch: 'x86_64',
        created: this.daysAgo(800),
        name: 'legacy-app-2024.08',
        description: 'Legacy app server (superseded by web-server-base)',
        volumeSize: 8,
        deprecationTime: this.daysAgo(60),
        tags: tags({ Name: 'legacy-app', ...project('storefront') }),
      },
      'baked-legacy-1',
    );
    const batchImage = this.ownedImage(
      {
        key: 'batch-worker-s3',
        ownerId: ME,
        arch: 'x86_64',
        created: this.daysAgo(400),
        name: 'batch-worker-instance-store-2025.10',
        description: 'Batch worker bundled to S3 (instance-store root)',
        instanceStore: true,
        ephemeral: 1,
        paravirtual: false,
        imageLocation: `ami-bundles-${ME}-${this.region}/batch-worker-instance-store-2025.10.manifest.xml`,
        deprecationTime: null,
        tags: tags({ Name: 'batch-worker', ...project('analytics') }),
      },
      'baked-batch-1',
    );
    this.ownedImage(
      {
        key: 'win-iis',
        ownerId: ME,
        arch: 'x86_64',
        created: this.daysAgo(8),
        name: 'windows-2022-iis-golden',
        description: 'Windows Server 2022 with IIS, hardened',
        platform: 'windows',
        rootDeviceName: '/dev/sda1',
        volumeSize: 50,
        volumeType: 'gp3',
        deprecationTime: null,
        tags: tags({ Name: 'iis-golden', ...project('intranet') }),
      },
      'baked-iis-1',
    );

    // An orphan: the snapshot of an AMI deregistered months ago (cost hygiene finds it).
    const goneInstance = seedId('i', `${this.region}/baked-old-1`);
    const goneImage = seedId('ami', `${this.region}/owned/deregistered-old`);
    this.snapshot({
      snapshotId: seedId('snap', `${this.region}/orphan-1`),
      ownerId: ME,
      volumeId: seedId('vol', `${this.region}/baked-old-1/root`),
      volumeSize: 16,
      startTime: this.daysAgo(210),
      description: `Created by CreateImage(${goneInstance}) for ${goneImage}`,
      encrypted: false,
    });

    // Partner images: two shared with the default account, two private.
    this.ownedImage(
      {
        key: 'partner-agent',
        ownerId: PARTNER,
        arch: 'x86_64',
        created: this.daysAgo(15),
        name: 'partner-monitoring-agent-4.2',
        description: 'Monitoring agent appliance shared with customers',
        volumeType: 'gp3',
        volumeSize: 10,
        launchPermissions: [{ userId: ME }],
        tags: tags({ Name: 'monitoring-agent' }),
      },
      'partner-baked-1',
    );
    this.ownedImage(
      {
        key: 'partner-hardened',
        ownerId: PARTNER,
        arch: 'arm64',
        created: this.daysAgo(40),
        name: 'partner-hardened-ubuntu-24.04-arm64',
        description: 'CIS-hardened Ubuntu 24.04 (Graviton), shared with customers',
        rootDeviceName: '/dev/sda1',
        volumeType: 'gp3',
        bootMode: 'uefi',
        launchPermissions: [{ userId: ME }],
        tags: [],
      },
      'partner-baked-2',
    );
    this.ownedImage(
      {
        key: 'partner-ci',
        ownerId: PARTNER,
        arch: 'x86_64',
        created: this.daysAgo(5),
        name: 'partner-internal-ci-runner',
        description: 'Internal CI runner',
        volumeType: 'gp3',
        volumeSize: 40,
        tags: [],
      },
      'partner-baked-3',
    );
    const partnerDb = this.ownedImage(
      {
        key: 'partner-db',
        ownerId: PARTNER,
        arch: 'x86_64',
        created: this.daysAgo(70),
        name: 'partner-staging-db',
        description: 'Staging database',
        volumeType: 'gp3',
        volumeSize: 100,
        tags: [],
      },
      'partner-baked-4',
    );

    // Instances of the default account.
    this.instance({
      key: 'web-1',
      ownerId: ME,
      image: al2023,
      instanceType: 't3.micro',
      state: 'running',
      launchedDaysAgo: 9,
      name: 'web-server-1',
      keyName: 'dev-key',
      extraTags: project('storefront'),
      index: 1,
    });
    this.instance({
      key: 'build-1',
      ownerId: ME,
      image: al2023,
      instanceType: 'm5.large',
      state: 'stopped',
      launchedDaysAgo: 33,
      name: 'build-agent',
      keyName: 'dev-key',
      extraTags: project('ci'),
      dataVolumes: [{ device: '/dev/sdf', size: 100 }],
      index: 2,
    });
    this.instance({
      key: 'graviton-1',
      ownerId: ME,
      image: al2023Arm,
      instanceType: 't4g.small',
      state: 'running',
      launchedDaysAgo: 4,
      name: 'graviton-api',
      keyName: 'dev-key',
      index: 3,
    });
    this.instance({
      key: 'win-1',
      ownerId: ME,
      image: windows2022,
      instanceType: 't3.large',
      state: 'stopped',
      launchedDaysAgo: 60,
      name: 'windows-jumpbox',
      index: 4,
    });
    this.instance({
      key: 'batch-1',
      ownerId: ME,
      image: batchImage,
      instanceType: 'c3.large',
      state: 'running',
      launchedDaysAgo: 2,
      name: 'batch-worker-1',
      extraTags: project('analytics'),
      index: 5,
    });
    // A snapshot of the stopped build agent's data volume: a user backup, not used by any AMI.
    const dataVolume = seedId('vol', `${this.region}/build-1//dev/sdf`);
    this.snapshot({
      snapshotId: seedId('snap', `${this.region}/backup-build-data`),
      ownerId: ME,
      volumeId: dataVolume,
      volumeSize: 100,
      startTime: this.daysAgo(3),
      description: 'Weekly backup of the build agent data volume',
      encrypted: false,
      tags: tags({ Name: 'build-data-backup' }),
    });
    // An unattached volume left behind (available), as real accounts have.
    const leftover: VolumeRecord = {
      volumeId: seedId('vol', `${this.region}/leftover`),
      ownerId: ME,
      availabilityZone: `${this.region}a`,
      size: 20,
      volumeType: 'gp2',
      state: 'available',
      encrypted: false,
      createTime: this.daysAgo(90),
      tags: tags({ Name: 'scratch' }),
    };
    this.state.volumes[leftover.volumeId] = leftover;

    // Partner instances.
    this.instance({
      key: 'partner-etl',
      ownerId: PARTNER,
      image: ubuntu2404,
      instanceType: 'r6i.large',
      state: 'running',
      launchedDaysAgo: 11,
      name: 'partner-etl',
      index: 6,
    });
    this.instance({
      key: 'partner-db-1',
      ownerId: PARTNER,
      image: partnerDb,
      instanceType: 'm6i.xlarge',
      state: 'stopped',
      launchedDaysAgo: 50,
      name: 'partner-staging-db',
      index: 7,
    });
  }
}
