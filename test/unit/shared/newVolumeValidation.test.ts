import * as assert from 'assert';
import { parseWith, readCreateImageMessage } from '../../../src/shared/messageValidation';
import type { CreateImageParams, NewVolume } from '../../../src/shared/protocol/createImage';
import { checkNewDeviceName, checkNewVolumeSize, deviceKey, suggestDeviceName } from '../../../src/shared/validation';
import { VOLUME_SIZE_LIMITS_GIB } from '../../../src/shared/ebsVolumeLimits';

const newVolume = (over: Partial<NewVolume> = {}): NewVolume => ({
  deviceName: '/dev/sdf',
  sizeGiB: 20,
  volumeType: 'gp3',
  deleteOnTermination: true,
  encrypted: false,
  ...over,
});

const params = (addedVolumes: unknown): Omit<CreateImageParams, 'addedVolumes'> & { addedVolumes: unknown } => ({
  name: 'with new volumes',
  description: '',
  noReboot: false,
  volumes: [{ deviceName: '/dev/xvda', include: true, deleteOnTermination: true }],
  addedVolumes,
  imageTags: [],
  snapshotTags: [],
});

const read = (addedVolumes: unknown) =>
  parseWith(readCreateImageMessage, { type: 'submit', requestId: 'r', params: params(addedVolumes) });

describe('new volumes of Create Image (shared rules)', () => {
  it('accepts sd and xvd device names from b to z, and xvdba–xvdcz', () => {
    for (const name of ['/dev/sdb', '/dev/sdf', '/dev/sdp', '/dev/sdz', '/dev/xvdf', '/dev/xvdba', '/dev/xvdcz']) {
      assert.strictEqual(checkNewDeviceName(name, []), undefined, name);
    }
  });

  it('refuses root, instance-store, NVMe, partition and malformed names', () => {
    for (const name of [
      '/dev/sda',
      '/dev/xvda',
      '/dev/sda1',
      'sdf',
      '/dev/nvme1n1',
      'ephemeral0',
      '/dev/sdf1',
      '/dev/SDF',
      '',
      '/dev/xvdda',
    ]) {
      assert.match(checkNewDeviceName(name, []) ?? '', /is not a device name for a new volume/, name);
    }
  });

  it('refuses a device already used, in either spelling (sdf is xvdf)', () => {
    assert.match(checkNewDeviceName('/dev/sdf', ['/dev/sda1', '/dev/sdf'])!, /already used/);
    assert.match(checkNewDeviceName('/dev/sdf', ['/dev/xvda', '/dev/xvdf'])!, /same device as \/dev\/xvdf/);
    assert.match(checkNewDeviceName('/dev/xvdg', ['xvdg'])!, /same device as xvdg/);
    assert.strictEqual(checkNewDeviceName('/dev/sdg', ['/dev/sdf']), undefined);
    assert.strictEqual(deviceKey('/dev/sdf'), deviceKey('xvdf'));
  });

  it('applies the size limits of each volume type', () => {
    const cases: [string, string, boolean][] = [
      ['gp3', '1', true],
      ['gp3', '65536', true],
      ['gp3', '65537', false],
      ['gp3', '0', false],
      ['gp2', '16384', true],
      ['io1', '3', false],
      ['io1', '4', true],
      ['io2', '65536', true],
      ['io1', '16385', false],
      ['st1', '124', false],
      ['st1', '125', true],
      ['sc1', '16384', true],
      ['sc1', '100', false],
      ['standard', '1024', true],
      ['standard', '1025', false],
    ];
    for (const [type, size, ok] of cases) {
      const problem = checkNewVolumeSize(size, type);
      assert.strictEqual(problem === undefined, ok, `${type} ${size}: ${problem}`);
      if (!ok) {
        const { min, max } = VOLUME_SIZE_LIMITS_GIB[type];
        assert.match(problem!, new RegExp(`A ${type} volume has ${min}–${max} GiB`));
      }
    }
    assert.match(checkNewVolumeSize('20.5', 'gp3')!, /whole number/);
    assert.match(checkNewVolumeSize('', 'gp3')!, /whole number/);
    assert.match(checkNewVolumeSize('-1', 'gp3')!, /whole number/);
    assert.match(checkNewVolumeSize('20', 'gp4')!, /not an EBS volume type/);
    assert.match(checkNewVolumeSize('20', 'constructor')!, /not an EBS volume type/);
  });

  it('suggests the next free name f–p in the naming of the root device', () => {
    assert.strictEqual(suggestDeviceName('/dev/xvda', ['/dev/xvda']), '/dev/xvdf');
    assert.strictEqual(suggestDeviceName('/dev/sda1', ['/dev/sda1']), '/dev/sdf');
    assert.strictEqual(suggestDeviceName('/dev/xvda', ['/dev/xvda', '/dev/xvdf', '/dev/sdg']), '/dev/xvdh');
    assert.strictEqual(suggestDeviceName(undefined, []), '/dev/sdf');
    const all = [...'fghijklmnopqrstuvwxyz'].map((c) => `/dev/sd${c}`);
    assert.strictEqual(suggestDeviceName('/dev/sda1', all.slice(0, 11)), '/dev/sdq');
    assert.strictEqual(suggestDeviceName('/dev/sda1', all), undefined);
  });
});

