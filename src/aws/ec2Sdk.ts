/**
 * The SDK classes the extension uses, in one module that is only ever loaded through
 * {@link loadSdk} in `sdk.ts`: the AWS SDK is large, and activation must not pay for it.
 * Named re-exports (rather than `import *`) let the bundler drop the commands we never send.
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
} from '@aws-sdk/client-ec2';
export { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
