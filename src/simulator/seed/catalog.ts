import { PUBLIC_OWNERS } from '../accounts';
import type { Architecture, ImageRecord, ProductCode } from '../models/types';
import type { ImageSpec } from './imageBuilder';
import { RegionCatalog, sectionOf, truncated, type CatalogOwners, type CatalogSection } from './regionCatalog';
import { DAY_MS, hash32, keyCode, Prng, ymd } from './random';

/**
 * The read-only public catalog of one region: Amazon, Canonical, Debian, Red Hat, SUSE,
 * Windows, Marketplace and community images, as `DescribeImages --executable-users all`
 * shows them. Dates are fixed (the catalog "as of" October 2026), not relative to the clock,
 * so an image keeps its name and dates across restarts.
 */
export const CATALOG_AS_OF = Date.UTC(2026, 9, 20, 8, 30, 0);

const ARCH_LABEL: Record<Architecture, { deb: string; plain: string }> = {
  x86_64: { deb: 'amd64', plain: 'x86_64' },
  arm64: { deb: 'arm64', plain: 'arm64' },
  i386: { deb: 'i386', plain: 'i386' },
};

/** Collects the specs of one region's images, in catalog order (records are built from them on first use). */
class CatalogBuilder {
  readonly specs: ImageSpec[] = [];

  constructor(
    readonly region: string,
    readonly rng = new Prng(hash32(`catalog/${region}`)),
  ) {}

  add(spec: Omit<ImageSpec, 'region'>): void {
    (spec as ImageSpec).region = this.region;
    this.specs.push(spec as ImageSpec);
  }

  /** `count` build dates, newest first: the newest `newestAgeDays` before the as-of date, then every ~`everyDays`. */
  builds(count: number, everyDays: number, newestAgeDays: number): number[] {
    const dates: number[] = [];
    let t = CATALOG_AS_OF - newestAgeDays * DAY_MS - this.rng.int(0, 36) * 3_600_000;
    for (let i = 0; i < count; i++) {
      dates.push(t);
      t -= (everyDays + this.rng.int(-2, 3)) * DAY_MS + this.rng.int(0, 600) * 60_000;
    }
    return dates;
  }
}

