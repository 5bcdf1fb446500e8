import assert from 'node:assert/strict';
import type { Image } from '@aws-sdk/client-ec2';
import { familyDescription, familyKey, groupIntoFamilies } from '../../../src/explorer/imageFamilies';

describe('image families', () => {
  it('replace the version or build date of real catalog names, keeping what the image is', () => {
    assert.equal(familyKey('al2023-ami-2023.9.20260901.0-kernel-6.1-x86_64'), 'al2023-ami-*-kernel-6.1-x86_64');
    assert.equal(
      familyKey('ubuntu/images/hvm-ssd/ubuntu-noble-24.04-amd64-server-20260901'),
      'ubuntu/images/hvm-ssd/ubuntu-noble-24.04-amd64-server-*',
    );
    assert.equal(
      familyKey('Windows_Server-2022-English-Full-Base-2026.09.10'),
      'Windows_Server-2022-English-Full-Base-*',
    );
    assert.equal(
      familyKey('amzn2-ami-kernel-5.10-hvm-2.0.20260901.1-x86_64-gp2'),
      'amzn2-ami-kernel-5.10-hvm-*-x86_64-gp2',
    );
    assert.equal(familyKey('debian-12-amd64-20260901-1850'), 'debian-12-amd64-*');
    assert.equal(familyKey('ci-build-agent-2026.10'), 'ci-build-agent-*');
    assert.equal(familyKey('web-server-base-v7'), 'web-server-base-*');
  });

  it('leave names without a version alone', () => {
    assert.equal(familyKey('windows-2022-iis-golden'), undefined);
    assert.equal(familyKey('ubuntu-noble-24.04-amd64'), undefined);
    assert.equal(familyKey(undefined), undefined);
  });

  it('group two or more versions newest first, keep single images as they are, in list order', () => {
    const img = (id: string, name: string, date: string, arch = 'x86_64'): Image => ({
      ImageId: id,
      Name: name,
      CreationDate: `${date}T00:00:00.000Z`,
      Architecture: arch as Image['Architecture'],
    });
    const entries = groupIntoFamilies([
      img('ami-1', 'al2023-ami-2023.9.20260801.0-kernel-6.1-x86_64', '2026-08-01'),
      img('ami-2', 'golden', '2026-01-01'),
      img('ami-3', 'al2023-ami-2023.9.20260901.0-kernel-6.1-x86_64', '2026-09-01'),
      img('ami-4', 'al2023-ami-2023.9.20260901.0-kernel-6.1-arm64', '2026-09-01', 'arm64'),
    ]);
    assert.deepEqual(
      entries.map((e) => (e.kind === 'family' ? e.family.images.map((i) => i.ImageId) : e.image.ImageId)),
      [['ami-3', 'ami-1'], 'ami-2', 'ami-4'],
    );
    const family = entries[0].kind === 'family' ? entries[0].family : undefined;
    assert.equal(family && familyDescription(family), '2 versions · newest 2026-09-01 · x86_64');
  });
});
