import {
  DEFAULT_SIMULATOR_ACCOUNT,
  PARTNER_SIMULATOR_ACCOUNT,
  type SimulatorAccount,
} from '../../../src/simulator/accounts';
import type { Simulator } from '../../../src/simulator/simulator';
import { rbin } from '../simulator/jsonSupport';
import { parseXml, type XmlNode } from './xmlTree';

/** One raw EC2 Query request, answered in process by the simulator. */
export interface Answer {
  status: number;
  root: XmlNode;
  code?: string;
  message?: string;
}

export function call(
  sim: Simulator,
  action: string,
  params: Record<string, string>,
  account: SimulatorAccount = DEFAULT_SIMULATOR_ACCOUNT,
): Answer {
  const body = new URLSearchParams({ Action: action, Version: '2016-11-15', ...params }).toString();
  const authorization = `AWS4-HMAC-SHA256 Credential=${account.accessKeyId}/20260101/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=00`;
  const res = sim.handleSync({ method: 'POST', headers: { authorization }, body });
  const doc = parseXml(String(res.body));
  const top = doc.children[0];
  if (res.status !== 200) {
    const error = top.children[0]?.children[0];
    const field = (name: string) => error?.children.find((c) => c.name === name)?.text;
    return { status: res.status, root: top, code: field('Code'), message: field('Message') };
  }
  return { status: res.status, root: top };
}

/** Texts of every `name` element under `node`, depth first. */
export function texts(node: XmlNode, name: string): string[] {
  const out: string[] = [];
  const walk = (n: XmlNode) => {
    if (n.name === name) out.push(n.text);
    n.children.forEach(walk);
  };
  walk(node);
  return out;
}

/**
 * A representative request per implemented operation, with the seeded state's ids. Run in
 * order: mutations first (so describes see deprecated, protected, shared and disabled images),
 * describes again at the end. `context` are parameters a nested probe needs to be read at all
 * (a mapping's device name), `noDryRun` marks operations whose model has no DryRun member.
 */
export interface Scenario {
  action: string;
  params: Record<string, string>;
  account?: SimulatorAccount;
  context?: Record<string, string>;
}

