/**
 * `npm run bench`: what the embedded simulator costs, measured in one run.
 *
 * Sections (each one function returning a {@link Section}; add more, e.g. extension
 * activation, time to first rows, vsix size, by appending to {@link SECTIONS}):
 *
 * 1. simulatorBuild: time to construct a simulator whose us-east-1 catalog has 100,000 images.
 * 2. describeImagesVsFloor: DescribeImages through the real SDK against the simulator versus the
 *    "floor": the same SDK call whose request handler returns a canned response (the simulator's
 *    own response bytes for that request, rendered once beforehand). Both paths pay the SDK's
 *    serialisation, signing, middleware and XML parsing; the difference is what the simulator
 *    adds (Query parsing, lookup/filtering, XML rendering). Rows:
 *      - ImageIds × N (1, 1,000, 10,000): exactly N images, independent of the catalog's shape.
 *      - paged listing: ExecutableUsers=all + architecture filter in the 100,000-image region,
 *        MaxResults=1000, following NextToken for 1 page (1,000 images) and 10 pages (10,000),
 *        as the explorer pages; the floor replays the same pages.
 *    Simulator and floor iterations alternate (so drift hits both), after warm-up; medians.
 * 3. filteredQuery: a filtered DescribeImages over the 100,000-image region
 *    (name=ubuntu*22.04*arm64*, architecture=arm64): median through the SDK and the
 *    simulator's own time (handleSync without the SDK).
 *
 * 4–6. bundleLoad, extensionInVsCode, vsixSize (test/bench/extensionSections.ts): activation,
 *    first rows of a region, loading 1,000 / 10,000 AMIs into a group, the .vsix size.
 *
 * Targets (reported, never asserted): simulator/floor ≤ 1.25; filtered query < 50 ms.
 * Results go to stdout as tables and to test-results/bench.json.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { DescribeImagesCommand, EC2Client, type DescribeImagesCommandInput } from '@aws-sdk/client-ec2';
import type { HttpRequest, HttpResponse, RequestHandler } from '@smithy/types';
import { DEFAULT_SIMULATOR_ACCOUNT } from '../../src/simulator/accounts';
import { SimulatorRequestHandler } from '../../src/simulator/inProcessHandler';
import { Simulator, type SimRequest } from '../../src/simulator/simulator';
import { bundleLoad, extensionInVsCode, vsixSize } from './extensionSections';
import { cleanupDryRun } from './cleanupSection';

const ROOT = path.resolve(__dirname, '../..');
const REGION = 'us-east-1';
const LARGE = 100_000;
const RATIO_TARGET = 1.25;
const FILTERED_TARGET_MS = 50;

/** One section of the report: a title, a table, and the raw numbers for the JSON file. */
export interface Section {
  id: string;
  title: string;
  /** Column headers and rows for the printed table. */
  columns: string[];
  rows: (string | number)[][];
  /** Machine-readable results (written to test-results/bench.json under `id`). */
  data: unknown;
  notes?: string[];
}

/** Shared between sections so the 100,000-image simulator is built once. */
export interface BenchContext {
  sim: Simulator;
  buildMs: number;
}

// ---------------------------------------------------------------------------------------------
// Measuring helpers

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

/** Wall-clock and CPU time (this process, all threads) of one run, in ms. */
interface Timing {
  wall: number;
  cpu: number;
}

async function timeBoth(fn: () => Promise<unknown>): Promise<Timing> {
  const c = process.cpuUsage();
  const t = performance.now();
  await fn();
  const wall = performance.now() - t;
  const used = process.cpuUsage(c);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

/**
 * Runs `a` and `b` alternately (warm-up first), returning the per-iteration times of each.
 * Everything runs in this process without I/O, so CPU time is the work done; on a busy machine
 * it stays meaningful while wall-clock time also counts the time other processes had the CPU.
 */
async function alternate(
  warmup: number,
  iterations: number,
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
): Promise<{ a: Timing[]; b: Timing[] }> {
  for (let i = 0; i < warmup; i++) {
    await a();
    await b();
  }
  const out = { a: [] as Timing[], b: [] as Timing[] };
  for (let i = 0; i < iterations; i++) {
    // Swap the order every other iteration so neither side always runs right after a GC-heavy one.
    if (i % 2 === 0) {
      out.a.push(await timeBoth(a));
      out.b.push(await timeBoth(b));
    } else {
      out.b.push(await timeBoth(b));
      out.a.push(await timeBoth(a));
    }
  }
  return out;
}

const fmt = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(3));

// ---------------------------------------------------------------------------------------------
// Clients

