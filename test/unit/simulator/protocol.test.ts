import * as assert from 'assert';
import {
  DeleteSnapshotCommand,
  DescribeImagesCommand,
  DescribeRegionsCommand,
  ModifySnapshotAttributeCommand,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import type { Simulator } from '../../../src/simulator/simulator';
import { ec2, expectEc2Error, newSimulator } from './helpers';

type Rewrite = (request: { headers: Record<string, string>; body?: unknown }) => void;

/** Changes the signed request just before it reaches the simulator, as a broken client would. */
function tamper(client: EC2Client, rewrite: Rewrite): EC2Client {
  client.middlewareStack.add(
    (next) => async (args) => {
      rewrite((args as unknown as { request: { headers: Record<string, string>; body?: unknown } }).request);
      return next(args);
    },
    { step: 'deserialize', name: 'tamperForTest' },
  );
  return client;
}

describe('simulator protocol through the real SDK', () => {
  let sim: Simulator;

  beforeEach(() => {
    sim = newSimulator();
  });

  it('refuses a request without Authorization with AuthFailure (401)', async () => {
    const client = tamper(ec2(sim), (r) => {
      for (const k of Object.keys(r.headers)) if (k.toLowerCase() === 'authorization') delete r.headers[k];
    });
    await expectEc2Error(client.send(new DescribeRegionsCommand({})), 'AuthFailure', 401);
  });

  it('refuses a malformed Authorization header with AuthFailure', async () => {
    const client = tamper(ec2(sim), (r) => {
      for (const k of Object.keys(r.headers))
        if (k.toLowerCase() === 'authorization') r.headers[k] = 'AWS4-HMAC-SHA256 garbage';
    });
    await expectEc2Error(client.send(new DescribeRegionsCommand({})), 'AuthFailure', 401);
  });

  it('answers an unknown action with InvalidAction', async () => {
    const client = tamper(ec2(sim), (r) => {
      r.body = String(r.body).replace('Action=DescribeRegions', 'Action=DescribeUnicorns');
    });
    const e = await expectEc2Error(client.send(new DescribeRegionsCommand({})), 'InvalidAction', 400);
    assert.match(e.message, /DescribeUnicorns/);
  });

  it('answers a body that is not a Query request with an EC2 error, not a crash', async () => {
    const client = tamper(ec2(sim), (r) => {
      r.body = '\u0000\u0001%%%not=a&&query%ZZ';
    });
    // The control characters are refused (they could not be echoed in XML); the message does not repeat them.
    const e = await expectEc2Error(client.send(new DescribeRegionsCommand({})), 'InvalidParameterValue', 400);
    assert.ok(!e.message.includes('\u0000') && !e.message.includes('\u0001'), e.message);
  });

  it('answers a request without Action with MissingAction, in the words of MissingParameter', async () => {
    const client = tamper(ec2(sim), (r) => {
      r.body = String(r.body).replace('Action=DescribeRegions&', '');
    });
    const e = await expectEc2Error(client.send(new DescribeRegionsCommand({})), 'MissingAction', 400);
    assert.strictEqual(e.message, 'The request must contain the parameter Action');
  });

  it('answers a missing required parameter with MissingParameter naming it', async () => {
    const e = await expectEc2Error(ec2(sim).send(new DeleteSnapshotCommand({} as never)), 'MissingParameter', 400);
    assert.strictEqual(e.message, 'The request must contain the parameter SnapshotId');
    await expectEc2Error(
      ec2(sim).send(new ModifySnapshotAttributeCommand({ Attribute: 'createVolumePermission' } as never)),
      'MissingParameter',
    );
  });

  it('answers DryRun with DryRunOperation (412) only when the request would succeed', async () => {
    await expectEc2Error(
      ec2(sim).send(new DescribeImagesCommand({ Owners: ['self'], DryRun: true })),
      'DryRunOperation',
      412,
    );
    await expectEc2Error(
      ec2(sim).send(new DescribeImagesCommand({ ImageIds: ['ami-bad'], DryRun: true })),
      'InvalidAMIID.Malformed',
      400,
    );
  });

  it('answers malformed parameter values with InvalidParameterValue', async () => {
    const client = tamper(ec2(sim), (r) => {
      r.body = String(r.body) + '&DryRun=maybe';
    });
    await expectEc2Error(client.send(new DescribeRegionsCommand({})), 'InvalidParameterValue', 400);
  });
});