describe('new volumes of Create Image (messages from the webview)', () => {
  it('reads valid new volumes, and an absent list as none', () => {
    const ok = read([
      newVolume(),
      newVolume({ deviceName: '/dev/sdg', volumeType: 'st1', sizeGiB: 500, encrypted: true }),
    ]);
    assert.ok(ok.ok, JSON.stringify(ok));
    const { addedVolumes, ...withoutAdded } = params([]);
    void addedVolumes;
    const absent = parseWith(readCreateImageMessage, { type: 'submit', requestId: 'r', params: withoutAdded });
    assert.ok(absent.ok && absent.value.type === 'submit' && !('addedVolumes' in absent.value.params));
  });

  it('refuses bad devices, duplicates, sizes out of range, wrong types, extra fields and too many', () => {
    const hostile: [unknown, RegExp][] = [
      [[newVolume({ deviceName: '/dev/sda1' })], /deviceName is invalid/],
      [[newVolume({ deviceName: 'ephemeral0' })], /deviceName is invalid/],
      [[newVolume({ deviceName: '/dev/sdf; rm -rf /' })], /too long|deviceName is invalid/],
      [[newVolume(), newVolume()], /addedVolumes\[1\]\.deviceName is invalid: \/dev\/sdf is already used/],
      [[newVolume(), newVolume({ deviceName: '/dev/xvdf' })], /same device as \/dev\/sdf/],
      [[newVolume({ sizeGiB: 0 })], /sizeGiB must be between/],
      [[newVolume({ volumeType: 'gp2', sizeGiB: 16385 })], /A gp2 volume has 1–16384 GiB/],
      [[newVolume({ volumeType: 'st1', sizeGiB: 20 })], /A st1 volume has 125–16384 GiB/],
      [[newVolume({ volumeType: 'standard', sizeGiB: 2000 })], /A standard volume has 1–1024 GiB/],
      [[newVolume({ sizeGiB: 20.5 })], /whole number/],
      [[newVolume({ sizeGiB: '20' as unknown as number })], /whole number/],
      [[newVolume({ volumeType: 'io2' })], /iops is invalid: A io2 volume needs its IOPS/],
      [[newVolume({ volumeType: 'gp4' as 'gp3' })], /volumeType must be one of/],
      [[newVolume({ encrypted: 'yes' as unknown as boolean })], /encrypted must be true or false/],
      [[newVolume({ deleteOnTermination: 1 as unknown as boolean })], /deleteOnTermination must be true or false/],
      [[{ ...newVolume(), snapshotId: 'snap-0123456789abcdef0', encrypted: true }], /snapshot’s encryption/],
      [[{ ...newVolume(), kmsKeyId: 'alias/mine' }], /unexpected field kmsKeyId/],
      [[{ ...newVolume(), virtualName: 'ephemeral0' }], /unexpected field virtualName/],
      [[{ deviceName: '/dev/sdf' }], /missing the field/],
      [[null], /must be an object/],
      ['/dev/sdf', /must be a list/],
      [
        Array.from({ length: 100 }, (_, i) =>
          newVolume({ deviceName: `/dev/xvd${'bc'[i % 2]}${'abcdefghijklmnopqrstuvwxyz'[i % 26]}` }),
        ),
        /too many entries \(100, at most 20\)/,
      ],
    ];
    for (const [added, why] of hostile) {
      const parsed = read(added);
      assert.ok(!parsed.ok, `accepted ${JSON.stringify(added).slice(0, 100)}`);
      assert.match(parsed.reason, why);
    }
  });
});