const credentials = {
  accessKeyId: DEFAULT_SIMULATOR_ACCOUNT.accessKeyId,
  secretAccessKey: DEFAULT_SIMULATOR_ACCOUNT.secretAccessKey,
};

function client(requestHandler: RequestHandler<HttpRequest, HttpResponse>): EC2Client {
  return new EC2Client({ region: REGION, credentials, requestHandler, maxAttempts: 1 });
}

/**
 * The floor: a request handler that answers with canned bytes, in order (page 1, page 2, … then
 * again from page 1). It does the minimum any handler must: hand the SDK a status, headers and the body.
 */
class CannedHandler implements RequestHandler<HttpRequest, HttpResponse> {
  readonly metadata = { handlerProtocol: 'http/1.1' };
  private next = 0;

  constructor(private readonly pages: { status: number; headers: Record<string, string>; body: Buffer }[]) {}

  async handle(_request: HttpRequest): Promise<{ response: HttpResponse }> {
    const page = this.pages[this.next];
    this.next = (this.next + 1) % this.pages.length;
    // The bytes, as the simulator's in-process handler hands them over (the SDK reads them as they are).
    return { response: { statusCode: page.status, headers: { ...page.headers }, body: page.body } };
  }

  updateHttpClientConfig(): void {}
  httpHandlerConfigs(): Record<string, never> {
    return {};
  }
}

/**
 * Records what the simulator answers to the exact requests the SDK sends (through a handler
 * that passes them on and keeps the response bytes): those become the floor's canned pages.
 */
class RecordingHandler extends SimulatorRequestHandler {
  readonly recorded: { status: number; headers: Record<string, string>; body: Buffer }[] = [];

  override async handle(request: HttpRequest): Promise<{ response: HttpResponse }> {
    const { response } = await super.handle(request);
    const body = Buffer.from(response.body as Uint8Array);
    this.recorded.push({
      status: response.statusCode,
      headers: { ...(response.headers as Record<string, string>) },
      body,
    });
    return { response: { ...response, body } };
  }
}

/** Sends the input, following NextToken for `pages` pages (1 = a single call); returns the image count. */
async function describe(c: EC2Client, input: DescribeImagesCommandInput, pages: number): Promise<number> {
  let count = 0;
  let token: string | undefined;
  for (let p = 0; p < pages; p++) {
    const out = await c.send(new DescribeImagesCommand({ ...input, NextToken: token }));
    count += out.Images?.length ?? 0;
    token = out.NextToken;
    if (!token && p < pages - 1) throw new Error(`only ${p + 1} pages for ${JSON.stringify(input)}`);
  }
  return count;
}

// ---------------------------------------------------------------------------------------------
// Sections

function simulatorBuild(ctx: BenchContext): Section {
  return {
    id: 'simulatorBuild',
    title: `Building the simulator with ${LARGE.toLocaleString('en')} images in ${REGION}`,
    columns: ['what', 'ms'],
    rows: [['new Simulator({ largeRegionImages: 100000 })', fmt(ctx.buildMs)]],
    data: { images: LARGE, ms: ctx.buildMs },
  };
}

interface Case {
  label: string;
  input: DescribeImagesCommandInput;
  pages: number;
  expected: number;
  warmup: number;
  iterations: number;
}