function amazonLinux(c: CatalogBuilder): void {
  const amazon = { ownerId: PUBLIC_OWNERS.amazon, alias: 'amazon' };
  // Amazon Linux 2023 is rebuilt about every two weeks; two years of builds stay public.
  for (const created of c.builds(c.rng.int(48, 54), 14, c.rng.int(2, 9))) {
    const version = al2023Version(created);
    for (const arch of ['x86_64', 'arm64'] as const) {
      c.add({
        ...amazon,
        key: `al2023/${version}/${arch}`,
        arch,
        created,
        name: `al2023-ami-${version}-kernel-6.1-${arch}`,
        description: `Amazon Linux 2023 AMI ${version} ${arch} HVM kernel-6.1`,
        volumeType: 'gp3',
        bootMode: 'uefi-preferred',
        imds: true,
        freeTier: true,
        ssmParameter: `/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-${arch}`,
      });
    }
  }
  for (const created of c.builds(c.rng.int(48, 54), 14, c.rng.int(2, 9))) {
    const version = al2023Version(created);
    for (const arch of ['x86_64', 'arm64'] as const) {
      c.add({
        ...amazon,
        key: `al2023-minimal/${version}/${arch}`,
        arch,
        created,
        name: `al2023-ami-minimal-${version}-kernel-6.1-${arch}`,
        description: `Amazon Linux 2023 AMI ${version} ${arch} Minimal HVM kernel-6.1`,
        volumeSize: 2,
        volumeType: 'gp3',
        bootMode: 'uefi-preferred',
        imds: true,
        freeTier: true,
        ssmParameter: `/aws/service/ami-amazon-linux-latest/al2023-ami-minimal-kernel-default-${arch}`,
      });
    }
  }
  // Kernel 6.12 builds of Amazon Linux 2023, published for the last year.
  for (const created of c.builds(c.rng.int(24, 27), 14, c.rng.int(2, 9))) {
    const version = al2023Version(created);
    for (const arch of ['x86_64', 'arm64'] as const) {
      c.add({
        ...amazon,
        key: `al2023-k612/${version}/${arch}`,
        arch,
        created,
        name: `al2023-ami-${version}-kernel-6.12-${arch}`,
        description: `Amazon Linux 2023 AMI ${version} ${arch} HVM kernel-6.12`,
        volumeType: 'gp3',
        bootMode: 'uefi-preferred',
        imds: true,
        freeTier: true,
        ssmParameter: `/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-6.12-${arch}`,
      });
    }
  }
  amazonLinuxOptimized(c);
  for (const created of c.builds(c.rng.int(22, 26), 30, c.rng.int(5, 15))) {
    const version = `2.0.${ymd(created)}.0`;
    for (const arch of ['x86_64', 'arm64'] as const) {
      c.add({
        ...amazon,
        key: `amzn2/${version}/${arch}`,
        arch,
        created,
        name: `amzn2-ami-kernel-5.10-hvm-${version}-${arch}-gp2`,
        description: `Amazon Linux 2 Kernel 5.10 AMI ${version} ${arch} HVM gp2`,
        bootMode: arch === 'arm64' ? 'uefi' : undefined,
        freeTier: true,
        ssmParameter: `/aws/service/ami-amazon-linux-latest/amzn2-ami-kernel-5.10-hvm-${arch}-gp2`,
      });
    }
  }
  // The legacy Amazon Linux AMI (2018.03): paravirtual, i386, and instance-store (S3-backed) builds.
  const legacy = Date.UTC(2023, 11, 18, 21, 4, 0);
  const v = '2018.03.0.20231218.0';
  const legacyDeprecation = Date.UTC(2025, 11, 31, 0, 0, 0);
  for (const arch of ['x86_64', 'i386'] as const) {
    c.add({
      ...amazon,
      key: `amzn-pv-ebs/${arch}`,
      arch,
      created: legacy,
      paravirtual: true,
      name: `amzn-ami-pv-${v}-${arch}-ebs`,
      description: `Amazon Linux AMI ${v} ${arch} PV EBS`,
      deprecationTime: legacyDeprecation,
    });
    c.add({
      ...amazon,
      key: `amzn-pv-s3/${arch}`,
      arch,
      created: legacy,
      paravirtual: true,
      instanceStore: true,
      name: `amzn-ami-minimal-pv-${v}-${arch}-s3`,
      description: `Amazon Linux AMI ${v} ${arch} Minimal PV S3`,
      imageLocation: `amzn-ami-${c.region}/amzn-ami-minimal-pv-${v}.${arch}.manifest.xml`,
      deprecationTime: legacyDeprecation,
    });
  }
  c.add({
    ...amazon,
    key: 'amzn-hvm-s3/x86_64',
    arch: 'x86_64',
    created: legacy,
    instanceStore: true,
    ephemeral: 2,
    name: `amzn-ami-hvm-${v}-x86_64-s3`,
    description: `Amazon Linux AMI ${v} x86_64 HVM S3`,
    imageLocation: `amzn-ami-${c.region}/amzn-ami-hvm-${v}.x86_64.manifest.xml`,
    deprecationTime: legacyDeprecation,
  });
  c.add({
    ...amazon,
    key: 'amzn-hvm-ebs/x86_64',
    arch: 'x86_64',
    created: legacy,
    name: `amzn-ami-hvm-${v}-x86_64-gp2`,
    description: `Amazon Linux AMI ${v} x86_64 HVM gp2`,
    deprecationTime: legacyDeprecation,
  });
}

/** AL2023's version in its name: `2023.<minor>.<date>.0`, the minor growing about every four months. */
function al2023Version(created: number): string {
  const minor = Math.max(0, 9 - Math.floor((CATALOG_AS_OF - created) / (120 * DAY_MS)));
  return `2023.${minor}.${ymd(created)}.0`;
}

/**
 * The ECS- and EKS-optimized Amazon Linux 2023 series, weekly to biweekly per Kubernetes
 * version. Real ones are published by other Amazon accounts under the `amazon` alias; here
 * they share Amazon's owner id (unverified owner ids left out on purpose).
 */
function amazonLinuxOptimized(c: CatalogBuilder): void {
  const amazon = { ownerId: PUBLIC_OWNERS.amazon, alias: 'amazon' };
  for (const created of c.builds(c.rng.int(48, 54), 14, c.rng.int(1, 6))) {
    const stamp = ymd(created);
    for (const arch of ['x86_64', 'arm64'] as const) {
      c.add({
        ...amazon,
        key: `ecs-al2023/${stamp}/${arch}`,
        arch,
        created,
        name: `al2023-ami-ecs-hvm-2023.0.${stamp}-kernel-6.1-${arch}`,
        description: `Amazon Linux AMI 2023.0.${stamp} ${arch} ECS HVM EBS`,
        volumeSize: 30,
        volumeType: 'gp3',
        bootMode: 'uefi-preferred',
        imds: true,
      });
    }
  }
  const flavours = [
    { flavour: 'standard', arches: ['x86_64', 'arm64'] as const },
    { flavour: 'nvidia', arches: ['x86_64', 'arm64'] as const },
    { flavour: 'neuron', arches: ['x86_64'] as const },
  ];
  for (const minor of [30, 31, 32, 33, 34]) {
    // Older Kubernetes versions stopped getting builds earlier.
    for (const created of c.builds(c.rng.int(20, 26), 14, (34 - minor) * 60 + c.rng.int(1, 6))) {
      const stamp = ymd(created);
      for (const { flavour, arches } of flavours) {
        for (const arch of arches) {
          c.add({
            ...amazon,
            // The standard flavour keeps the shorter key.
            key: `eks-al2023/1.${minor}/${stamp}/${arch}${flavour === 'standard' ? '' : `/${flavour}`}`,
            arch,
            created,
            name: `amazon-eks-node-al2023-${arch}-${flavour}-1.${minor}-v${stamp}`,
            description: `EKS-optimized Kubernetes node based on Amazon Linux 2023, (k8s: 1.${minor}, containerd)`,
            volumeSize: 20,
            volumeType: 'gp3',
            bootMode: 'uefi-preferred',
            imds: true,
          });
        }
      }
    }
  }
}

