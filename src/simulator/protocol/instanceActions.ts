import {
  describeInstances,
  rebootInstances,
  startInstances,
  stopInstances,
  terminateInstances,
  validateDescribeInstances,
  type DescribeInstancesRequest,
  type StateChange,
} from '../models/instances';
import { runInstances, type LaunchMappingRequest } from '../models/instanceLaunch';
import type { InstanceRecord, VolumeType } from '../models/types';
import type { ActionHandler, RequestContext } from './context';
import { renderInstance, renderReservations, renderStateChanges } from './instanceXml';
import { describeParams, type QueryParams } from './query';
import { el, raw } from './xml';

/** DescribeInstances: InstanceId.N, Filter.N, MaxResults/NextToken → reservationSet. */
const describe: ActionHandler = (ctx) => {
  const r: DescribeInstancesRequest = {
    instanceIds: ctx.params.list('InstanceId'),
    ...describeParams(ctx.params),
  };
  validateDescribeInstances(r);
  ctx.checkDryRun();
  const { page, nextToken } = describeInstances(ctx.world, ctx.region, ctx.accountId, r);
  return renderReservations(page, ctx.region) + el('nextToken', nextToken);
};

/** The TagSpecification.N list (ResourceType, Tag.M.Key/Value). */
export function tagSpecifications(params: QueryParams) {
  return params.structList('TagSpecification').map((spec) => ({
    resourceType: spec.get('ResourceType') ?? '',
    tags: spec.structList('Tag').map((t) => ({ key: t.get('Key') ?? '', value: t.get('Value') ?? '' })),
  }));
}

function launchMappings(params: QueryParams): LaunchMappingRequest[] {
  return params.structList('BlockDeviceMapping').map((m) => {
    const ebs = m.sub('Ebs');
    const hasEbs = [...ebs.keys()].length > 0;
    return {
      deviceName: m.get('DeviceName') ?? '',
      noDevice: m.has('NoDevice') ? true : undefined,
      ebs: hasEbs
        ? {
            volumeSize: ebs.int('VolumeSize'),
            volumeType: ebs.get('VolumeType') as VolumeType | undefined,
            deleteOnTermination: ebs.bool('DeleteOnTermination'),
            encrypted: ebs.bool('Encrypted'),
            iops: ebs.int('Iops'),
          }
        : undefined,
    };
  });
}

/** RunInstances → the reservation with the new (pending) instances. */
const run: ActionHandler = (ctx) => {
  const p = ctx.params;
  const request = {
    imageId: p.get('ImageId'),
    instanceType: p.get('InstanceType') || undefined,
    minCount: p.int('MinCount'),
    maxCount: p.int('MaxCount'),
    keyName: p.get('KeyName') || undefined,
    availabilityZone: p.get('Placement.AvailabilityZone') || undefined,
    mappings: launchMappings(p),
    tagSpecifications: tagSpecifications(p),
  };
  // EC2 makes RunInstances idempotent per ClientToken: a retry answers the first launch's reservation
  // (https://docs.aws.amazon.com/ec2/latest/devguide/ec2-api-idempotency.html).
  const clientToken = p.get('ClientToken') || undefined;
  const earlier = clientToken ? launchedWithToken(ctx, clientToken) : [];
  if (earlier.length > 0) {
    ctx.checkDryRun();
    return renderReservation(earlier[0].reservationId, ctx.accountId, earlier, ctx.region);
  }
  const reservation = runInstances(ctx.world, ctx.region, ctx.accountId, request, () => ctx.checkDryRun());
  if (clientToken) for (const i of reservation.instances) i.clientToken = clientToken;
  return renderReservation(reservation.reservationId, reservation.ownerId, reservation.instances, ctx.region);
};

function launchedWithToken(ctx: RequestContext, clientToken: string): InstanceRecord[] {
  return Object.values(ctx.world.region(ctx.region).instances).filter(
    (i) => i.ownerId === ctx.accountId && i.clientToken === clientToken,
  );
}

function renderReservation(
  reservationId: string,
  ownerId: string,
  instances: readonly InstanceRecord[],
  region: string,
): string {
  return (
    el('reservationId', reservationId) +
    el('ownerId', ownerId) +
    '<groupSet/>' +
    raw('instancesSet', instances.map((i) => renderInstance(i, region)).join(''))
  );
}

function ids(ctx: RequestContext): string[] {
  return ctx.params.list('InstanceId');
}

function changes(list: StateChange[]): string {
  return renderStateChanges(list);
}

const start: ActionHandler = (ctx) =>
  changes(startInstances(ctx.world, ctx.region, ctx.accountId, ids(ctx), () => ctx.checkDryRun()));

const stop: ActionHandler = (ctx) =>
  changes(
    stopInstances(ctx.world, ctx.region, ctx.accountId, ids(ctx), ctx.params.bool('Force') === true, () =>
      ctx.checkDryRun(),
    ),
  );

const reboot: ActionHandler = (ctx) => {
  rebootInstances(ctx.world, ctx.region, ctx.accountId, ids(ctx), () => ctx.checkDryRun());
  return '<return>true</return>';
};

const terminate: ActionHandler = (ctx) =>
  changes(terminateInstances(ctx.world, ctx.region, ctx.accountId, ids(ctx), () => ctx.checkDryRun()));

export const instanceActions: Record<string, ActionHandler> = {
  DescribeInstances: describe,
  RunInstances: run,
  StartInstances: start,
  StopInstances: stop,
  RebootInstances: reboot,
  TerminateInstances: terminate,
};
