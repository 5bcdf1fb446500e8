import type { EC2Client, Instance, RunInstancesCommandInput } from '@aws-sdk/client-ec2';
import { loadSdk } from '../aws/sdk';

/** Every instance of the region the caller can see, sorted by name then id. */
export async function listInstances(ec2: EC2Client): Promise<Instance[]> {
  const { paginateDescribeInstances } = await loadSdk();
  const instances: Instance[] = [];
  for await (const out of paginateDescribeInstances({ client: ec2 }, { MaxResults: 1000 })) {
    for (const reservation of out.Reservations ?? []) {
      instances.push(...(reservation.Instances ?? []));
    }
  }
  return instances.sort(compareInstances);
}

export function compareInstances(a: Instance, b: Instance): number {
  const byName = (instanceName(a) ?? '\uffff').localeCompare(instanceName(b) ?? '\uffff');
  return byName !== 0 ? byName : (a.InstanceId ?? '').localeCompare(b.InstanceId ?? '');
}

/**
 * Instances by id. Uses the `instance-id` filter rather than `InstanceIds`, because EC2 fails
 * the whole call once one of them is gone; a missing entry means it no longer exists.
 */
export async function describeInstancesById(ec2: EC2Client, instanceIds: readonly string[]): Promise<Instance[]> {
  if (instanceIds.length === 0) {
    return [];
  }
  const { paginateDescribeInstances } = await loadSdk();
  const found: Instance[] = [];
  const input = { Filters: [{ Name: 'instance-id', Values: [...instanceIds] }] };
  for await (const out of paginateDescribeInstances({ client: ec2 }, input)) {
    found.push(...(out.Reservations ?? []).flatMap((r) => r.Instances ?? []));
  }
  return found;
}

/** One instance by id; `undefined` when EC2 no longer knows it. */
export async function describeInstance(ec2: EC2Client, instanceId: string): Promise<Instance | undefined> {
  return (await describeInstancesById(ec2, [instanceId])).find((i) => i.InstanceId === instanceId);
}

/** RunInstances; resolves with the new instance ids. */
export async function runInstances(ec2: EC2Client, input: RunInstancesCommandInput): Promise<string[]> {
  const { RunInstancesCommand } = await loadSdk();
  const out = await ec2.send(new RunInstancesCommand(input));
  return (out.Instances ?? []).flatMap((i) => (i.InstanceId ? [i.InstanceId] : []));
}

/** The instance's `Name` tag, if any. */
export function instanceName(instance: Instance): string | undefined {
  return instance.Tags?.find((t) => t.Key === 'Name')?.Value || undefined;
}

export type InstanceAction = 'start' | 'stop' | 'reboot' | 'terminate';

/** Sends the state change; EC2 answers at once and the instance moves through its transition afterwards. */
export async function changeInstanceState(ec2: EC2Client, action: InstanceAction, instanceId: string): Promise<void> {
  const sdk = await loadSdk();
  const input = { InstanceIds: [instanceId] };
  switch (action) {
    case 'start':
      await ec2.send(new sdk.StartInstancesCommand(input));
      return;
    case 'stop':
      await ec2.send(new sdk.StopInstancesCommand(input));
      return;
    case 'reboot':
      await ec2.send(new sdk.RebootInstancesCommand(input));
      return;
    case 'terminate':
      await ec2.send(new sdk.TerminateInstancesCommand(input));
      return;
  }
}

/** States an instance stays in until someone acts; the others are polled. */
export function isInstanceSettled(instance: Instance | undefined): boolean {
  const state = instance?.State?.Name;
  return state === undefined || state === 'running' || state === 'stopped' || state === 'terminated';
}
