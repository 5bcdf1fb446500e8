import * as assert from 'assert';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { DescribeImagesCommand } from '@aws-sdk/client-ec2';
import {
  DEFAULT_SIMULATOR_ACCOUNT,
  PARTNER_SIMULATOR_ACCOUNT,
  type SimulatorAccount,
} from '../../../src/simulator/accounts';
import { ec2, newSimulator, sts } from './helpers';

describe('simulator STS GetCallerIdentity', () => {
  const sim = newSimulator();

  it('answers the default account for its access key', async () => {
    const out = await sts(sim).send(new GetCallerIdentityCommand({}));
    assert.strictEqual(out.Account, '123456789012');
    assert.strictEqual(out.Arn, 'arn:aws:iam::123456789012:user/simulator');
    assert.strictEqual(out.UserId, DEFAULT_SIMULATOR_ACCOUNT.accessKeyId);
  });

  it('switches account with the access key, in any region', async () => {
    const out = await sts(sim, 'eu-west-1', PARTNER_SIMULATOR_ACCOUNT).send(new GetCallerIdentityCommand({}));
    assert.strictEqual(out.Account, '210987654321');
    // The same key makes EC2 answer as the partner: its own images are "self".
    const own = (
      await ec2(sim, 'eu-west-1', PARTNER_SIMULATOR_ACCOUNT).send(new DescribeImagesCommand({ Owners: ['self'] }))
    ).Images!;
    assert.ok(own.length > 0 && own.every((i) => i.OwnerId === '210987654321'));
  });

  it('maps any other access key to the default account, so dummy credentials just work', async () => {
    const dummy: SimulatorAccount = {
      accessKeyId: 'AKIADUMMYDUMMYDUMMY0',
      secretAccessKey: 'x',
      accountId: '',
      label: '',
    };
    const out = await sts(sim, 'us-east-1', dummy).send(new GetCallerIdentityCommand({}));
    assert.strictEqual(out.Account, '123456789012');
  });
});
