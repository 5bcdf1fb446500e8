/**
 * Every known divergence of the simulator from EC2's published model, each with why it stays.
 * Keys are the conformance test's divergence lines; a key ending in `*` covers every line
 * starting with the rest. The test fails on a divergence missing here, and on a line here
 * that no longer matches anything.
 */

const RETURN_TRUE =
  "EC2's response carries <return>true</return> (the API reference's example response shows it) while the model's output is Unit; the SDK ignores it";
const LOWERCASE_WINDOWS =
  "EC2 writes the platform in lower case, 'windows' (API reference, the `platform` filter: 'Use windows if you have Windows instances'); the SDK's PlatformValues enum spells 'Windows'";
const NO_NETWORKING = 'the simulator has no VPC networking: instances sit in a fixed default subnet with one interface';
const NOT_SIMULATED = (what: string) => `${what} is not simulated, so no instance could match`;

/** Launch template versions keep ImageId, InstanceType and KeyName only: filters over other members are refused. */
const LT_MEMBERS =
  'launch template versions keep only ImageId, InstanceType and KeyName; other LaunchTemplateData members are refused by name at creation, so no version could match';
const LT_VERSION_FILTERS = [
  'ebs-optimized',
  'http-endpoint',
  'http-protocol-ipv4',
  'host-resource-group-arn',
  'http-tokens',
  'iam-instance-profile',
  'kernel-id',
  'license-configuration-arn',
  'network-card-index',
  'ram-disk-id',
];

export const ALLOWED: Readonly<Record<string, string>> = {
  ...Object.fromEntries(
    LT_VERSION_FILTERS.map((f) => [`filters DescribeLaunchTemplateVersions ${f}: documented, refused`, LT_MEMBERS]),
  ),
  'shape ModifyImageAttribute return: not a member of Unit': RETURN_TRUE,
  'shape ResetImageAttribute return: not a member of Unit': RETURN_TRUE,
  'shape RebootInstances return: not a member of Unit': RETURN_TRUE,
  'shape DeleteSnapshot return: not a member of Unit': RETURN_TRUE,
  'shape ModifySnapshotAttribute return: not a member of Unit': RETURN_TRUE,
  'shape CreateTags return: not a member of Unit': RETURN_TRUE,
  'shape DeleteTags return: not a member of Unit': RETURN_TRUE,
  'enum DescribeImages Image.Platform=windows': LOWERCASE_WINDOWS,
  'enum DescribeInstances Instance.Platform=windows': LOWERCASE_WINDOWS,

  'filters DescribeImages image-watermark.*': 'AMI watermarks are not simulated: no image has one',
  'filters DescribeImages instance-type-specification.*':
    'instance-type specifications of images are not simulated: no image has one',
  'filters DescribeImages scan-result.*': 'Amazon Inspector scan results are not simulated: no image has one',
  'filters DescribeSnapshots transfer-type: documented, refused':
    'snapshot copies have no transfer type in the simulator (time-based copy is not simulated)',

  'filters DescribeInstances affinity:*': NOT_SIMULATED('Dedicated Hosts'),
  'filters DescribeInstances host-id:*': NOT_SIMULATED('Dedicated Hosts'),
  'filters DescribeInstances availability-zone-id:*': 'the simulator names zones, it has no zone ids (unverified ids)',
  'filters DescribeInstanceImageMetadata zone-id:*': 'the simulator names zones, it has no zone ids (unverified ids)',
  'filters DescribeInstances boot-mode:*': 'instances do not record a boot mode yet (their AMI has one)',
  'filters DescribeInstances current-instance-boot-mode:*':
    'instances do not record a boot mode yet (their AMI has one)',
  'filters DescribeInstances capacity-reservation*': NOT_SIMULATED('Capacity Reservations'),
  'filters DescribeInstances dns-name:*': NO_NETWORKING,
  'filters DescribeInstances private-dns-name:*': NO_NETWORKING,
  'filters DescribeInstances private-dns-name-options.*': NO_NETWORKING,
  'filters DescribeInstances ipv6-address:*': NO_NETWORKING,
  'filters DescribeInstances instance.group-*': NO_NETWORKING,
  'filters DescribeInstances network-interface.*': NO_NETWORKING,
  'filters DescribeInstances network-performance-options.*': NO_NETWORKING,
  'filters DescribeInstances source-dest-check:*': NO_NETWORKING,
  'filters DescribeInstances subnet-id:*': NO_NETWORKING,
  'filters DescribeInstances vpc-id:*': NO_NETWORKING,
  'filters DescribeInstances enclave-options.*': NOT_SIMULATED('Nitro Enclaves'),
  'filters DescribeInstances hibernation-options.*': NOT_SIMULATED('Hibernation'),
  'filters DescribeInstances maintenance-options.*': NOT_SIMULATED('Instance auto-recovery settings'),
  'filters DescribeInstances metadata-options.*': NOT_SIMULATED('Instance metadata options'),
  'filters DescribeInstances iam-instance-profile.*': NOT_SIMULATED('IAM instance profiles'),
  'filters DescribeInstances instance-lifecycle:*': NOT_SIMULATED('Spot and Scheduled Instances'),
  'filters DescribeInstances spot-instance-request-id:*': NOT_SIMULATED('Spot and Scheduled Instances'),
  'filters DescribeInstances operator.*': NOT_SIMULATED('Service-managed instances'),
  'filters DescribeInstances requester-id:*': NOT_SIMULATED('Service-managed instances'),
  'filters DescribeInstances outpost-arn:*': NOT_SIMULATED('Outposts'),
  'filters DescribeInstances placement-group-name:*': NOT_SIMULATED('Placement groups'),
  'filters DescribeInstances placement-partition-number:*': NOT_SIMULATED('Placement groups'),
  'filters DescribeInstances product-code*': 'instances do not carry product codes yet (their AMI does)',
  'filters DescribeInstances ramdisk-id:*': 'paravirtual instances carry a kernel but no ramdisk in the simulator',
  'filters DescribeInstances tpm-support:*': 'instances do not record TPM support yet (their AMI does)',
  'filters DescribeInstances usage-operation*':
    'the usage operation is derived in the XML layer (instanceXml.ts); the filter would need it in the model',
};