function windows(c: CatalogBuilder): void {
  const owner = { ownerId: PUBLIC_OWNERS.amazonWindows, alias: 'amazon', platform: 'windows' as const };
  const editions: { key: string; name: string; description: string; tpm?: boolean; sql?: string }[] = [
    {
      key: '2016-full',
      name: 'Windows_Server-2016-English-Full-Base',
      description: 'Microsoft Windows Server 2016 with Desktop Experience Locale English AMI provided by Amazon',
    },
    {
      key: '2019-full',
      name: 'Windows_Server-2019-English-Full-Base',
      description: 'Microsoft Windows Server 2019 with Desktop Experience Locale English AMI provided by Amazon',
    },
    {
      key: '2019-core',
      name: 'Windows_Server-2019-English-Core-Base',
      description: 'Microsoft Windows Server 2019 Core Locale English AMI provided by Amazon',
    },
    {
      key: '2022-full',
      name: 'Windows_Server-2022-English-Full-Base',
      description: 'Microsoft Windows Server 2022 Full Locale English AMI provided by Amazon',
    },
    {
      key: '2022-tpm',
      name: 'TPM-Windows_Server-2022-English-Full-Base',
      description: 'Microsoft Windows Server 2022 Full Locale English with TPM support AMI provided by Amazon',
      tpm: true,
    },
    {
      key: '2022-sql',
      name: 'Windows_Server-2022-English-Full-SQL_2022_Standard',
      description: 'Microsoft Windows Server 2022 Full Locale English with SQL Standard 2022 AMI provided by Amazon',
      sql: 'Standard',
    },
    {
      key: '2025-full',
      name: 'Windows_Server-2025-English-Full-Base',
      description: 'Microsoft Windows Server 2025 Full Locale English AMI provided by Amazon',
    },
  ];
  // Amazon publishes each base image in many languages, and SQL Server editions on top.
  for (const year of ['2019', '2022', '2025']) {
    for (const language of WINDOWS_LANGUAGES) {
      editions.push({
        key: `${year}-full-${language}`,
        name: `Windows_Server-${year}-${language}-Full-Base`,
        description: `Microsoft Windows Server ${year} Full Locale ${language.replace('_', ' ')} AMI provided by Amazon`,
      });
    }
  }
  for (const year of ['2019', '2022']) {
    for (const sql of ['Express', 'Web', 'Enterprise']) {
      editions.push({
        key: `${year}-sql-${sql}`,
        name: `Windows_Server-${year}-English-Full-SQL_2022_${sql}`,
        description: `Microsoft Windows Server ${year} Full Locale English with SQL ${sql} 2022 AMI provided by Amazon`,
        sql,
      });
    }
  }
  // Only the latest few monthly builds stay public: Amazon makes older Windows AMIs private.
  const count = c.rng.int(2, 3);
  for (const edition of editions) {
    // Windows AMIs are rebuilt monthly, after Patch Tuesday.
    for (const created of c.builds(count, 30, c.rng.int(5, 12))) {
      const d = new Date(created);
      const stamp = `${d.getUTCFullYear()}.${String(d.getUTCMonth() + 1).padStart(2, '0')}.${String(d.getUTCDate()).padStart(2, '0')}`;
      c.add({
        ...owner,
        key: `win/${edition.key}/${stamp}`,
        arch: 'x86_64',
        created,
        name: `${edition.name}-${stamp}`,
        description: edition.description,
        rootDeviceName: '/dev/sda1',
        volumeSize: edition.sql ? 50 : 30,
        platformDetails: edition.sql ? `Windows with SQL Server ${edition.sql}` : 'Windows',
        usageOperation: edition.sql ? 'RunInstances:0006' : 'RunInstances:0002',
        bootMode: edition.tpm ? 'uefi' : undefined,
        tpm: edition.tpm,
        imds: edition.key.startsWith('2025'),
        freeTier: !edition.sql,
        ssmParameter: `/aws/service/ami-windows-latest/${edition.name}`,
        // Windows AMIs older than the latest few are made private; the oldest are deprecated early.
        deprecationTime: edition.key === '2016-full' ? created + 120 * DAY_MS : undefined,
      });
    }
  }
}

