/**
 * The SSM gateway of the latest-AMI resolver: the public parameters under `/aws/service/` that
 * name the newest AMI of a series. The only module that sends SSM commands (as src/ec2's other
 * modules are for EC2), on the SSM client of the connection (`AwsClients.service('ssm', region)`).
 */
import type { SSMClient } from '@aws-sdk/client-ssm';
import { loadServiceModules } from '../aws/sdk';
import { IMAGE_ID_PATTERN } from '../shared/validation';

/** One public namespace the "Latest AMIs" folder lists, as AWS documents it. */
export interface LatestAmiNamespace {
  /** Stable key for tree ids. */
  readonly key: string;
  readonly label: string;
  readonly path: string;
  /** The parameters lie deeper than one level below `path` (GetParametersByPath `Recursive`). */
  readonly recursive: boolean;
}

/**
 * The namespaces, one table (paths as the EC2 User Guide's "Reference AMIs using Systems Manager
 * parameters" and each publisher's documentation give them).
 */
export const LATEST_AMI_NAMESPACES: readonly LatestAmiNamespace[] = [
  { key: 'amazon-linux', label: 'Amazon Linux', path: '/aws/service/ami-amazon-linux-latest', recursive: false },
  { key: 'windows', label: 'Windows Server', path: '/aws/service/ami-windows-latest', recursive: false },
  { key: 'ubuntu', label: 'Ubuntu (Canonical)', path: '/aws/service/canonical/ubuntu', recursive: true },
  { key: 'debian', label: 'Debian', path: '/aws/service/debian', recursive: true },
  { key: 'bottlerocket', label: 'Bottlerocket', path: '/aws/service/bottlerocket', recursive: true },
  { key: 'ecs', label: 'ECS-optimized', path: '/aws/service/ecs/optimized-ami', recursive: true },
  { key: 'eks', label: 'EKS-optimized', path: '/aws/service/eks/optimized-ami', recursive: true },
];

/** A public parameter whose value is an AMI id. */
export interface AmiParameter {
  name: string;
  imageId: string;
  version?: number;
  lastModified?: Date;
}

export interface NamespaceListing {
  parameters: AmiParameter[];
  /** True when the listing stopped at {@link MAX_PARAMETERS_PER_NAMESPACE}. */
  truncated: boolean;
}

/**
 * A real recursive namespace holds thousands of parameters (Ubuntu: every release, arch and
 * volume type); the folder shows the first ones in name order and says that it stopped.
 */
export const MAX_PARAMETERS_PER_NAMESPACE = 400;

/**
 * Every parameter of a namespace whose value is an AMI id (others, such as ECS's JSON
 * `recommended` or Bottlerocket's `image_version`, are skipped), paged by GetParametersByPath.
 */
export async function listAmiParameters(ssm: SSMClient, namespace: LatestAmiNamespace): Promise<NamespaceListing> {
  const { paginateGetParametersByPath } = await loadServiceModules();
  const parameters: AmiParameter[] = [];
  let truncated = false;
  const pages = paginateGetParametersByPath(
    { client: ssm, pageSize: 10 },
    { Path: namespace.path, Recursive: namespace.recursive },
  );
  for await (const page of pages) {
    for (const p of page.Parameters ?? []) {
      if (p.Name && p.Value && IMAGE_ID_PATTERN.test(p.Value)) {
        parameters.push({ name: p.Name, imageId: p.Value, version: p.Version, lastModified: p.LastModifiedDate });
      }
    }
    if (parameters.length >= MAX_PARAMETERS_PER_NAMESPACE) {
      truncated = !!page.NextToken;
      break;
    }
  }
  parameters.sort((a, b) => a.name.localeCompare(b.name));
  return { parameters, truncated };
}

/** GetParameter: the AMI id a parameter names now, or undefined when SSM does not know it. */
export async function resolveParameter(ssm: SSMClient, name: string): Promise<string | undefined> {
  const { GetParameterCommand } = await loadServiceModules();
  try {
    const out = await ssm.send(new GetParameterCommand({ Name: name }));
    return out.Parameter?.Value;
  } catch (error) {
    if ((error as { name?: string }).name === 'ParameterNotFound') return undefined;
    throw error;
  }
}
