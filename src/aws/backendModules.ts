/**
 * The AWS SDK classes the extension loads on first use, in one module reached only through
 * {@link loadBackendModules} (sdk.ts). The extension bundle keeps this module in a separate file
 * (dist/backend.js) so that activation does not even parse it. Named re-exports let the bundler
 * drop unused SDK commands. The simulator has its own bundle (simulatorModules.ts).
 */
export {
  EC2Client,
  DescribeRegionsCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  StartInstancesCommand,
  StopInstancesCommand,
  RebootInstancesCommand,
  TerminateInstancesCommand,
  CreateImageCommand,
  DescribeVolumesCommand,
  DeregisterImageCommand,
  DeleteSnapshotCommand,
  DescribeImageAttributeCommand,
  ModifyImageAttributeCommand,
  GetImageBlockPublicAccessStateCommand,
  CopyImageCommand,
  RegisterImageCommand,
  CancelImageLaunchPermissionCommand,
  RunInstancesCommand,
  DescribeSnapshotsCommand,
  CreateTagsCommand,
  DeleteTagsCommand,
  EnableImageDeprecationCommand,
  DisableImageDeprecationCommand,
  EnableImageCommand,
  DisableImageCommand,
  EnableImageDeregistrationProtectionCommand,
  DisableImageDeregistrationProtectionCommand,
  EnableImageBlockPublicAccessCommand,
  DisableImageBlockPublicAccessCommand,
  paginateDescribeImages,
  paginateDescribeInstances,
  paginateDescribeSnapshots,
  // Who uses an AMI and what it was built from (issue 13).
  paginateDescribeImageReferences,
  GetImageAncestryCommand,
  // "Used by" (issue 13): the launch template versions behind a reference.
  paginateDescribeLaunchTemplates,
  paginateDescribeLaunchTemplateVersions,
} from '@aws-sdk/client-ec2';
export { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
// Allowed AMIs and the EC2 side of the Recycle Bin (issue 14): src/ec2/allowedImages.ts, src/ec2/recycleBin.ts.
export {
  GetAllowedImagesSettingsCommand,
  EnableAllowedImagesSettingsCommand,
  DisableAllowedImagesSettingsCommand,
  ReplaceImageCriteriaInAllowedImagesSettingsCommand,
  paginateDescribeInstanceImageMetadata,
  paginateListImagesInRecycleBin,
  paginateListSnapshotsInRecycleBin,
  RestoreImageFromRecycleBinCommand,
  RestoreSnapshotFromRecycleBinCommand,
} from '@aws-sdk/client-ec2';
// Real AWS: the profile's credential chain (with an MFA prompt), the shared config files, and a
// request handler for a CA bundle or proxy. Dependencies of the SDK clients above.
export { defaultProvider } from '@aws-sdk/credential-provider-node';
export { loadSharedConfigFiles } from '@smithy/core/config';
export { NodeHttpHandler } from '@smithy/node-http-handler';