const WINDOWS_LANGUAGES = [
  'Japanese',
  'German',
  'French',
  'Spanish',
  'Portuguese_Brazil',
  'Korean',
  'Chinese_Simplified',
  'Italian',
  'Russian',
];

function ubuntu(c: CatalogBuilder): void {
  const releases = [
    { version: '20.04', code: 'focal', store: 'hvm-ssd', type: 'gp2' as const, newest: 180, boot: undefined },
    { version: '22.04', code: 'jammy', store: 'hvm-ssd', type: 'gp2' as const, newest: 10, boot: undefined },
    {
      version: '24.04',
      code: 'noble',
      store: 'hvm-ssd-gp3',
      type: 'gp3' as const,
      newest: 4,
      boot: 'uefi-preferred' as const,
    },
  ];
  for (const r of releases) {
    // Canonical rebuilds its images every week or two.
    for (const created of c.builds(c.rng.int(20, 28), 14, r.newest + c.rng.int(0, 6))) {
      for (const arch of ['x86_64', 'arm64'] as const) {
        const a = ARCH_LABEL[arch].deb;
        c.add({
          ownerId: PUBLIC_OWNERS.canonical,
          key: `ubuntu/${r.code}/${ymd(created)}/${arch}`,
          arch,
          created,
          name: `ubuntu/images/${r.store}/ubuntu-${r.code}-${r.version}-${a}-server-${ymd(created)}`,
          description: `Canonical, Ubuntu, ${r.version}, ${a} ${r.code} image`,
          rootDeviceName: '/dev/sda1',
          volumeType: r.type,
          ephemeral: 2,
          bootMode: r.boot,
          // Ubuntu 20.04 left standard support in 2025: its AMIs are deprecated.
          deprecationTime: r.code === 'focal' ? Date.UTC(2025, 5, 1) : undefined,
          ssmParameter: `/aws/service/canonical/ubuntu/server/${r.version}/stable/current/${a}/hvm/ebs-${r.type}/ami-id`,
        });
      }
    }
  }
}

function debianRhelSuse(c: CatalogBuilder): void {
  for (const release of [11, 12]) {
    for (const created of c.builds(c.rng.int(10, 14), 30, release === 11 ? 400 : c.rng.int(10, 40))) {
      const build = `${ymd(created)}-${String(c.rng.int(0, 23)).padStart(2, '0')}${String(c.rng.int(0, 59)).padStart(2, '0')}`;
      for (const arch of ['x86_64', 'arm64'] as const) {
        c.add({
          ownerId: PUBLIC_OWNERS.debian,
          key: `debian/${release}/${build}/${arch}`,
          arch,
          created,
          name: `debian-${release}-${ARCH_LABEL[arch].deb}-${build}`,
          description: `Debian ${release} (${build})`,
          volumeType: 'gp2',
          ssmParameter: `/aws/service/debian/release/${release}/latest/${ARCH_LABEL[arch].deb}`,
          bootMode: arch === 'arm64' ? 'uefi' : 'uefi-preferred',
        });
      }
    }
  }
  const rhel = [
    { major: 8, minor: '8.10.0' },
    { major: 9, minor: '9.6.0' },
  ];
  for (const r of rhel) {
    for (const created of c.builds(c.rng.int(6, 9), 45, c.rng.int(15, 60))) {
      for (const arch of ['x86_64', 'arm64'] as const) {
        c.add({
          ownerId: PUBLIC_OWNERS.redhat,
          key: `rhel/${r.minor}/${ymd(created)}/${arch}`,
          arch,
          created,
          name: `RHEL-${r.minor}_HVM-${ymd(created)}-${arch}-0-Hourly2-GP3`,
          description: 'Provided by Red Hat, Inc.',
          rootDeviceName: '/dev/sda1',
          volumeSize: 10,
          volumeType: 'gp3',
          platformDetails: 'Red Hat Enterprise Linux',
          usageOperation: 'RunInstances:0010',
          bootMode: r.major === 9 ? 'uefi-preferred' : undefined,
        });
      }
    }
  }
  for (const created of c.builds(c.rng.int(6, 9), 60, c.rng.int(20, 50))) {
    for (const arch of ['x86_64', 'arm64'] as const) {
      c.add({
        ownerId: PUBLIC_OWNERS.suse,
        key: `sles/15-sp7/${ymd(created)}/${arch}`,
        arch,
        created,
        name: `suse-sles-15-sp7-v${ymd(created)}-hvm-ssd-${arch}`,
        description: `SUSE Linux Enterprise Server 15 SP7 (HVM, 64-bit, SSD-Backed)`,
        rootDeviceName: '/dev/sda1',
        volumeSize: 10,
        volumeType: 'gp3',
        platformDetails: 'SUSE Linux',
        usageOperation: 'RunInstances:000g',
      });
    }
  }
}

