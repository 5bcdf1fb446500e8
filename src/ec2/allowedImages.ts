import type { EC2Client, InstanceImageMetadata } from '@aws-sdk/client-ec2';
import { loadSdk } from '../aws/sdk';
import type { AllowedCriterion, AllowedImagesState } from '../shared/allowedImages';
import { ALLOWED_IMAGES_STATES, toCriterionRequests } from '../shared/allowedImages';

/** Allowed AMIs: the account's setting in a region, its criteria, and which AMI each instance runs. */

export interface AllowedImagesSettings {
  state: AllowedImagesState;
  criteria: AllowedCriterion[];
  /** `declarative-policy`: an organization's policy sets it and the account cannot change it. */
  managedBy: 'account' | 'declarative-policy';
  /** Criteria members this extension does not evaluate (image watermarks, Inspector scan results). */
  unsupportedConditions: string[];
}

export async function getAllowedImagesSettings(ec2: EC2Client): Promise<AllowedImagesSettings> {
  const { GetAllowedImagesSettingsCommand } = await loadSdk();
  const out = await ec2.send(new GetAllowedImagesSettingsCommand({}));
  const state = (ALLOWED_IMAGES_STATES as readonly string[]).includes(out.State ?? '')
    ? (out.State as AllowedImagesState)
    : 'disabled';
  const unsupported = new Set<string>();
  const criteria = (out.ImageCriteria ?? []).map((c) => {
    if (c.ImageWatermarks?.length) unsupported.add('ImageWatermarks');
    if (c.ScanResultCondition) unsupported.add('ScanResultCondition');
    return {
      imageProviders: c.ImageProviders ?? [],
      imageNames: c.ImageNames ?? [],
      marketplaceProductCodes: c.MarketplaceProductCodes ?? [],
      maximumDaysSinceCreated: c.CreationDateCondition?.MaximumDaysSinceCreated,
      maximumDaysSinceDeprecated: c.DeprecationTimeCondition?.MaximumDaysSinceDeprecated,
    };
  });
  return {
    state,
    criteria,
    managedBy: out.ManagedBy === 'declarative-policy' ? 'declarative-policy' : 'account',
    unsupportedConditions: [...unsupported],
  };
}

/** ReplaceImageCriteriaInAllowedImagesSettings: the whole list at once. */
export async function replaceImageCriteria(ec2: EC2Client, criteria: readonly AllowedCriterion[]): Promise<void> {
  const { ReplaceImageCriteriaInAllowedImagesSettingsCommand } = await loadSdk();
  await ec2.send(
    new ReplaceImageCriteriaInAllowedImagesSettingsCommand({ ImageCriteria: toCriterionRequests(criteria) }),
  );
}

/** EnableAllowedImagesSettings (`audit-mode` or `enabled`) or DisableAllowedImagesSettings. */
export async function setAllowedImagesState(ec2: EC2Client, state: AllowedImagesState): Promise<void> {
  const { EnableAllowedImagesSettingsCommand, DisableAllowedImagesSettingsCommand } = await loadSdk();
  if (state === 'disabled') await ec2.send(new DisableAllowedImagesSettingsCommand({}));
  else await ec2.send(new EnableAllowedImagesSettingsCommand({ AllowedImagesSettingsState: state }));
}

/** DescribeInstanceImageMetadata for the instances that are not terminated, every page. */
export async function listInstanceImageMetadata(ec2: EC2Client): Promise<InstanceImageMetadata[]> {
  const { paginateDescribeInstanceImageMetadata } = await loadSdk();
  const out: InstanceImageMetadata[] = [];
  const input = {
    Filters: [{ Name: 'instance-state-name', Values: ['pending', 'running', 'stopping', 'stopped'] }],
    MaxResults: 1000,
  };
  for await (const page of paginateDescribeInstanceImageMetadata({ client: ec2 }, input)) {
    out.push(...(page.InstanceImageMetadata ?? []));
  }
  return out;
}
