import * as assert from 'assert';
import type { Image } from '@aws-sdk/client-ec2';
import { CopyImagePanel } from '../../../src/panels/copyImagePanel';
import { PanelSession } from '../../../src/panels/panelSession';
import type {
  CopyDestination,
  CopyImageInit,
  CopyImageParams,
  CopyImageResult,
} from '../../../src/shared/protocol/copyImage';
import type { HostMessage } from '../../../src/shared/protocol/envelope';
import { fakeServices, mutations } from './fakes';

const SRC = 'ami-0123456789abcdef0';
const params = (over: Partial<CopyImageParams> = {}): CopyImageParams => ({
  destinationRegion: 'eu-west-1',
  name: 'web copy',
  description: '',
  encrypted: false,
  kmsKeyId: '',
  copyImageTags: true,
  acknowledgeUnknownPublisher: false,
  ...over,
});

/** The image is the caller's own unless it says otherwise (unknown publishers: publisherCheck.test.ts). */
const PARTNER = { connectionId: 'partner', label: 'Partner', accountId: '210987654321', regions: ['ap-south-1'] };

async function open(image: Image, copyDestinations: CopyDestination[] = []) {
  const services = fakeServices({
    images: [{ OwnerId: '111122223333', ...image }],
    regions: ['us-east-1', 'eu-west-1'],
    copyDestinations,
  });
  const sent: HostMessage<CopyImageInit, CopyImageResult>[] = [];
  const refused: string[] = [];
  const session = new PanelSession(new CopyImagePanel('us-east-1', SRC, services), (m) => sent.push(m), {
    refused: (r) => refused.push(r),
    failed: () => undefined,
  });
  await session.receive({ type: 'ready' });
  return { services, sent, refused, session };
}

describe('Copy AMI panel', () => {
  it('copies to the destination region and lets the extension watch the copy', async () => {
    const { services, sent, session } = await open({ ImageId: SRC, Name: 'web' });
    await session.receive({
      type: 'submit',
      requestId: 'c1',
      params: params({ encrypted: true, kmsKeyId: 'alias/backup' }),
    });
    assert.deepStrictEqual(mutations(services), [
      'copyImage("eu-west-1", {"SourceRegion":"us-east-1","SourceImageId":"ami-0123456789abcdef0","Name":"web copy","Encrypted":true,"KmsKeyId":"alias/backup","CopyImageTags":true})',
    ]);
    const result = sent[sent.length - 1];
    assert.ok(result.type === 'result' && result.result.ok && result.result.region === 'eu-west-1');
    assert.deepStrictEqual(services.created, [
      `eu-west-1/${result.type === 'result' && result.result.ok ? result.result.imageId : ''}`,
    ]);
  });

  it('refuses Marketplace images, unknown regions and decrypting copies without calling EC2', async () => {
    const market = await open({ ImageId: SRC, ProductCodes: [{ ProductCodeId: 'x', ProductCodeType: 'marketplace' }] });
    await market.session.receive({ type: 'submit', requestId: 'c', params: params() });
    assert.match(market.refused[0], /Marketplace images cannot be copied/);

    const enc = await open({
      ImageId: SRC,
      BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { Encrypted: true } }],
    });
    await enc.session.receive({ type: 'submit', requestId: 'c', params: params() });
    await enc.session.receive({
      type: 'submit',
      requestId: 'c',
      params: params({ destinationRegion: 'ap-south-1', encrypted: true }),
    });
    assert.match(enc.refused[0], /copy is encrypted too/);
    assert.match(enc.refused[1], /not one of the regions/);
    assert.deepStrictEqual([...mutations(market.services), ...mutations(enc.services)], []);
  });

  it("makes the copy in another connection's account, in that connection's regions only", async () => {
    const { services, sent, refused, session } = await open({ ImageId: SRC, Name: 'web' }, [PARTNER]);
    const init = sent[0];
    assert.ok(init.type === 'init' && init.data.destinations?.[0]?.connectionId === 'partner');
    await session.receive({
      type: 'submit',
      requestId: 'c',
      params: params({ destinationConnection: 'partner', destinationRegion: 'eu-west-1' }),
    });
    await session.receive({
      type: 'submit',
      requestId: 'c',
      params: params({ destinationConnection: 'nobody', destinationRegion: 'ap-south-1' }),
    });
    assert.match(refused[0], /not one of the regions of the connection "Partner"/);
    assert.match(refused[1], /not one of your other connections/);
    await session.receive({
      type: 'submit',
      requestId: 'c2',
      params: params({ destinationConnection: 'partner', destinationRegion: 'ap-south-1' }),
    });
    assert.deepStrictEqual(mutations(services), [`copyImageInConnection("partner", "ap-south-1", "${SRC}")`]);
    const result = sent[sent.length - 1];
    assert.ok(result.type === 'result' && result.result.ok && result.result.connectionLabel === 'Partner');
    assert.deepStrictEqual(services.created, [], 'the copy is watched by the partner connection, not this one');
  });
});