interface MarketplaceProduct {
  key: string;
  name: (version: string, created: number) => string;
  description: string;
  versions: string[];
  windows?: boolean;
  size: number;
}

const MARKETPLACE: MarketplaceProduct[] = [
  {
    key: 'bitnami-wordpress',
    versions: ['6.8.3-r02', '6.8.2-r01'],
    size: 10,
    name: (v) => `bitnami-wordpress-${v}-linux-debian-12-x86_64-hvm-ebs-nami`,
    description: 'Bitnami package for WordPress',
  },
  {
    key: 'openvpn-as',
    versions: ['2.14.3', '2.13.1'],
    size: 10,
    name: (v, d) => `OpenVPN Access Server Community Image-${v}-${ymd(d)}`,
    description: 'OpenVPN Access Server',
  },
  {
    key: 'cis-ubuntu-2204',
    versions: ['1.0.21', '1.0.19'],
    size: 30,
    name: (v) => `CIS Ubuntu Linux 22.04 LTS Benchmark - Level 1-v${v}`,
    description: 'CIS Hardened Image Level 1 on Ubuntu Linux 22.04 LTS',
  },
  {
    key: 'fortigate-payg',
    versions: ['7.6.4', '7.4.9'],
    size: 2,
    name: (v) => `FortiGate-VM64-AWSONDEMAND build2731 (${v}) GA`,
    description: 'FortiGate-VM64-AWSONDEMAND',
  },
  {
    key: 'nginx-plus',
    versions: ['R35', 'R34'],
    size: 8,
    name: (v, d) => `nginx-plus-ubuntu-22.04-${v}-${ymd(d)}`,
    description: 'NGINX Plus - Ubuntu 22.04 LTS',
  },
  {
    key: 'sql-web-marketplace',
    versions: ['2025.09', '2025.06'],
    size: 60,
    windows: true,
    name: (v) => `Windows Server 2022 with SQL Server 2022 Web - ${v}`,
    description: 'Windows Server 2022 with SQL Server 2022 Web Edition',
  },
  {
    key: 'gitlab-ee',
    versions: ['18.4.1', '18.3.2'],
    size: 20,
    name: (v) => `GitLab EE ${v}`,
    description: 'GitLab Enterprise Edition',
  },
  {
    key: 'deep-security',
    versions: ['20.0.1-27', '20.0.1-21'],
    size: 40,
    name: (v) => `Trend Micro Deep Security Manager ${v}`,
    description: 'Trend Micro Deep Security',
  },
];

/**
 * The `n`th version before `newest` (n = 0: itself), counting down its last number; past zero
 * the version gets a `-N` suffix. Deterministic names for a product's older listings.
 */
function olderVersion(newest: string, n: number): string {
  if (n === 0) return newest;
  const m = /(\d+)(\D*)$/.exec(newest);
  if (!m) return `${newest}.${n}`;
  const last = Number(m[1]) - n;
  return last >= 0 ? newest.slice(0, m.index) + String(last) + m[2] : `${newest}-${-last}`;
}

function marketplace(c: CatalogBuilder): void {
  const count = c.rng.int(6, MARKETPLACE.length);
  for (const product of MARKETPLACE.slice(0, count)) {
    const codes: ProductCode[] = Object.freeze([
      Object.freeze({ productCodeId: keyCode(`product/${product.key}`, 25), productCodeType: 'marketplace' as const }),
    ]) as unknown as ProductCode[];
    // The named newest versions, then a series of older listings about monthly.
    const versions = [...product.versions];
    const older = c.rng.int(14, 30);
    for (let n = 1; n <= older; n++) versions.push(olderVersion(product.versions[product.versions.length - 1], n));
    const dates = c.builds(versions.length, 30, c.rng.int(10, 60));
    versions.forEach((version, i) => {
      const created = dates[i];
      const name = product.name(version, created);
      c.add({
        ownerId: PUBLIC_OWNERS.marketplace,
        alias: 'aws-marketplace',
        key: `mp/${product.key}/${version}`,
        arch: 'x86_64',
        created,
        productCodes: codes,
        name: `${name}-${keyCode(`mp-suffix/${product.key}/${version}`, 8)}`,
        description: product.description,
        platform: product.windows ? 'windows' : undefined,
        rootDeviceName: product.windows ? '/dev/sda1' : '/dev/xvda',
        volumeSize: product.size,
        volumeType: 'gp3',
      });
    });
  }
}

