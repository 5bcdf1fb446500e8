/**
 * The SDK clients of the services besides EC2 and STS (Auto Scaling, SSM, Recycle Bin), in their
 * own bundle (dist/services.js) reached only through {@link loadServiceModules} (sdk.ts): the
 * first AMI rows never wait for them (Recycle Bin's client brings an older SDK stack of its own).
 */
// Auto Scaling: which groups launch an AMI through their launch templates.
export { AutoScalingClient, paginateDescribeAutoScalingGroups } from '@aws-sdk/client-auto-scaling';
// SSM: the public parameters that name the latest AMIs (one parameter, a namespace page by page).
export { SSMClient, GetParameterCommand, paginateGetParametersByPath } from '@aws-sdk/client-ssm';
// Recycle Bin: the retention rules that make a deregistered AMI recoverable (src/ec2/recycleBin.ts).
export { RbinClient, paginateListRules, GetRuleCommand } from '@aws-sdk/client-rbin';
