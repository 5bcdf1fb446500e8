/**
 * Runs the lookup of a "Copy as…" snippet as the tool it is written for would: `resolve:ssm:`,
 * Terraform's aws_ssm_parameter, CloudFormation and CDK's fromSsmParameter read the parameter
 * (GetParameter); Terraform's aws_ami (most_recent), Packer's source_ami_filter (most_recent) and
 * CDK's MachineImage.lookup ask DescribeImages for the owners and name filter and take the newest
 * image by CreationDate (none of them includes deprecated images by default).
 */
import type { EC2Client, Image } from '@aws-sdk/client-ec2';
import type { SSMClient } from '@aws-sdk/client-ssm';
import { loadSdk } from '../aws/sdk';
import type { SnippetLookup } from '../shared/snippets/snippetSource';
import { describeImagesById } from './images';
import { resolveParameter } from './publicParameters';

export interface LookupClients {
  ec2(): Promise<EC2Client>;
  ssm(): Promise<SSMClient>;
}

/** The AMI id the snippet's lookup returns today, or undefined when it finds none. */
export async function runSnippetLookup(clients: LookupClients, lookup: SnippetLookup): Promise<string | undefined> {
  switch (lookup.kind) {
    case 'imageId':
      return (await describeImagesById(await clients.ec2(), [lookup.imageId])).has(lookup.imageId)
        ? lookup.imageId
        : undefined;
    case 'ssmParameter':
      return resolveParameter(await clients.ssm(), lookup.name);
    case 'describeImages':
      return (await mostRecentImage(await clients.ec2(), lookup.owners, lookup.namePattern))?.ImageId;
  }
}

/** DescribeImages by owners (all visible images when none) and `name` filter; the newest by CreationDate. */
export async function mostRecentImage(
  ec2: EC2Client,
  owners: readonly string[],
  namePattern: string,
): Promise<Image | undefined> {
  const { paginateDescribeImages } = await loadSdk();
  let newest: Image | undefined;
  const input = {
    Owners: owners.length > 0 ? [...owners] : undefined,
    Filters: [{ Name: 'name', Values: [namePattern] }],
    MaxResults: 1000,
  };
  for await (const page of paginateDescribeImages({ client: ec2 }, input)) {
    for (const image of page.Images ?? []) {
      if (!newest || (image.CreationDate ?? '') > (newest.CreationDate ?? '')) newest = image;
    }
  }
  return newest;
}