interface CommunityProduct {
  owner: string;
  name: (n: number, arch: Architecture, created: number) => string;
  description: (n: number, arch: Architecture) => string;
  arches: Architecture[];
  size: number;
  paravirtual?: boolean;
  old?: boolean;
}

const COMMUNITY: CommunityProduct[] = [
  {
    owner: '792107900819',
    arches: ['x86_64', 'arm64'],
    size: 10,
    name: (n, a, d) => `Rocky-9-EC2-Base-9.${6 - (n % 3)}-${ymd(d)}.0.${a === 'arm64' ? 'aarch64' : a}`,
    description: (n) => `Rocky Linux 9.${6 - (n % 3)} Base`,
  },
  {
    owner: '764336703387',
    arches: ['x86_64', 'arm64'],
    size: 10,
    name: (n, a, d) => `AlmaLinux OS 9.${6 - (n % 3)}.${ymd(d)} ${a === 'arm64' ? 'aarch64' : a}`,
    description: (n) => `Official AlmaLinux OS 9.${6 - (n % 3)} AMI`,
  },
  {
    owner: '125523088429',
    arches: ['x86_64', 'arm64'],
    size: 5,
    name: (n, a, d) => `fedora-coreos-42.${ymd(d)}.3.0-${a === 'arm64' ? 'aarch64' : a}`,
    description: (n) => `Fedora CoreOS stable 42.${n}`,
  },
  {
    owner: '602813404157',
    arches: ['x86_64', 'arm64'],
    size: 20,
    name: (n, a, d) => `k8s-node-1.${33 - (n % 4)}-ubuntu-24.04-${ARCH_LABEL[a].deb}-${ymd(d)}-${n}`,
    description: (n) => `Kubernetes 1.${33 - (n % 4)} worker node image (containerd, kubelet)`,
  },
  {
    owner: '898082745236',
    arches: ['x86_64'],
    size: 120,
    name: (n, _a, d) => `Deep Learning OSS Nvidia Driver AMI GPU PyTorch 2.${8 - (n % 3)} (Ubuntu 22.04) ${ymd(d)}`,
    description: (n) =>
      `Supported EC2 instances: G4dn, G5, G6, Gr6, G6e, P4d, P4de, P5. PyTorch-2.${8 - (n % 3)}, NVIDIA CUDA 12.8`,
  },
  {
    owner: '384947113254',
    arches: ['x86_64'],
    size: 16,
    name: (n, _a, d) => `kali-last-snapshot-amd64-2025.${(n % 4) + 1}.0-${ymd(d)}`,
    description: () => 'Kali Linux kali-last-snapshot',
  },
  {
    owner: '447151476420',
    arches: ['x86_64', 'arm64'],
    size: 8,
    name: (n, a, d) => `jenkins-agent-${a}-jdk21-${ymd(d)}-${n}`,
    description: () => 'Jenkins build agent with JDK 21 and Docker',
  },
  {
    owner: '931057621874',
    arches: ['i386'],
    size: 4,
    paravirtual: true,
    old: true,
    name: (n, a, d) => `debian-8-jessie-${ARCH_LABEL[a].deb}-pv-${ymd(d)}-${n}`,
    description: () => 'Debian 8 jessie (legacy paravirtual)',
  },
  {
    owner: '519066482811',
    arches: ['x86_64'],
    size: 8,
    old: true,
    name: (n, _a, d) => `centos-7.9-x86_64-hvm-${ymd(d)}-${n}`,
    description: () => 'CentOS 7.9 (end of life) community build',
  },
  {
    owner: '275068461043',
    arches: ['x86_64', 'arm64'],
    size: 30,
    name: (n, a, d) => `gitlab-runner-ubuntu-24.04-${ARCH_LABEL[a].deb}-${ymd(d)}-${n}`,
    description: () => 'GitLab Runner autoscaler image',
  },
  {
    owner: '063491364108',
    arches: ['i386', 'x86_64'],
    size: 2,
    old: true,
    name: (n, a, d) => `freebsd-13.2-release-${a === 'i386' ? 'i386' : 'amd64'}-${ymd(d)}-${n}`,
    description: (n, a) => `FreeBSD 13.2-RELEASE ${a} (community build ${n})`,
  },
];

/**
 * One community image; `n` makes the name unique for its owner. Draws exactly
 * {@link COMMUNITY_DRAWS} random numbers, so that a run of them can be skipped unseen.
 */
