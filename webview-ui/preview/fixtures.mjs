// Steps find texts with marks allowed (⟦…⟧), so they also run under the translation test's
// pseudo-locale. What the fake host answers, per panel: the init data and replies to submits, plus the
// preview's steps (Playwright actions) and the screenshots taken after them.
const volumes = [
  {
    deviceName: '/dev/xvda',
    volumeId: 'vol-0a1b2c3d4e5f60001',
    sizeGiB: 8,
    volumeType: 'gp3',
    iops: 3000,
    deleteOnTermination: true,
    encrypted: false,
    isRoot: true,
  },
  {
    deviceName: '/dev/xvdf',
    volumeId: 'vol-0a1b2c3d4e5f60002',
    sizeGiB: 100,
    volumeType: 'gp2',
    deleteOnTermination: false,
    encrypted: true,
    isRoot: false,
  },
];

export const FIXTURES = {
  createImage: {
    reply: async (m) => {
      if (m.type === 'ready') {
        return [
          [
            0,
            {
              type: 'init',
              args: { kind: 'createImage', region: 'us-east-1', instanceId: 'i-0123456789abcdef0' },
              data: {
                region: 'us-east-1',
                instanceId: 'i-0123456789abcdef0',
                instanceName: 'web-1',
                instanceState: 'running',
                rootDeviceType: 'ebs',
                volumes,
                suggestedName: 'web-1 2026-11-23 1438',
              },
            },
          ],
        ];
      }
      if (m.type === 'submit') {
        return [
          [
            50,
            {
              type: 'progress',
              requestId: m.requestId,
              message: 'Asking EC2 to create the image; the instance keeps running.',
            },
          ],
          [300, { type: 'result', requestId: m.requestId, result: { ok: true, imageId: 'ami-0fedcba9876543210' } }],
        ];
      }
      return [];
    },
    steps: [
      {
        run: async (p) => {
          await p.locator('vscode-textfield').first().locator('input').fill('restored after reload');
          await p.locator('vscode-checkbox').first().click();
          await p.reload();
          await p.waitForTimeout(500);
          const name = await p.locator('vscode-textfield').first().locator('input').inputValue();
          const noReboot = await p
            .locator('vscode-checkbox')
            .first()
            .evaluate((c) => c.checked);
          if (name !== 'restored after reload' || !noReboot) throw new Error(`state not restored: ${name} ${noReboot}`);
          await p.locator('vscode-checkbox').first().click();
        },
      },
      {
        run: async (p) => {
          await p.locator('vscode-textfield').first().locator('input').fill('web<1>');
        },
        shot: 'invalid',
      },
      {
        run: async (p) => {
          await p.locator('vscode-textfield').first().locator('input').fill('web-1 golden');
          await p.locator('vscode-checkbox').first().click();
          await p
            .getByText('Create Image', { exact: true })
            .or(p.getByText('⟦Create Image⟧', { exact: true }))
            .last()
            .click();
        },
        wait: 900,
        shot: 'success',
      },
    ],
  },
};

const snap = (id, size, dev = '/dev/xvda') => ({ snapshotId: id, sizeGiB: size, deviceName: dev });
FIXTURES.deregister = {
  reply: async (m) => {
    if (m.type === 'ready') {
      return [
        [
          0,
          {
            type: 'init',
            args: {
              kind: 'deregister',
              region: 'eu-west-1',
              imageIds: ['ami-0aaa1111bbbb22220', 'ami-0ccc3333dddd44440', 'ami-0eee5555ffff66660'],
            },
            data: {
              region: 'eu-west-1',
              snapshotPricePerGiBMonth: 0.05,
              images: [
                {
                  imageId: 'ami-0aaa1111bbbb22220',
                  name: 'web-1 golden 2026-10',
                  state: 'available',
                  ownedByMe: true,
                  deregistrationProtection: false,
                  snapshots: [snap('snap-0123456789abcdef1', 8), snap('snap-0123456789abcdef2', 100, '/dev/xvdf')],
                  monthlyCostUsd: 5.4,
                },
                {
                  imageId: 'ami-0ccc3333dddd44440',
                  name: 'web-1 golden 2026-09',
                  state: 'available',
                  ownedByMe: true,
                  deregistrationProtection: false,
                  snapshots: [snap('snap-0123456789abcdef3', 8)],
                  monthlyCostUsd: 0.4,
                },
                {
                  imageId: 'ami-0eee5555ffff66660',
                  name: 'prod base (protected)',
                  state: 'available',
                  ownedByMe: true,
                  deregistrationProtection: true,
                  snapshots: [snap('snap-0123456789abcdef4', 30)],
                  monthlyCostUsd: 1.5,
                },
              ],
            },
          },
        ],
      ];
    }
    if (m.type === 'submit') {
      return [
        [50, { type: 'progress', requestId: m.requestId, message: 'Deregistering ami-0ccc3333dddd44440 (2 of 2)…' }],
        [
          300,
          {
            type: 'result',
            requestId: m.requestId,
            result: {
              ok: true,
              items: [
                {
                  imageId: 'ami-0aaa1111bbbb22220',
                  ok: true,
                  deletedSnapshotIds: ['snap-0123456789abcdef1'],
                  keptSnapshots: [
                    {
                      snapshotId: 'snap-0123456789abcdef2',
                      reason: 'The snapshot snap-0123456789abcdef2 is currently in use by ami-0999.',
                    },
                  ],
                },
                {
                  imageId: 'ami-0ccc3333dddd44440',
                  ok: true,
                  deletedSnapshotIds: ['snap-0123456789abcdef3'],
                  keptSnapshots: [],
                },
              ],
            },
          },
        ],
      ];
    }
    return [];
  },
  steps: [
    {
      run: async (p) => {
        await p.getByText('I understand that this cannot be undone').click();
        await p.getByText(/Deregister\W*2 AMIs/).click();
      },
      wait: 900,
      shot: 'result',
    },
  ],
};

