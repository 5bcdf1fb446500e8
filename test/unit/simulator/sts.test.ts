import * as assert from 'assert';
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
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

describe('simulator STS AssumeRole', () => {
  const sim = newSimulator();
  const asTemporary = (out: { Credentials?: { AccessKeyId?: string } }): SimulatorAccount => ({
    accessKeyId: out.Credentials!.AccessKeyId!,
    secretAccessKey: 'x',
    accountId: '',
    label: '',
  });

  it("returns temporary credentials that act in the role's account, for EC2 and STS", async () => {
    const out = await sts(sim).send(
      new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::210987654321:role/ImageBuilder', RoleSessionName: 'ci' }),
    );
    assert.match(out.Credentials!.AccessKeyId!, /^ASIA/);
    assert.ok(out.Credentials!.SessionToken);
    assert.ok(out.Credentials!.Expiration!.getTime() === sim.clock.now() + 3_600_000, 'one hour by default');
    assert.strictEqual(out.AssumedRoleUser!.Arn, 'arn:aws:sts::210987654321:assumed-role/ImageBuilder/ci');
    const temporary = asTemporary(out);
    const who = await sts(sim, 'us-east-1', temporary).send(new GetCallerIdentityCommand({}));
    assert.strictEqual(who.Account, '210987654321');
    const own = (await ec2(sim, 'eu-west-1', temporary).send(new DescribeImagesCommand({ Owners: ['self'] }))).Images!;
    assert.ok(own.length > 0 && own.every((i) => i.OwnerId === '210987654321'));
  });

  it('refuses a role in an account the simulator does not know, and a malformed role ARN', async () => {
    await assert.rejects(
      sts(sim).send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::999999999999:role/X', RoleSessionName: 'session' })),
      (e: Error) => e.name === 'AccessDenied' && /not authorized to perform: sts:AssumeRole/.test(e.message),
    );
    await assert.rejects(
      sts(sim).send(new AssumeRoleCommand({ RoleArn: 'not-an-arn', RoleSessionName: 'session' })),
      (e: Error) => e.name === 'ValidationError',
    );
    await assert.rejects(
      sts(sim).send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/X', RoleSessionName: 's' })),
      (e: Error) => e.name === 'ValidationError' && /roleSessionName/.test(e.message),
    );
    await assert.rejects(
      sts(sim).send(
        new AssumeRoleCommand({
          RoleArn: 'arn:aws:iam::123456789012:role/X',
          RoleSessionName: 'session',
          DurationSeconds: 60,
        }),
      ),
      (e: Error) => e.name === 'ValidationError',
    );
  });
});
