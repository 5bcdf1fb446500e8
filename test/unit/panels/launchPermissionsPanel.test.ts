import * as assert from 'assert';
import type { Image } from '@aws-sdk/client-ec2';
import { LaunchPermissionsPanel, diffPermissions } from '../../../src/panels/launchPermissionsPanel';
import { PanelSession } from '../../../src/panels/panelSession';
import type { HostMessage } from '../../../src/shared/protocol/envelope';
import type {
  LaunchPermissionsInit,
  LaunchPermissionsResult,
  PermissionSet,
} from '../../../src/shared/protocol/launchPermissions';
import type { FakeWorld } from './fakes';
import { fakeServices, mutations } from './fakes';

const ME = '111122223333';
const IMG = 'ami-0123456789abcdef0';
const OTHER = 'ami-0fedcba9876543210';
const ORG = 'arn:aws:organizations::123456789012:organization/o-exampleorgid';
const img = (id: string, over: Partial<Image> = {}): Image => ({
  ImageId: id,
  Name: id,
  OwnerId: ME,
  State: 'available',
  ...over,
});

async function open(w: FakeWorld) {
  const services = fakeServices(w);
  const sent: HostMessage<LaunchPermissionsInit, LaunchPermissionsResult>[] = [];
  const refused: string[] = [];
  const session = new PanelSession(new LaunchPermissionsPanel('us-east-1', IMG, services), (m) => sent.push(m), {
    refused: (r) => refused.push(r),
    failed: () => undefined,
  });
  await session.receive({ type: 'ready' });
  return { services, sent, refused, session };
}

const perms = (over: Partial<PermissionSet> = {}): PermissionSet => ({
  isPublic: false,
  accounts: [],
  organizations: [],
  organizationalUnits: [],
  ...over,
});

describe('Launch permissions panel', () => {
  it('reads the permissions, the other owned images, and nothing blocks a plain image from going public', async () => {
    const { sent } = await open({
      images: [img(IMG), img(OTHER)],
      permissions: { [IMG]: [{ UserId: '444455556666' }, { OrganizationArn: ORG }] },
    });
    const init = sent[0];
    assert.ok(init.type === 'init');
    if (init.type !== 'init') return;
    assert.deepStrictEqual(init.data.current, perms({ accounts: ['444455556666'], organizations: [ORG] }));
    assert.deepStrictEqual(init.data.publicBlockers, []);
    assert.deepStrictEqual(init.data.otherOwnedImages, [{ imageId: OTHER, name: OTHER }]);
  });

  it("suggests the accounts of the user's other connections, never the image's own account", async () => {
    const { sent } = await open({
      images: [img(IMG)],
      connectionAccounts: [
        { accountId: '210987654321', label: 'Partner' },
        { accountId: ME, label: 'Same account, another profile' },
      ],
    });
    const init = sent[0];
    assert.ok(init.type === 'init');
    if (init.type !== 'init') return;
    assert.deepStrictEqual(init.data.connectionAccounts, [{ accountId: '210987654321', label: 'Partner' }]);
  });

  it('applies only the difference, then shows what EC2 reads back', async () => {
    const w: FakeWorld = { images: [img(IMG)], permissions: { [IMG]: [{ UserId: '444455556666' }] } };
    const { services, sent, session } = await open(w);
    await session.receive({
      type: 'submit',
      requestId: 's',
      params: perms({ isPublic: true, accounts: ['777788889999'] }),
    });
    assert.deepStrictEqual(mutations(services), [
      'modifyLaunchPermissions("us-east-1", "ami-0123456789abcdef0", [{"Group":"all"},{"UserId":"777788889999"}], [{"UserId":"444455556666"}])',
    ]);
    assert.deepStrictEqual(sent[sent.length - 1], {
      type: 'result',
      requestId: 's',
      result: { ok: true, kind: 'applied', permissions: perms({ isPublic: true, accounts: ['777788889999'] }) },
    });
  });

  it('knows why an image cannot be public and refuses before any EC2 call', async () => {
    const { services, sent, refused, session } = await open({
      images: [
        img(IMG, {
          ProductCodes: [{ ProductCodeId: 'abc', ProductCodeType: 'marketplace' }],
          BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { Encrypted: true } }],
        }),
      ],
      blockPublicAccess: 'block-new-sharing',
    });
    const init = sent[0];
    assert.ok(init.type === 'init' && init.data.publicBlockers.length === 3);
    await session.receive({ type: 'submit', requestId: 's', params: perms({ isPublic: true }) });
    assert.match(refused[0], /cannot be made public: It has encrypted snapshots/);
    assert.deepStrictEqual(mutations(services), []);
  });

  it('copies permissions only from other images the caller owns', async () => {
    const { sent, refused, session } = await open({
      images: [img(IMG), img(OTHER), img('ami-0aaaaaaaaaaaaaaaa', { OwnerId: '999999999999' })],
      permissions: { [OTHER]: [{ OrganizationArn: ORG }] },
    });
    await session.receive({ type: 'loadFrom', requestId: 'l1', imageId: 'ami-0aaaaaaaaaaaaaaaa' });
    assert.match(refused[0], /not another image you own/);
    await session.receive({ type: 'loadFrom', requestId: 'l2', imageId: OTHER });
    assert.deepStrictEqual(sent[sent.length - 1], {
      type: 'result',
      requestId: 'l2',
      result: { ok: true, kind: 'loaded', imageId: OTHER, permissions: perms({ organizations: [ORG] }) },
    });
  });

  it('refuses to open on an image of another account', async () => {
    const { sent } = await open({ images: [img(IMG, { OwnerId: '999999999999' })] });
    assert.ok(sent[0].type === 'refused' && /only its owner/.test(sent[0].message));
  });

  it('computes no change as no call', () => {
    assert.deepStrictEqual(diffPermissions(perms({ accounts: ['1'] }), perms({ accounts: ['1'] })), {
      add: [],
      remove: [],
    });
  });
});