function communityImage(c: CatalogBuilder, n: number, oldestDays: number): void {
  const product = c.rng.pick(COMMUNITY);
  const arch = c.rng.pick(product.arches);
  const ageDays = product.old ? c.rng.int(900, 3000) : c.rng.int(3, oldestDays);
  const created = CATALOG_AS_OF - ageDays * DAY_MS - c.rng.int(0, 86_399) * 1000;
  // COMMUNITY_DRAWS counts the four draws above.
  // Community AMIs created before the default deprecation policy (2021) have none.
  const deprecationTime = created < Date.UTC(2021, 5, 1) ? null : undefined;
  c.add({
    ownerId: product.owner,
    key: `community/${n}`,
    arch,
    created,
    name: product.name(n, arch, created),
    description: product.description(n, arch),
    volumeSize: product.size,
    volumeType: product.old ? 'gp2' : 'gp3',
    paravirtual: product.paravirtual,
    deprecationTime,
    bootMode: arch === 'arm64' ? 'uefi' : undefined,
  });
}

const COMMUNITY_DRAWS = 4;
const COMMUNITY_OWNERS: ReadonlySet<string> = new Set(COMMUNITY.map((p) => p.owner));

/** Every owner a region's catalog can have: a query for anyone else (the caller's own) never generates it. */
export const CATALOG_OWNERS: CatalogOwners = {
  ownerIds: new Set([...Object.values(PUBLIC_OWNERS), ...COMMUNITY_OWNERS]),
  aliases: new Set(['amazon', 'aws-marketplace']),
};

/**
 * `count` community images numbered from `first`, generated only when a query needs them (a
 * query for Amazon's images never does); the builder's random numbers move past them at once.
 */
function communitySection(c: CatalogBuilder, first: number, count: number, oldestDays: number): CatalogSection {
  const rng = c.rng.fork();
  c.rng.skip(count * COMMUNITY_DRAWS);
  let specs: ImageSpec[] | undefined;
  return {
    count,
    ownerIds: COMMUNITY_OWNERS,
    aliases: new Set(),
    specs: () => {
      if (!specs) {
        const run = new CatalogBuilder(c.region, rng.fork());
        for (let n = first; n < first + count; n++) communityImage(run, n, oldestDays);
        specs = run.specs;
      }
      return specs;
    },
  };
}

/**
 * The families the seeded accounts' instances run (Amazon Linux, Windows, Ubuntu). They come
 * first in every region's catalog, so walking only them draws the same random numbers and
 * gives the very same specs (hence ids, names, dates) as the full catalog: the seed picks its
 * instances' AMIs from them without building the ~3,500 images of three regions at start-up.
 */
function instanceFamilies(c: CatalogBuilder): void {
  amazonLinux(c);
  windows(c);
  ubuntu(c);
}

/**
 * A region's catalog as it is generated: the seed needs only its first families
 * ({@link instanceFamilySpecs}), a query the rest, which carries on from the same random numbers.
 */
interface RegionSpecs {
  builder: CatalogBuilder;
  families: ImageSpec[];
  /** The standard catalog's sections, once asked for; the builder then stands after the last. */
  sections?: CatalogSection[];
}

/** Per region, built once per process: the specs are read-only and deterministic. */
const specsByRegion = new Map<string, RegionSpecs>();

function regionSpecs(region: string): RegionSpecs {
  let specs = specsByRegion.get(region);
  if (!specs) {
    const builder = new CatalogBuilder(region);
    instanceFamilies(builder);
    specsByRegion.set(region, (specs = { builder, families: builder.specs.splice(0) }));
  }
  return specs;
}

/**
 * The specs of the first images of `region`'s standard catalog (those {@link instanceFamilies}
 * adds), unbuilt: `buildImage(spec)` gives the record the full catalog has.
 */
export function instanceFamilySpecs(region: string): readonly ImageSpec[] {
  return regionSpecs(region).families;
}

/** The sections of the region's standard catalog: about 3,300–3,700 images, different per region. */
function standardSections(region: string): { sections: CatalogSection[]; builder: CatalogBuilder } {
  const specs = regionSpecs(region);
  if (!specs.sections) {
    catalogBuilds++;
    const c = specs.builder;
    debianRhelSuse(c);
    marketplace(c);
    const named = sectionOf(c.specs.splice(0));
    // Community images run to tens of thousands in a real region; a couple of thousand keep the
    // tree, filters and paging at real sizes while a fresh simulator stays quick to build.
    const community = communitySection(c, 0, c.rng.int(1500, 2200), 700);
    // Last, so the images above keep their ids and dates.
    containerOptimized(c);
    specs.sections = [sectionOf(specs.families), named, community, sectionOf(c.specs.splice(0))];
  }
  return { sections: specs.sections, builder: specs.builder };
}

/**
 * Bottlerocket, ECS- and EKS-optimized Amazon Linux 2023 images, named as Amazon publishes
 * them, each series with the public SSM parameter that names its newest build.
 */
