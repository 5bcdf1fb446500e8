import * as assert from 'assert';
import type { Image, Instance } from '@aws-sdk/client-ec2';
import {
  imageDescription,
  imageIcon,
  imageTooltip,
  instanceDescription,
  instanceIcon,
  instanceTooltip,
} from '../../../src/explorer/presentation';

const NOW = Date.parse('2026-11-23T12:00:00Z');
const ME = '123456789012';
const base: Image = {
  ImageId: 'ami-0123456789abcdef0',
  Name: 'web-server',
  State: 'available',
  OwnerId: ME,
  Architecture: 'x86_64',
  VirtualizationType: 'hvm',
  RootDeviceType: 'ebs',
  RootDeviceName: '/dev/xvda',
  Public: false,
  CreationDate: '2026-10-01T08:00:00.000Z',
  BlockDeviceMappings: [
    {
      DeviceName: '/dev/xvda',
      Ebs: { VolumeSize: 8, VolumeType: 'gp3', Encrypted: true, SnapshotId: 'snap-0123456789abcdef0' },
    },
    { DeviceName: '/dev/sdb', VirtualName: 'ephemeral0' },
  ],
};

/** The text a reader sees once Markdown escapes are rendered. */
const rendered = (markdown: string) => markdown.replace(/\\(.)/g, '$1');

describe('image rows', () => {
  it('describe date, architecture and id (what tells versions apart), the legacy pv and an unusual state', () => {
    assert.strictEqual(imageDescription(base, NOW), '2026-10-01 · x86_64 · ami-0123456789abcdef0');
    assert.strictEqual(
      imageDescription({ ...base, VirtualizationType: 'paravirtual', State: 'pending' }, NOW),
      '2026-10-01 · x86_64 · ami-0123456789abcdef0 · pv · pending',
    );
    assert.match(imageDescription({ ...base, DeprecationTime: '2026-01-01T00:00:00Z' }, NOW), /deprecated$/);
  });

  it('spin while pending, warn when deprecated, flag my public images, else show the platform', () => {
    assert.strictEqual(imageIcon({ ...base, State: 'pending' }, ME, NOW).id, 'loading~spin');
    assert.strictEqual(imageIcon({ ...base, DeprecationTime: '2026-01-01T00:00:00Z' }, ME, NOW).id, 'warning');
    assert.strictEqual(imageIcon({ ...base, State: 'disabled' }, ME, NOW).id, 'circle-slash');
    assert.strictEqual(imageIcon({ ...base, Public: true }, ME, NOW).id, 'globe');
    assert.strictEqual(imageIcon({ ...base, Platform: 'windows' as never }, ME, NOW).id, 'window');
    assert.strictEqual(imageIcon({ ...base, Public: true, OwnerId: '137112412989' }, ME, NOW).id, 'terminal-linux');
  });

  it('have a tooltip with owner, block devices, sizes and encryption', () => {
    const tip = rendered(imageTooltip(base, ME, NOW));
    assert.match(tip, /Owner: 123456789012 — you/);
    assert.match(tip, /EBS 8 GiB, gp3, encrypted/);
    assert.match(tip, /instance store \(ephemeral0\)/);
    assert.match(tip, /private/);
  });

  it('escape names and descriptions so EC2 text cannot inject links', () => {
    const tip = imageTooltip({ ...base, Name: '[click](command:evil)', Description: '<img src=x>' }, ME, NOW);
    assert.ok(tip.includes('\\[click\\]\\(command:evil\\)'), tip);
    assert.ok(tip.includes('\\<img src=x\\>'), tip);
    assert.match(rendered(tip), /\[click\]\(command:evil\)/, 'the reader still sees the name as EC2 has it');
  });
});

describe('instance rows', () => {
  const inst = {
    InstanceId: 'i-0abc',
    State: { Name: 'running' },
    InstanceType: 't3.micro',
    ImageId: 'ami-1',
    Tags: [{ Key: 'Name', Value: 'web-1' }],
  } as Instance;

  it('warn when the AMI they were launched from is gone or deprecated', () => {
    assert.strictEqual(instanceDescription(inst, 'available'), 'i-0abc · running · t3.micro · ami-1');
    assert.match(instanceDescription(inst, 'deregistered'), /⚠ AMI deregistered$/);
    assert.match(instanceDescription(inst, 'deprecated'), /⚠ AMI deprecated$/);
  });

  it('say on the row when the root device is an instance store, and why there is no Create Image', () => {
    const store = { ...inst, RootDeviceType: 'instance-store' } as Instance;
    assert.strictEqual(instanceDescription(store, 'available'), 'i-0abc · running · instance store · t3.micro · ami-1');
    const tip = instanceTooltip(store, 'available');
    assert.match(tip, /cannot create an image/);
    assert.match(tip, /ec2-bundle-vol/);
    assert.match(tip, /EBS-backed instance/);
  });

  it('show the state as icon, spinning while in transition', () => {
    assert.strictEqual(instanceIcon(inst).id, 'vm-running');
    assert.strictEqual(instanceIcon({ ...inst, State: { Name: 'stopping' } }).id, 'loading~spin');
    assert.strictEqual(instanceIcon({ ...inst, State: { Name: 'stopped' } }).id, 'vm-outline');
  });
});