export function scenarios(sim: Simulator): Scenario[] {
  const first = (action: string, params: Record<string, string>, name: string) => {
    const found = texts(call(sim, action, params).root, name)[0];
    if (!found) throw new Error(`conformance: no ${name} from ${action}`);
    return found;
  };
  const ownImages = texts(call(sim, 'DescribeImages', { 'Owner.1': 'self' }).root, 'imageId');
  const [image, second, third] = ownImages;
  const running = first(
    'DescribeInstances',
    { 'Filter.1.Name': 'instance-state-name', 'Filter.1.Value.1': 'running' },
    'instanceId',
  );
  const stopped = first(
    'DescribeInstances',
    { 'Filter.1.Name': 'instance-state-name', 'Filter.1.Value.1': 'stopped' },
    'instanceId',
  );
  const snapshot = first('DescribeSnapshots', { 'Owner.1': 'self' }, 'snapshotId');
  const al2023 = first(
    'DescribeImages',
    {
      'Owner.1': 'amazon',
      'Filter.1.Name': 'name',
      'Filter.1.Value.1': 'al2023-ami-2023*x86_64',
      'Filter.2.Name': 'state',
      'Filter.2.Value.1': 'available',
    },
    'imageId',
  );
  const secondSnapshot = texts(call(sim, 'DescribeImages', { 'ImageId.1': second }).root, 'snapshotId')[0];
  const partner = PARTNER_SIMULATOR_ACCOUNT.accountId;
  const sharedWithMe = first(
    'DescribeImages',
    { 'ExecutableBy.1': 'self', 'Filter.1.Name': 'owner-id', 'Filter.1.Value.1': partner },
    'imageId',
  );
  // Recycle Bin rules (through the rbin service) so DeregisterImage and DeleteSnapshot fill the bin.
  for (const ResourceType of ['EC2_IMAGE', 'EBS_SNAPSHOT']) {
    rbin(sim, 'POST', '/rules', {
      ResourceType,
      RetentionPeriod: { RetentionPeriodValue: 7, RetentionPeriodUnit: 'DAYS' },
    });
  }
  const mapping = { 'BlockDeviceMapping.1.DeviceName': '/dev/sdf' };
  const tagSpec = { 'TagSpecification.1.ResourceType': 'image', 'TagSpecification.1.Tag.1.Key': 'k' };
  const future = new Date(Date.UTC(2030, 0, 1)).toISOString();
  const byName = (name: string) =>
    first('DescribeImages', { 'Owner.1': 'self', 'Filter.1.Name': 'name', 'Filter.1.Value.1': name }, 'imageId');
  const webBase = byName('web-server-base-v7');
  const lastCopy = byName('hardened-web-server-v7.1');
  const lt = { LaunchTemplateName: 'conformance-lt' };
  return [
    { action: 'DescribeRegions', params: {} },
    { action: 'CreateTags', params: { 'ResourceId.1': image, 'Tag.1.Key': 'team', 'Tag.1.Value': 'conformance' } },
    { action: 'DeleteTags', params: { 'ResourceId.1': image, 'Tag.1.Key': 'team' } },
    { action: 'DescribeTags', params: {} },
    {
      action: 'ReplaceImageCriteriaInAllowedImagesSettings',
      params: {
        'ImageCriterion.1.ImageProvider.1': 'amazon',
        'ImageCriterion.1.ImageName.1': 'al2023-*',
        'ImageCriterion.1.CreationDateCondition.MaximumDaysSinceCreated': '3650',
        'ImageCriterion.1.DeprecationTimeCondition.MaximumDaysSinceDeprecated': '0',
        'ImageCriterion.2.ImageProvider.1': 'aws-marketplace',
        'ImageCriterion.2.MarketplaceProductCode.1': 'abcdefghij0123456789',
      },
    },
    { action: 'EnableAllowedImagesSettings', params: { AllowedImagesSettingsState: 'audit-mode' } },
    { action: 'GetAllowedImagesSettings', params: {} },
    { action: 'DescribeInstanceImageMetadata', params: {} },
    { action: 'EnableImageDeprecation', params: { ImageId: image, DeprecateAt: future } },
    { action: 'DisableImageDeprecation', params: { ImageId: second } },
    { action: 'EnableImageDeregistrationProtection', params: { ImageId: image, WithCooldown: 'true' } },
    { action: 'DisableImageDeregistrationProtection', params: { ImageId: image } },
    {
      action: 'ModifyImageAttribute',
      params: { ImageId: image, 'LaunchPermission.Add.1.UserId': partner },
      context: { Attribute: 'launchPermission' },
    },
    { action: 'ResetImageAttribute', params: { ImageId: second, Attribute: 'launchPermission' } },
    ...['description', 'kernel', 'ramdisk', 'launchPermission', 'productCodes', 'sriovNetSupport', 'bootMode'].map(
      (attribute) => ({ action: 'DescribeImageAttribute', params: { ImageId: image, Attribute: attribute } }),
    ),
    { action: 'DisableImage', params: { ImageId: third } },
    { action: 'EnableImage', params: { ImageId: third } },
    { action: 'DisableImage', params: { ImageId: third } },
    { action: 'GetImageBlockPublicAccessState', params: {} },
    { action: 'EnableImageBlockPublicAccess', params: { ImageBlockPublicAccessState: 'block-new-sharing' } },
    { action: 'DisableImageBlockPublicAccess', params: {} },
    {
      action: 'CreateImage',
      params: { InstanceId: running, Name: 'conformance-image', Description: 'from the conformance test' },
      context: { ...mapping, ...tagSpec },
    },
    {
      action: 'CopyImage',
      params: { SourceImageId: second, SourceRegion: 'us-east-1', Name: 'conformance-copy' },
      context: tagSpec,
    },
    {
      action: 'RegisterImage',
      params: {
        Name: 'conformance-registered',
        RootDeviceName: '/dev/xvda',
        Architecture: 'x86_64',
        VirtualizationType: 'hvm',
        'BlockDeviceMapping.1.DeviceName': '/dev/xvda',
        'BlockDeviceMapping.1.Ebs.SnapshotId': snapshot,
      },
      context: { ...tagSpec, 'BlockDeviceMapping.1.DeviceName': '/dev/xvda' },
    },
    {
      action: 'RegisterImage',
      params: { Name: 'conformance-bundle', ImageLocation: 'conformance-bucket/bundle/image.manifest.xml' },
    },
    {
      action: 'RunInstances',
      params: { ImageId: al2023, InstanceType: 't3.micro', MinCount: '1', MaxCount: '1' },
      context: { ...mapping, 'TagSpecification.1.ResourceType': 'instance', 'TagSpecification.1.Tag.1.Key': 'k' },
    },
    { action: 'RebootInstances', params: { 'InstanceId.1': running } },
    { action: 'StopInstances', params: { 'InstanceId.1': running } },
    { action: 'StartInstances', params: { 'InstanceId.1': stopped } },
    { action: 'DescribeSnapshotAttribute', params: { SnapshotId: snapshot, Attribute: 'createVolumePermission' } },
    { action: 'DescribeSnapshotAttribute', params: { SnapshotId: snapshot, Attribute: 'productCodes' } },
    {
      action: 'ModifySnapshotAttribute',
      params: { SnapshotId: snapshot, Attribute: 'createVolumePermission', OperationType: 'add', 'UserId.1': partner },
    },
    {
      action: 'CreateLaunchTemplate',
      params: { ...lt, 'LaunchTemplateData.ImageId': image, 'LaunchTemplateData.InstanceType': 't3.micro' },
      context: { 'TagSpecification.1.ResourceType': 'launch-template', 'TagSpecification.1.Tag.1.Key': 'k' },
    },
    {
      action: 'CreateLaunchTemplateVersion',
      params: { ...lt, SourceVersion: '1', VersionDescription: 'v2', 'LaunchTemplateData.ImageId': webBase },
    },
    { action: 'ModifyLaunchTemplate', params: { ...lt, SetDefaultVersion: '2' } },
    { action: 'DescribeLaunchTemplates', params: {} },
    { action: 'DescribeLaunchTemplateVersions', params: lt },
    { action: 'DescribeImageReferences', params: { 'ImageId.1': webBase, IncludeAllResourceTypes: 'true' } },
    { action: 'GetImageAncestry', params: { ImageId: lastCopy } },
    { action: 'DeleteLaunchTemplate', params: lt },
    { action: 'DescribeImages', params: { 'Owner.1': 'self', IncludeDeprecated: 'true', IncludeDisabled: 'true' } },
    { action: 'DescribeImages', params: { 'ExecutableBy.1': 'self' }, account: PARTNER_SIMULATOR_ACCOUNT },
    { action: 'DescribeImages', params: { 'Owner.1': 'amazon', MaxResults: '1000' } },
    { action: 'DescribeImages', params: { 'Owner.1': 'aws-marketplace', MaxResults: '1000' } },
    { action: 'DescribeInstances', params: {} },
    { action: 'DescribeSnapshots', params: { 'Owner.1': 'self' } },
    { action: 'DescribeVolumes', params: {} },
    { action: 'TerminateInstances', params: { 'InstanceId.1': stopped } },
    { action: 'DeregisterImage', params: { ImageId: second } },
    { action: 'ListImagesInRecycleBin', params: {} },
    { action: 'DeleteSnapshot', params: { SnapshotId: secondSnapshot } },
    { action: 'CancelImageLaunchPermission', params: { ImageId: sharedWithMe } },
    { action: 'ListSnapshotsInRecycleBin', params: {} },
    { action: 'RestoreSnapshotFromRecycleBin', params: { SnapshotId: secondSnapshot } },
    { action: 'RestoreImageFromRecycleBin', params: { ImageId: second } },
    { action: 'DisableAllowedImagesSettings', params: {} },
  ];
}
