// What the fake host answers, per panel: the init data and replies to submits, plus the
// preview's steps (Playwright actions) and the screenshots taken after them.
const volumes = [
  { deviceName: '/dev/xvda', volumeId: 'vol-0a1b2c3d4e5f60001', sizeGiB: 8, volumeType: 'gp3', iops: 3000, deleteOnTermination: true, encrypted: false, isRoot: true },
  { deviceName: '/dev/xvdf', volumeId: 'vol-0a1b2c3d4e5f60002', sizeGiB: 100, volumeType: 'gp2', deleteOnTermination: false, encrypted: true, isRoot: false },
];

export const FIXTURES = {
  createImage: {
    reply: async (m) => {
      if (m.type === 'ready') {
        return [[0, { type: 'init', args: { kind: 'createImage', region: 'us-east-1', instanceId: 'i-0123456789abcdef0' },
          data: { region: 'us-east-1', instanceId: 'i-0123456789abcdef0', instanceName: 'web-1', instanceState: 'running', rootDeviceType: 'ebs', volumes, suggestedName: 'web-1 2026-11-23 1438' } }]];
      }
      if (m.type === 'submit') {
        return [
          [50, { type: 'progress', requestId: m.requestId, message: 'Asking EC2 to create the image; the instance keeps running.' }],
          [300, { type: 'result', requestId: m.requestId, result: { ok: true, imageId: 'ami-0fedcba9876543210' } }],
        ];
      }
      return [];
    },
    steps: [
      { run: async (p) => { await p.locator('vscode-textfield').first().locator('input').fill('web<1>'); }, shot: 'invalid' },
      { run: async (p) => {
          await p.locator('vscode-textfield').first().locator('input').fill('web-1 golden');
          await p.locator('vscode-checkbox').first().click();
          await p.getByText('Create Image', { exact: true }).last().click();
        }, wait: 900, shot: 'success' },
    ],
  },
};