FIXTURES.launchPermissions = {
  reply: async (m) => {
    if (m.type === 'ready') {
      return [
        [
          0,
          {
            type: 'init',
            args: { kind: 'launchPermissions', region: 'us-east-1', imageId: 'ami-0123456789abcdef0' },
            data: {
              region: 'us-east-1',
              imageId: 'ami-0123456789abcdef0',
              name: 'web-1 golden',
              current: { isPublic: false, accounts: ['444455556666'], organizations: [], organizationalUnits: [] },
              publicBlockers: [],
              otherOwnedImages: [{ imageId: 'ami-0fedcba9876543210', name: 'db golden' }],
            },
          },
        ],
      ];
    }
    if (m.type === 'submit') {
      return [
        [50, { type: 'progress', requestId: m.requestId, message: 'Reading the permissions back from EC2…' }],
        [300, { type: 'result', requestId: m.requestId, result: { ok: true, kind: 'applied', permissions: m.params } }],
      ];
    }
    return [];
  },
  steps: [
    {
      run: async (p) => {
        await p.getByText('Public: every AWS account').click();
        const f = p.locator('vscode-textfield').first().locator('input');
        await f.fill('12345');
      },
      shot: 'public-warning',
    },
    {
      run: async (p) => {
        const f = p.locator('vscode-textfield').first().locator('input');
        await f.fill('777788889999');
        await f.press('Enter');
        await p
          .getByText('Apply', { exact: true })
          .or(p.getByText('⟦Apply⟧', { exact: true }))
          .click();
      },
      wait: 900,
      shot: 'applied',
    },
  ],
};

FIXTURES.copyImage = {
  reply: async (m) => {
    if (m.type === 'ready') {
      return [
        [
          0,
          {
            type: 'init',
            args: { kind: 'copyImage', region: 'us-east-1', imageId: 'ami-0123456789abcdef0' },
            data: {
              sourceRegion: 'us-east-1',
              sourceImageId: 'ami-0123456789abcdef0',
              sourceName: 'web-1 golden',
              sourceDescription: 'Web tier, Nov build',
              regions: ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-southeast-2'],
              isMarketplace: false,
              sourceEncrypted: false,
            },
          },
        ],
      ];
    }
    if (m.type === 'submit') {
      return [
        [
          50,
          {
            type: 'progress',
            requestId: m.requestId,
            message: `Asking EC2 in ${m.params.destinationRegion} to copy ami-0123456789abcdef0…`,
          },
        ],
        [
          300,
          {
            type: 'result',
            requestId: m.requestId,
            result: {
              ok: false,
              error: {
                code: 'InvalidAMIName.Duplicate',
                message: 'AMI name web-1 golden is already in use by AMI ami-0aaa1111bbbb22220.',
                fix: 'Choose another name: AMI names are unique per account and region.',
              },
            },
          },
        ],
      ];
    }
    return [];
  },
  steps: [
    {
      run: async (p) => {
        await p.getByText('Encrypt the snapshots of the copy').click();
        await p.locator('vscode-textfield').nth(2).locator('input').fill('alias/backups');
      },
      shot: 'encrypted',
    },
    {
      run: async (p) => {
        await p
          .getByText('Copy AMI', { exact: true })
          .or(p.getByText('⟦Copy AMI⟧', { exact: true }))
          .last()
          .click();
      },
      wait: 900,
      shot: 'failure',
    },
  ],
};