async function describeImagesVsFloor(ctx: BenchContext): Promise<Section> {
  const catalogIds = (
    await client(new SimulatorRequestHandler(ctx.sim)).send(
      new DescribeImagesCommand({ ExecutableUsers: ['all'], IncludeDeprecated: true, MaxResults: 1000 }),
    )
  ).Images!.map((i) => i.ImageId!);
  // 10,000 distinct ids: page through the public catalog.
  const ids: string[] = [];
  {
    let token: string | undefined;
    const c = client(new SimulatorRequestHandler(ctx.sim));
    while (ids.length < 10_000) {
      const out = await c.send(
        new DescribeImagesCommand({
          ExecutableUsers: ['all'],
          IncludeDeprecated: true,
          MaxResults: 1000,
          NextToken: token,
        }),
      );
      for (const i of out.Images ?? []) ids.push(i.ImageId!);
      token = out.NextToken;
      if (!token) break;
    }
  }
  if (ids.length < 10_000 || catalogIds.length === 0)
    throw new Error(`the large catalog has too few images (${ids.length})`);

  const listing: DescribeImagesCommandInput = {
    ExecutableUsers: ['all'],
    Filters: [{ Name: 'architecture', Values: ['x86_64'] }],
    MaxResults: 1000,
  };
  const cases: Case[] = [
    {
      label: 'ImageIds × 1',
      input: { ImageIds: ids.slice(0, 1) },
      pages: 1,
      expected: 1,
      warmup: 100,
      iterations: 400,
    },
    {
      label: 'ImageIds × 1,000',
      input: { ImageIds: ids.slice(0, 1000) },
      pages: 1,
      expected: 1000,
      warmup: 5,
      iterations: 40,
    },
    // No 'ImageIds × 10,000' case: one list parameter carries at most 1,000 entries since the
    // simulator bounds each request's work (protocol/limits.ts); 10,000 images are timed as pages below.
    { label: 'listing, 1 page of 1,000', input: listing, pages: 1, expected: 1000, warmup: 3, iterations: 20 },
    { label: 'listing, 10 pages of 1,000', input: listing, pages: 10, expected: 10_000, warmup: 2, iterations: 12 },
  ];

  const rows: (string | number)[][] = [];
  const data: unknown[] = [];
  for (const k of cases) {
    const recorder = new RecordingHandler(ctx.sim);
    const got = await describe(client(recorder), k.input, k.pages);
    if (got !== k.expected) throw new Error(`${k.label}: expected ${k.expected} images, got ${got}`);
    const simClient = client(new SimulatorRequestHandler(ctx.sim));
    const floorClient = client(new CannedHandler(recorder.recorded));
    const t = await alternate(
      k.warmup,
      k.iterations,
      () => describe(simClient, k.input, k.pages),
      () => describe(floorClient, k.input, k.pages),
    );
    // The simulator's own share: the same requests answered without the SDK around them.
    const requests = await capturedRequests(ctx.sim, k.input, k.pages);
    const simOnly: number[] = [];
    for (let i = 0; i < Math.max(3, Math.min(k.iterations, 20)); i++) {
      simOnly.push(
        await time(async () => {
          for (const r of requests) ctx.sim.handleSync(r);
        }),
      );
    }
    const simMs = median(t.a.map((x) => x.wall));
    const floorMs = median(t.b.map((x) => x.wall));
    const simCpu = median(t.a.map((x) => x.cpu));
    const floorCpu = median(t.b.map((x) => x.cpu));
    const ratio = simCpu / floorCpu;
    const wallRatio = simMs / floorMs;
    const bytes = recorder.recorded.reduce((n, p) => n + p.body.length, 0);
    rows.push([
      k.label,
      k.expected,
      fmt(floorCpu),
      fmt(simCpu),
      fmt(simCpu - floorCpu),
      ratio.toFixed(3),
      ratio <= RATIO_TARGET ? 'ok' : 'OVER',
      `${fmt(floorMs)} / ${fmt(simMs)}`,
      wallRatio.toFixed(3),
      fmt(median(simOnly)),
      (bytes / 1024 / 1024).toFixed(2),
    ]);
    data.push({
      case: k.label,
      images: k.expected,
      pages: k.pages,
      iterations: k.iterations,
      floorCpuMedianMs: floorCpu,
      simulatorCpuMedianMs: simCpu,
      ratio,
      target: RATIO_TARGET,
      withinTarget: ratio <= RATIO_TARGET,
      floorWallMedianMs: floorMs,
      simulatorWallMedianMs: simMs,
      wallRatio,
      simulatorOnlyMedianMs: median(simOnly),
      responseBytes: bytes,
    });
  }
  return {
    id: 'describeImagesVsFloor',
    title: 'DescribeImages through the SDK: simulator vs canned response (floor)',
    columns: [
      'case',
      'images',
      'floor cpu ms',
      'sim cpu ms',
      'added',
      'ratio',
      `≤ ${RATIO_TARGET}`,
      'wall ms floor / sim',
      'wall ratio',
      'sim only ms',
      'MiB',
    ],
    rows,
    data,
    notes: [
      "floor = the same SDK call with a request handler returning the simulator's own response bytes, rendered once",
      'sim only = Simulator.handleSync for the same request(s), without the SDK (parsing, filtering, rendering), wall ms',
      'ratio = median CPU time simulator / floor (robust when other processes share the machine); wall ratio for reference',
    ],
  };
}

/** The exact requests the SDK sends for `input` (all pages), as the simulator receives them. */
async function capturedRequests(
  sim: Simulator,
  input: DescribeImagesCommandInput,
  pages: number,
): Promise<SimRequest[]> {
  const requests: SimRequest[] = [];
  const original = sim.handle.bind(sim);
  sim.handle = async (r: SimRequest) => {
    requests.push(r);
    return original(r);
  };
  try {
    await describe(client(new SimulatorRequestHandler(sim)), input, pages);
  } finally {
    sim.handle = original;
  }
  return requests;
}

