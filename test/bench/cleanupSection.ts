/**
 * Bench section: a cleanup dry run over 10,000 owned images in one region (issue 13, target
 * < 2 s). Setup, not timed: a simulator of its own, one instance, 10,000 CreateImage calls from it
 * (100 families of 100 versions, `app-NNN-vK`), and instances launched from 100 of them so that
 * DescribeImageReferences finds something. Timed: what the panel's dry run does, through the SDK
 * into the in-process simulator: DescribeImages Owners=self (every page), DescribeImageReferences
 * for every image no other rule keeps (10 ids per call, several calls in flight), and the rules
 * engine. The EC2 client is set up as the extension's are (no SDK logger middleware, the limiter).
 */
import { performance } from 'perf_hooks';
import { CreateImageCommand, DescribeImagesCommand, EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { CallLimiter, limitSends } from '../../src/aws/callLimiter';
import { describeError } from '../../src/aws/errors';
import { withoutSdkLogging } from '../../src/aws/sdkLogging';
import { planFromEc2 } from '../../src/panels/cleanupFacts';
import { createPanelEc2Operations } from '../../src/panels/ec2PanelOperations';
import type { PanelServices } from '../../src/panels/panelServices';
import type { CleanupRules } from '../../src/shared/cleanup/rules';
import { DEFAULT_SIMULATOR_ACCOUNT } from '../../src/simulator/accounts';
import { SimulatorRequestHandler } from '../../src/simulator/inProcessHandler';
import { Simulator } from '../../src/simulator/simulator';
import type { Section } from './bench';

const REGION = 'us-east-1';
/** BENCH_CLEANUP_IMAGES overrides the count (a multiple of 100), for profiling. */
const OWNED = Number(process.env.BENCH_CLEANUP_IMAGES) || 10_000;
const FAMILIES = 100;
const IN_USE = 100;
const TARGET_MS = 2_000;
const RUNS = 3;

/** Keep the 3 newest of each family and those in use; the age rules are off (every image is new here). */
const RULES: CleanupRules = {
  images: { namePattern: 'app-*', tags: [] },
  keep: { newestPerFamily: 3, youngerThanDays: 0, launchedWithinDays: 0, inUse: true },
};

async function seedOwnedImages(sim: Simulator, ec2: EC2Client): Promise<string[]> {
  const catalog = await ec2.send(
    new RunInstancesCommand({ ImageId: await anyOwnedImage(ec2), InstanceType: 't3.micro', MinCount: 1, MaxCount: 1 }),
  );
  const instanceId = catalog.Instances?.[0]?.InstanceId ?? '';
  sim.settleAllNow(); // CreateImage needs it running or stopped
  const ids: string[] = [];
  const perFamily = OWNED / FAMILIES;
  for (let batch = 0; batch < OWNED; batch += 100) {
    const made = await Promise.all(
      Array.from({ length: 100 }, (_, i) => {
        const n = batch + i;
        const name = `app-${String(n % FAMILIES).padStart(3, '0')}-v${Math.floor(n / FAMILIES) % perFamily}`;
        return ec2.send(new CreateImageCommand({ InstanceId: instanceId, Name: name, NoReboot: true }));
      }),
    );
    ids.push(...made.map((m) => m.ImageId ?? ''));
  }
  return ids;
}

async function anyOwnedImage(ec2: EC2Client): Promise<string> {
  const out = await ec2.send(new DescribeImagesCommand({ Owners: ['self'] }));
  const image = (out.Images ?? []).find((i) => i.State === 'available' && i.RootDeviceType === 'ebs');
  if (!image?.ImageId) throw new Error(`no owned EBS image in ${REGION}'s seed`);
  return image.ImageId;
}

export async function cleanupDryRun(): Promise<Section> {
  const sim = new Simulator({ pendingDelayMs: 0 });
  const ec2 = new EC2Client({
    region: REGION,
    credentials: {
      accessKeyId: DEFAULT_SIMULATOR_ACCOUNT.accessKeyId,
      secretAccessKey: DEFAULT_SIMULATOR_ACCOUNT.secretAccessKey,
    },
    requestHandler: new SimulatorRequestHandler(sim),
    maxAttempts: 1,
  });
  // As the extension's EC2 clients are (src/aws/cachedClients.ts): without the SDK's logger
  // middleware, and every call through the account's limiter of calls in flight.
  limitSends(withoutSdkLogging(ec2), new CallLimiter());
  const t = performance.now();
  const ids = await seedOwnedImages(sim, ec2);
  for (let i = 0; i < IN_USE; i++) {
    // Old versions (beyond the 3 newest of their family), so that use decides their fate.
    await ec2.send(
      new RunInstancesCommand({ ImageId: ids[i * 37], InstanceType: 't3.micro', MinCount: 1, MaxCount: 1 }),
    );
  }
  sim.settleAllNow();
  const setupMs = performance.now() - t;
  const services = {
    ec2: createPanelEc2Operations({ client: async () => ec2, listRegions: async () => [REGION] }),
    explainError: (e: unknown) => describeError(e, { backend: 'simulator' }),
    now: () => new Date(),
    cleanup: { pricePerGiBMonth: () => 0.05 },
  } as unknown as PanelServices;

  const runs: { ms: number; cpuMs: number; matched: number; removed: number; inUse: number; referenceCalls: number }[] =
    [];
  for (let r = 0; r < RUNS; r++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    const { plan } = await planFromEc2(services, REGION, RULES);
    const ms = performance.now() - start;
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    const needing = plan.decisions.filter(
      (d) => d.action === 'remove' || d.reasons.some((x) => x.startsWith('in use')),
    ).length;
    runs.push({
      ms,
      cpuMs,
      matched: plan.decisions.length,
      removed: plan.removeImageIds.length,
      inUse: plan.decisions.filter((d) => d.reasons.some((x) => x.startsWith('in use'))).length,
      referenceCalls: Math.ceil(needing / 10),
    });
  }
  const sorted = [...runs].sort((a, b) => a.ms - b.ms);
  const median = sorted[Math.floor(sorted.length / 2)];
  const fmt = (ms: number) => ms.toFixed(0);
  return {
    id: 'cleanupDryRun',
    title: `Cleanup dry run over ${OWNED.toLocaleString('en')} owned images in one region (keep 3 newest per family, keep in use)`,
    columns: ['what', 'value'],
    rows: [
      ['setup (not timed): CreateImage ×10,000 + instances, ms', fmt(setupMs)],
      ['images matched', median.matched],
      ['kept because in use', median.inUse],
      ['removed', median.removed],
      ['DescribeImageReferences calls (10 ids each)', median.referenceCalls],
      ['dry run, median of 3, ms', fmt(median.ms)],
      ['each run, ms', runs.map((x) => fmt(x.ms)).join(' / ')],
      ['each run, CPU ms (this process)', runs.map((x) => fmt(x.cpuMs)).join(' / ')],
      [`< ${TARGET_MS} ms`, median.ms < TARGET_MS ? 'ok' : 'OVER'],
    ],
    data: {
      ownedImages: OWNED,
      setupMs,
      runs,
      medianMs: median.ms,
      targetMs: TARGET_MS,
      withinTarget: median.ms < TARGET_MS,
    },
    notes: [
      'Timed: DescribeImages Owners=self (every page) + DescribeImageReferences of the images no other rule keeps + the rules engine, through the SDK into the in-process simulator.',
    ],
  };
}
