/**
 * EC2's documented limits for an EBS volume in a block device mapping, per volume type
 * (`EbsBlockDevice` in the API reference,
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_EbsBlockDevice.html). One table for
 * the simulator's rules and the forms' checks. No `vscode` import: webviews bundle it too.
 */

/** VolumeSize, GiB (`EbsBlockDevice.VolumeSize`). */
export const VOLUME_SIZE_LIMITS_GIB: Readonly<Record<string, { min: number; max: number }>> = {
  gp2: { min: 1, max: 16384 },
  gp3: { min: 1, max: 65536 },
  io1: { min: 4, max: 16384 },
  io2: { min: 4, max: 65536 },
  st1: { min: 125, max: 16384 },
  sc1: { min: 125, max: 16384 },
  standard: { min: 1, max: 1024 },
};

/** Iops (`EbsBlockDevice.Iops`): only these types take it; io1 and io2 require it. */
export const IOPS_LIMITS: Readonly<Record<string, { min: number; max: number }>> = {
  gp3: { min: 3000, max: 80000 },
  io1: { min: 100, max: 64000 },
  io2: { min: 100, max: 256000 },
};

/** The types that cannot do without Iops (`EbsBlockDevice.Iops`: "required for io1 and io2"). */
export const IOPS_REQUIRED: readonly string[] = ['io1', 'io2'];

/** Throughput, MiB/s: gp3 only (`EbsBlockDevice.Throughput`). */
export const THROUGHPUT_LIMITS: Readonly<Record<string, { min: number; max: number }>> = {
  gp3: { min: 125, max: 2000 },
};

/** gp3's baseline when none is given: 3,000 IOPS (`EbsBlockDevice.Iops`) and 125 MiB/s (EBS user guide, gp3). */
export const GP3_BASELINE = { iops: 3000, throughputMiBs: 125 };

/** The limits of `table` for `volumeType`, or undefined when the type takes no such value. */
export function limitsFor(
  table: Readonly<Record<string, { min: number; max: number }>>,
  volumeType: string,
): { min: number; max: number } | undefined {
  return Object.hasOwn(table, volumeType) ? table[volumeType] : undefined;
}
