import * as assert from 'assert';
import type { Image } from '@aws-sdk/client-ec2';
import { SSMClient } from '@aws-sdk/client-ssm';
import { LATEST_AMI_NAMESPACES } from '../../../src/ec2/publicParameters';
import { contextValues } from '../../../src/explorer/contextValues';
import { nodeIds } from '../../../src/explorer/ids';
import { LatestAmiModel } from '../../../src/explorer/latestAmiModel';
import { trustTooltip } from '../../../src/explorer/trustPresentation';
import { DEFAULT_SIMULATOR_ACCOUNT } from '../../../src/simulator/accounts';
import { SimulatorRequestHandler } from '../../../src/simulator/inProcessHandler';
import { ec2, newSimulator } from '../simulator/helpers';

describe('Latest AMIs folder', () => {
  const sim = newSimulator();
  const ssm = new SSMClient({
    region: 'us-east-1',
    credentials: DEFAULT_SIMULATOR_ACCOUNT,
    requestHandler: new SimulatorRequestHandler(sim),
    maxAttempts: 1,
  });
  const amazonLinux = LATEST_AMI_NAMESPACES[0];

  it('builds stable ids from the raw parameter name, and a context value per visibility', () => {
    assert.strictEqual(
      nodeIds.latestParameter('us-east-1', 'amazon-linux', '/aws/service/a/b'),
      'us-east-1/latest/amazon-linux/%2Faws%2Fservice%2Fa%2Fb',
    );
    assert.strictEqual(contextValues.latestParameter(true), 'latestParameter+visible');
    assert.strictEqual(contextValues.latestParameter(false), 'latestParameter+missing');
  });

  it('resolves each parameter to its image, and knows which loaded parameters name an image', async () => {
    const model = new LatestAmiModel({ ssm: async () => ssm, ec2: async () => ec2(sim) });
    const view = await model.namespace('us-east-1', amazonLinux);
    assert.ok(view.parameters.length >= 2);
    for (const p of view.parameters) assert.strictEqual(p.image?.ImageId, p.parameter.imageId, p.parameter.name);
    const first = view.parameters[0];
    assert.deepStrictEqual(model.peekParametersNaming('us-east-1', first.parameter.imageId), [first.parameter.name]);
    assert.deepStrictEqual(model.peekParametersNaming('eu-west-1', first.parameter.imageId), [], 'per region');
    model.invalidate(nodeIds.latestFolder('us-east-1'));
    assert.strictEqual(model.peek('us-east-1', amazonLinux.key), undefined, 'refresh drops it');
  });

  it('keeps a parameter whose image the account cannot see, without an image', async () => {
    const hidden = 'ami-0aaaaaaaaaaaaaaaa';
    // An SSMClient whose one page names an AMI this account cannot see.
    const fakeSsm = Object.assign(Object.create(SSMClient.prototype) as SSMClient, {
      send: async () => ({ Parameters: [{ Name: `${amazonLinux.path}/private-build`, Value: hidden, Version: 1 }] }),
    });
    const model = new LatestAmiModel({ ssm: async () => fakeSsm, ec2: async () => ec2(sim) });
    const view = await model.namespace('us-east-1', amazonLinux);
    assert.strictEqual(view.parameters.length, 1);
    assert.strictEqual(view.parameters[0].image, undefined);
  });

  it('tooltip: the trust level and the parameter that names the image', () => {
    const image: Image = {
      ImageId: 'ami-1',
      OwnerId: '447151476420',
      PublicSsmParameterName: '/aws/service/x',
    };
    const text = trustTooltip(image, new Set(['123456789012']), []);
    assert.match(text, /Trust: Unknown publisher/);
    assert.match(text, /checklist/);
    assert.match(text, /Public parameter: \/aws\/service\/x \(this build or an earlier one\)/);
    const now = trustTooltip({ ...image, OwnerId: '123456789012' }, new Set(['123456789012']), ['/aws/service/x']);
    assert.match(now, /Trust: Your account/);
    assert.match(now, /\/aws\/service\/x names this AMI now/);
  });
});