async function filteredQuery(ctx: BenchContext): Promise<Section> {
  const input: DescribeImagesCommandInput = {
    Filters: [
      { Name: 'name', Values: ['ubuntu*22.04*arm64*'] },
      { Name: 'architecture', Values: ['arm64'] },
    ],
  };
  const c = client(new SimulatorRequestHandler(ctx.sim));
  const first = await c.send(new DescribeImagesCommand(input));
  const found = first.Images?.length ?? 0;
  const [request] = await capturedRequests(ctx.sim, input, 1);
  const sdk: Timing[] = [];
  const own: Timing[] = [];
  for (let i = 0; i < 5; i++) await c.send(new DescribeImagesCommand(input));
  for (let i = 0; i < 30; i++) {
    sdk.push(await timeBoth(() => c.send(new DescribeImagesCommand(input))));
    own.push(await timeBoth(async () => ctx.sim.handleSync(request)));
  }
  const sdkMs = median(sdk.map((x) => x.wall));
  const ownMs = median(own.map((x) => x.wall));
  const row = (label: string, t: Timing[], wall: number) => [
    label,
    fmt(wall),
    fmt(median(t.map((x) => x.cpu))),
    fmt(Math.max(...t.map((x) => x.wall))),
    wall < FILTERED_TARGET_MS ? 'ok' : 'OVER',
    found,
  ];
  return {
    id: 'filteredQuery',
    title: `Filtered DescribeImages over ${LARGE.toLocaleString('en')} images (name=ubuntu*22.04*arm64*, architecture=arm64)`,
    columns: ['path', 'median ms', 'cpu ms', 'max ms', `< ${FILTERED_TARGET_MS} ms`, 'images found'],
    rows: [row('SDK → simulator (in process)', sdk, sdkMs), row('simulator only (handleSync)', own, ownMs)],
    data: {
      filters: input.Filters,
      imagesFound: found,
      sdkMedianMs: sdkMs,
      simulatorOnlyMedianMs: ownMs,
      targetMs: FILTERED_TARGET_MS,
      withinTarget: sdkMs < FILTERED_TARGET_MS,
    },
  };
}

/**
 * The sections of the report, in order. The lead adds the extension's metrics (activation time,
 * first rows in the explorer, vsix size) here as more functions of the same shape.
 */
export const SECTIONS: ((ctx: BenchContext) => Section | Promise<Section>)[] = [
  simulatorBuild,
  describeImagesVsFloor,
  filteredQuery,
  bundleLoad,
  extensionInVsCode,
  vsixSize,
  // Issue 13 item 3.
  cleanupDryRun,
];

// ---------------------------------------------------------------------------------------------
// Report

function printTable(section: Section): void {
  const cells = [section.columns, ...section.rows.map((r) => r.map(String))];
  const widths = section.columns.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    '| ' + r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ') + ' |';
  console.log(`\n${section.title}`);
  console.log(line(cells[0]));
  console.log('|' + widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : '-'.repeat(w + 1) + ':')).join('|') + '|');
  for (const r of cells.slice(1)) console.log(line(r));
  for (const n of section.notes ?? []) console.log(`  ${n}`);
}

async function main(): Promise<void> {
  const cores = os.cpus().length;
  const loadBefore = os.loadavg()[0];
  console.log(
    `AMI Explorer simulator benchmark — node ${process.version}, ${process.platform}/${process.arch}, ${cores} cores, load ${loadBefore.toFixed(1)}`,
  );
  if (loadBefore > cores)
    console.log('  (the machine is busy: wall-clock times are inflated; the ratios use CPU time)');
  const t = performance.now();
  const sim = new Simulator({ largeRegionImages: LARGE, largeRegion: REGION, pendingDelayMs: 0 });
  const buildMs = performance.now() - t;
  const ctx: BenchContext = { sim, buildMs };
  const results: Record<string, unknown> = {};
  // BENCH_ONLY=cleanupDryRun,filteredQuery runs only those sections (by function name).
  const only = process.env.BENCH_ONLY?.split(',').filter(Boolean);
  for (const section of SECTIONS.filter((f) => !only || only.includes(f.name))) {
    const s = await section(ctx);
    printTable(s);
    results[s.id] = s.data;
  }
  const out = path.join(ROOT, 'test-results', 'bench.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const machine = { cores, loadAverageBefore: loadBefore, loadAverageAfter: os.loadavg()[0] };
  fs.writeFileSync(
    out,
    JSON.stringify({ date: new Date().toISOString(), node: process.version, machine, results }, null, 2) + '\n',
  );
  console.log(`\nwritten to ${path.relative(ROOT, out)}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