FIXTURES.launchInstance = {
  reply: async (m) => {
    if (m.type === 'ready') {
      return [
        [
          0,
          {
            type: 'init',
            args: { kind: 'launchInstance', region: 'us-east-1', imageId: 'ami-0123456789abcdef0' },
            data: {
              region: 'us-east-1',
              imageId: 'ami-0123456789abcdef0',
              name: 'web-1 golden',
              architecture: 'x86_64',
              state: 'available',
              backend: 'aws',
              instanceTypes: ['t3.micro', 't3.small', 't3.medium', 'm6i.large'],
              notAllowed: true,
            },
          },
        ],
      ];
    }
    if (m.type === 'submit') {
      return [
        [300, { type: 'result', requestId: m.requestId, result: { ok: true, instanceIds: ['i-0aaaabbbbccccdddd'] } }],
      ];
    }
    return [];
  },
  steps: [
    {
      run: async (p) => {
        await p.locator('vscode-textfield').first().locator('input').fill('web-2');
        await p.getByText('I understand that these instances are billed').click();
        await p
          .getByText('Launch', { exact: true })
          .or(p.getByText('⟦Launch⟧', { exact: true }))
          .last()
          .click();
      },
      wait: 900,
      shot: 'launched',
    },
  ],
};

FIXTURES.createImageInstanceStore = {
  entry: 'createImage',
  reply: async (m) =>
    m.type === 'ready'
      ? [
          [
            0,
            {
              type: 'init',
              args: { kind: 'createImage', region: 'us-east-1', instanceId: 'i-0bbbb000011112222' },
              data: {
                region: 'us-east-1',
                instanceId: 'i-0bbbb000011112222',
                instanceName: 'legacy-batch',
                instanceState: 'running',
                rootDeviceType: 'instance-store',
                volumes: [],
                suggestedName: 'legacy-batch 2026-11-23 1438',
              },
            },
          ],
        ]
      : [],
  steps: [],
};

const initOnly = (kind, args, data) => ({
  reply: async (m) => (m.type === 'ready' ? [[0, { type: 'init', args: { kind, ...args }, data }]] : []),
  steps: [],
});

FIXTURES.imageDetails = initOnly(
  'imageDetails',
  { region: 'us-east-1', imageId: 'ami-0fedcba9876543210' },
  {
    region: 'us-east-1',
    imageId: 'ami-0fedcba9876543210',
    name: 'web-server-base-v7',
    description: 'Web server base image',
    ownerId: '123456789012',
    ownedByMe: true,
    state: 'available',
    creationDate: '2026-11-02T09:15:00.000Z',
    architecture: 'x86_64',
    platformDetails: 'Linux/UNIX',
    usageOperation: 'RunInstances',
    imageType: 'machine',
    virtualizationType: 'hvm',
    hypervisor: 'xen',
    bootMode: 'uefi-preferred',
    enaSupport: true,
    imdsSupport: 'v2.0',
    sourceInstanceId: 'i-0123456789abcdef0',
    productCodes: [],
    isPublic: false,
    rootDeviceType: 'ebs',
    rootDeviceName: '/dev/xvda',
    blockDevices: [
      {
        deviceName: '/dev/xvda',
        kind: 'ebs',
        snapshotId: 'snap-0a1b2c3d4e5f60001',
        sizeGiB: 8,
        volumeType: 'gp3',
        iops: 3000,
        throughput: 125,
        encrypted: false,
        deleteOnTermination: true,
      },
      { deviceName: '/dev/sdb', kind: 'ephemeral', virtualName: 'ephemeral0' },
    ],
    monthlyCostUsd: 0.4,
    snapshotPricePerGiBMonth: 0.05,
    permissions: {
      readable: true,
      permissions: { isPublic: false, accounts: ['210987654321'], organizations: [], organizationalUnits: [] },
    },
    tags: [{ key: 'team', value: 'web' }],
    deprecationTime: '2028-11-02T09:15:00.000Z',
    deprecated: false,
    deregistrationProtection: 'disabled',
    lastLaunchedTime: '2026-11-20T08:00:00.000Z',
    trust: { label: 'Your account', explanation: 'You own this image.' },
  },
);

FIXTURES.allowedImages = initOnly(
  'allowedImages',
  { region: 'us-east-1' },
  {
    region: 'us-east-1',
    accountId: '123456789012',
    state: 'audit-mode',
    managedBy: 'account',
    criteria: [
      {
        imageProviders: ['amazon', '123456789012'],
        imageNames: ['al2023-ami-*'],
        marketplaceProductCodes: [],
        maximumDaysSinceCreated: 300,
      },
    ],
    unsupportedConditions: [],
    imageCount: 42,
    instanceCount: 3,
  },
);

FIXTURES.cleanup = initOnly(
  'cleanup',
  { region: 'us-east-1' },
  {
    region: 'us-east-1',
    defaults: {
      images: { namePattern: '', tags: [] },
      keep: { newestPerFamily: 3, youngerThanDays: 30, launchedWithinDays: 30, inUse: true },
    },
    rulesFile: { location: '.vscode/ami-cleanup.json', writable: true, ruleSets: [] },
    pricePerGiBMonth: 0.05,
  },
);