function containerOptimized(c: CatalogBuilder): void {
  const amazon = { ownerId: PUBLIC_OWNERS.amazon, alias: 'amazon' };
  for (const created of c.builds(2, 21, c.rng.int(3, 12))) {
    const v = `1.${40 + (ymd(created).charCodeAt(7) % 5)}.0`;
    for (const arch of ['x86_64', 'arm64'] as const) {
      c.add({
        ...amazon,
        key: `bottlerocket/${ymd(created)}/${arch}`,
        arch,
        created,
        name: `bottlerocket-aws-k8s-1.33-${arch}-v${v}-${keyCode(`br/${ymd(created)}`, 8)}`,
        description: `bottlerocket-aws-k8s-1.33-${arch}-v${v}`,
        volumeType: 'gp2',
        rootDeviceName: '/dev/xvda',
        ssmParameter: `/aws/service/bottlerocket/aws-k8s-1.33/${arch}/latest/image_id`,
      });
      c.add({
        ...amazon,
        key: `ecs-al2023/${ymd(created)}/${arch}`,
        arch,
        created,
        name: `al2023-ami-ecs-hvm-2023.0.${ymd(created)}-kernel-6.1-${arch}`,
        description: `Amazon Linux AMI 2023.0.${ymd(created)} ${arch} ECS HVM EBS`,
        volumeType: 'gp3',
        ssmParameter: `/aws/service/ecs/optimized-ami/amazon-linux-2023/${arch === 'arm64' ? 'arm64/' : ''}recommended/image_id`,
      });
      c.add({
        ...amazon,
        key: `eks-al2023/${ymd(created)}/${arch}`,
        arch,
        created,
        name: `amazon-eks-node-al2023-${arch}-standard-1.33-v${ymd(created)}`,
        description: `EKS-optimized Kubernetes node based on Amazon Linux 2023, (k8s: 1.33, containerd: 1.7.*)`,
        volumeType: 'gp3',
        ssmParameter: `/aws/service/eks/optimized-ami/1.33/amazon-linux-2023/${arch}/standard/recommended/image_id`,
      });
    }
  }
}

/**
 * The public catalog of `region`. With `size` > 0 the catalog is scaled to exactly that
 * many images (the standard images first, then community images) for benchmarks.
 */
export function publicCatalog(region: string, size = 0): RegionCatalog {
  if (size <= 0) return standardCatalogOf(region);
  return new RegionCatalog(() => scaledSections(region, size), CATALOG_OWNERS);
}

function scaledSections(region: string, size: number): CatalogSection[] {
  const { sections, builder } = standardSections(region);
  const standard = sections.reduce((n, s) => n + s.count, 0);
  if (size <= standard) {
    let left = size;
    return sections.map((s) => {
      const section = truncated(s, left);
      left -= section.count;
      return section;
    });
  }
  // A copy of the builder: the standard catalog's own random numbers stay where they are.
  const more = new CatalogBuilder(region, builder.rng.fork());
  return [...sections, communitySection(more, 100_000 + standard, size - standard, 2500)];
}

/**
 * The standard catalog of `region`, one per process: the records are read-only and
 * deterministic, so every simulator (a test builds hundreds) can share them.
 */
function standardCatalogOf(region: string): RegionCatalog {
  let catalog = standardCatalogs.get(region);
  if (!catalog) {
    catalog = new RegionCatalog(() => standardSections(region).sections, CATALOG_OWNERS);
    standardCatalogs.set(region, catalog);
  }
  return catalog;
}

/** Every image of the standard catalog of `region`, in catalog order. */
export function standardImages(region: string): readonly ImageRecord[] {
  return standardCatalogOf(region).all();
}

const standardCatalogs = new Map<string, RegionCatalog>();
let catalogBuilds = 0;

/** For tests: how many full region catalogs this process has generated (start-up cost is counted, not timed). */
export function catalogBuildCount(): number {
  return catalogBuilds;
}

/**
 * For tests: the specs of `publicCatalog(region, size)` generated in one pass, drawing every
 * random number in turn, as the catalog was generated before its sections became lazy.
 */
export function catalogSpecsInOnePass(region: string, size = 0): ImageSpec[] {
  const c = new CatalogBuilder(region);
  instanceFamilies(c);
  debianRhelSuse(c);
  marketplace(c);
  const community = c.rng.int(1500, 2200);
  for (let n = 0; n < community; n++) communityImage(c, n, 700);
  containerOptimized(c);
  const standard = c.specs.length;
  if (size <= 0) return c.specs;
  for (let n = standard; c.specs.length < size; n++) communityImage(c, 100_000 + n, 2500);
  return c.specs.slice(0, size);
}

/** For tests: forgets the shared catalogs, so the next use of each region generates it again. */
export function forgetStandardCatalogs(): void {
  standardCatalogs.clear();
  specsByRegion.clear();
}
