import { STATE_CODES, type StateChange } from '../models/instances';
import type { InstanceRecord, InstanceStateName } from '../models/types';
import { keyHex } from '../seed/random';
import { renderTags } from './imageXml';
import { el, isoTime, raw } from './xml';

/** EC2's XML for instances: reservations, instance items and state changes. */

function state(name: InstanceStateName): string {
  return `<code>${STATE_CODES[name]}</code><name>${name}</name>`;
}

/** The region's default VPC, subnet and security group (the simulator has no networking; ids are stable). */
function network(region: string, az: string) {
  return {
    vpcId: `vpc-0${keyHex(`vpc/${region}`, 16)}`,
    subnetId: `subnet-0${keyHex(`subnet/${az}`, 16)}`,
    groupId: `sg-0${keyHex(`sg/${region}`, 16)}`,
  };
}

function dnsSuffix(region: string): string {
  return region === 'us-east-1' ? 'ec2.internal' : `${region}.compute.internal`;
}

function usageOperation(platformDetails: string, platform: string | undefined): string {
  if (platform === 'windows') return platformDetails === 'Windows' ? 'RunInstances:0002' : 'RunInstances:0006';
  if (platformDetails === 'Red Hat Enterprise Linux') return 'RunInstances:0010';
  if (platformDetails === 'SUSE Linux') return 'RunInstances:000g';
  return 'RunInstances';
}

export function renderInstance(i: InstanceRecord, region: string): string {
  const net = network(region, i.availabilityZone);
  const privateDns = `ip-${i.privateIpAddress.replace(/\./g, '-')}.${dnsSuffix(region)}`;
  const publicDns = i.publicIpAddress
    ? `ec2-${i.publicIpAddress.replace(/\./g, '-')}.${region === 'us-east-1' ? 'compute-1' : `${region}.compute`}.amazonaws.com`
    : '';
  let mappings = '';
  for (const m of i.blockDeviceMappings) {
    mappings +=
      '<item>' +
      el('deviceName', m.deviceName) +
      '<ebs>' +
      el('volumeId', m.volumeId) +
      '<status>attached</status>' +
      el('attachTime', isoTime(m.attachTime)) +
      el('deleteOnTermination', m.deleteOnTermination) +
      '</ebs></item>';
  }
  const live = i.state !== 'terminated';
  return (
    '<item>' +
    el('instanceId', i.instanceId) +
    el('imageId', i.imageId) +
    raw('instanceState', state(i.state)) +
    el('privateDnsName', live ? privateDns : '') +
    el('dnsName', publicDns) +
    el('reason', i.stateTransitionReason ?? '') +
    el('keyName', i.keyName) +
    el('amiLaunchIndex', i.amiLaunchIndex ?? 0) +
    '<productCodes/>' +
    el('instanceType', i.instanceType) +
    el('launchTime', isoTime(i.launchTime)) +
    raw('placement', el('availabilityZone', i.availabilityZone) + '<groupName/><tenancy>default</tenancy>') +
    el('kernelId', i.kernelId) +
    el('platform', i.platform) +
    '<monitoring><state>disabled</state></monitoring>' +
    (live ? el('subnetId', net.subnetId) + el('vpcId', net.vpcId) + el('privateIpAddress', i.privateIpAddress) : '') +
    el('ipAddress', i.publicIpAddress) +
    (live
      ? `<groupSet><item><groupId>${net.groupId}</groupId><groupName>default</groupName></item></groupSet>`
      : '<groupSet/>') +
    (i.stateReason ? raw('stateReason', el('code', i.stateReason.code) + el('message', i.stateReason.message)) : '') +
    el('architecture', i.architecture) +
    el('rootDeviceType', i.rootDeviceType) +
    el('rootDeviceName', i.rootDeviceName) +
    (mappings ? raw('blockDeviceMapping', mappings) : '<blockDeviceMapping/>') +
    el('virtualizationType', i.virtualizationType) +
    el('clientToken', i.clientToken ?? '') +
    renderTags(i.tags) +
    el('hypervisor', i.hypervisor) +
    el('ebsOptimized', false) +
    el('enaSupport', i.virtualizationType === 'hvm') +
    el('platformDetails', i.platformDetails) +
    el('usageOperation', usageOperation(i.platformDetails, i.platform)) +
    el('usageOperationUpdateTime', isoTime(i.launchTime)) +
    '</item>'
  );
}

/** Instances grouped by reservation, in first-seen order. */
export function renderReservations(instances: readonly InstanceRecord[], region: string): string {
  const groups = new Map<string, InstanceRecord[]>();
  for (const i of instances) {
    const group = groups.get(i.reservationId);
    if (group) group.push(i);
    else groups.set(i.reservationId, [i]);
  }
  if (groups.size === 0) return '<reservationSet/>';
  let out = '<reservationSet>';
  for (const [reservationId, members] of groups) {
    out +=
      '<item>' +
      el('reservationId', reservationId) +
      el('ownerId', members[0].ownerId) +
      '<groupSet/>' +
      raw('instancesSet', members.map((i) => renderInstance(i, region)).join('')) +
      '</item>';
  }
  return out + '</reservationSet>';
}

export function renderStateChanges(changes: readonly StateChange[]): string {
  if (changes.length === 0) return '<instancesSet/>';
  let out = '<instancesSet>';
  for (const c of changes) {
    out +=
      '<item>' +
      el('instanceId', c.instanceId) +
      raw('currentState', state(c.current)) +
      raw('previousState', state(c.previous)) +
      '</item>';
  }
  return out + '</instancesSet>';
}
