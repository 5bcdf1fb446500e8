import * as assert from 'assert';
import {
  CreateImageCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  RunInstancesCommand,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import type { Simulator } from '../../../src/simulator/simulator';
import { ec2, expectEc2Error, newSimulator } from './helpers';

/** Parameters the simulator does not implement are refused by name, never silently ignored. */
describe('simulator request parameters', () => {
  let sim: Simulator;
  let client: EC2Client;

  beforeEach(() => {
    sim = newSimulator();
    client = ec2(sim);
  });

  async function runningInstanceId(): Promise<string> {
    const out = await client.send(
      new DescribeInstancesCommand({ Filters: [{ Name: 'instance-state-name', Values: ['running'] }] }),
    );
    return out.Reservations![0].Instances![0].InstanceId!;
  }

  async function ownImageCount(): Promise<number> {
    return (await client.send(new DescribeImagesCommand({ Owners: ['self'] }))).Images!.length;
  }

  it('refuses a CreateImage parameter it does not implement, naming it, and creates nothing', async () => {
    const before = await ownImageCount();
    const error = await expectEc2Error(
      client.send(
        new CreateImageCommand({
          InstanceId: await runningInstanceId(),
          Name: 'with-location',
          SnapshotLocation: 'local',
        }),
      ),
      'UnsupportedOperation',
      400,
    );
    assert.match(error.message, /SnapshotLocation/);
    assert.strictEqual(await ownImageCount(), before);
  });

  it('answers a RunInstances retry with the same ClientToken with the first launch', async () => {
    const image = (
      await client.send(
        new DescribeImagesCommand({
          Owners: ['amazon'],
          Filters: [{ Name: 'name', Values: ['al2023-ami-2023*x86_64'] }],
          MaxResults: 5,
        }),
      )
    ).Images![0];
    const launch = () =>
      client.send(
        new RunInstancesCommand({
          ImageId: image.ImageId,
          InstanceType: 't3.micro',
          MinCount: 1,
          MaxCount: 1,
          ClientToken: 'retry-token-1',
        }),
      );
    const first = await launch();
    const second = await launch();
    assert.strictEqual(second.ReservationId, first.ReservationId);
    assert.deepStrictEqual(
      second.Instances!.map((i) => i.InstanceId),
      first.Instances!.map((i) => i.InstanceId),
    );
    assert.strictEqual(first.Instances![0].ClientToken, 'retry-token-1');
    const found = await client.send(
      new DescribeInstancesCommand({ Filters: [{ Name: 'client-token', Values: ['retry-token-1'] }] }),
    );
    assert.strictEqual(found.Reservations!.flatMap((r) => r.Instances!).length, 1);
  });
});
