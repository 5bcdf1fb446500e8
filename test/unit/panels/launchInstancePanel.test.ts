import * as assert from 'assert';
import type { Image } from '@aws-sdk/client-ec2';
import { LaunchInstancePanel } from '../../../src/panels/launchInstancePanel';
import { PanelSession } from '../../../src/panels/panelSession';
import type { HostMessage } from '../../../src/shared/protocol/envelope';
import type { LaunchInstanceInit, LaunchInstanceResult } from '../../../src/shared/protocol/launchInstance';
import { fakeServices, mutations } from './fakes';

const IMG = 'ami-0123456789abcdef0';

/** The image is the caller's own unless it says otherwise (unknown publishers: publisherCheck.test.ts). */
async function open(image: Image, backend: 'aws' | 'simulator' = 'aws') {
  const services = { ...fakeServices({ images: [{ OwnerId: '111122223333', ...image }] }), backend };
  const sent: HostMessage<LaunchInstanceInit, LaunchInstanceResult>[] = [];
  const refused: string[] = [];
  const session = new PanelSession(new LaunchInstancePanel('us-east-1', IMG, services), (m) => sent.push(m), {
    refused: (r) => refused.push(r),
    failed: () => undefined,
  });
  await session.receive({ type: 'ready' });
  return { services, sent, refused, session };
}

const submit = (over: object = {}) => ({
  type: 'submit',
  requestId: 'l1',
  params: {
    instanceType: 't4g.micro',
    nameTag: 'web-2',
    count: 2,
    acknowledgeCost: true,
    acknowledgeUnknownPublisher: false,
    ...over,
  },
});

describe('Launch instance panel', () => {
  it('offers types for the architecture and launches with the Name tag', async () => {
    const { services, sent, session } = await open({ ImageId: IMG, Architecture: 'arm64', State: 'available' });
    assert.ok(sent[0].type === 'init' && sent[0].data.instanceTypes[0] === 't4g.micro');
    await session.receive(submit());
    assert.deepStrictEqual(mutations(services), [
      'runInstances("us-east-1", {"ImageId":"ami-0123456789abcdef0","InstanceType":"t4g.micro","MinCount":2,"MaxCount":2,"TagSpecifications":[{"ResourceType":"instance","Tags":[{"Key":"Name","Value":"web-2"}]}]})',
    ]);
    assert.deepStrictEqual(sent[sent.length - 1], {
      type: 'result',
      requestId: 'l1',
      result: { ok: true, instanceIds: ['i-00000000000000001', 'i-00000000000000002'] },
    });
    await session.receive({ type: 'revealInTree', id: 'i-00000000000000001' });
    assert.deepStrictEqual(services.revealed, ['us-east-1/i-00000000000000001']);
  });

  it('says when EC2 reports the image as not allowed by Allowed AMIs, and still launches it (audit mode)', async () => {
    const reported = await open({ ImageId: IMG, Architecture: 'x86_64', State: 'available', ImageAllowed: false });
    assert.ok(reported.sent[0].type === 'init' && reported.sent[0].data.notAllowed === true);
    await reported.session.receive(submit({ instanceType: 't3.micro' }));
    assert.strictEqual(mutations(reported.services).length, 1, 'EC2 decides: audit mode launches it');
    for (const ImageAllowed of [true, undefined]) {
      const { sent } = await open({ ImageId: IMG, Architecture: 'x86_64', State: 'available', ImageAllowed });
      assert.ok(sent[0].type === 'init' && sent[0].data.notAllowed === undefined, `ImageAllowed ${ImageAllowed}`);
    }
  });

  it('refuses unacknowledged cost on AWS, other types, too many instances, unavailable images, foreign ids', async () => {
    const { services, refused, session } = await open({ ImageId: IMG, Architecture: 'x86_64', State: 'available' });
    await session.receive(submit({ instanceType: 't3.micro', acknowledgeCost: false }));
    await session.receive(submit({ instanceType: 'p5.48xlarge' }));
    await session.receive(submit({ instanceType: 't3.micro', count: 500 }));
    await session.receive({ type: 'copyId', id: 'i-0123456789abcdef0' });
    assert.match(refused[0], /costs money/);
    assert.match(refused[1], /not offered/);
    assert.match(refused[2], /between 1 and 10/);
    assert.match(refused[3], /not an instance this panel launched/);
    const pending = await open({ ImageId: IMG, State: 'pending' }, 'simulator');
    await pending.session.receive(submit({ instanceType: 't3.micro', acknowledgeCost: false }));
    assert.match(pending.refused[0], /only available images/);
    assert.deepStrictEqual([...mutations(services), ...mutations(pending.services)], []);
  });
});
