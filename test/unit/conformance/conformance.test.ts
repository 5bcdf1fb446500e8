import * as assert from 'assert';
import { EC2_ACTIONS } from '../../../src/simulator/protocol/registry';
import { DEFAULT_SIMULATOR_ACCOUNT } from '../../../src/simulator/accounts';
import { IMAGE_FILTERS } from '../../../src/simulator/models/imageFilters';
import { INSTANCE_FILTERS } from '../../../src/simulator/models/instances';
import { INSTANCE_IMAGE_METADATA_FILTERS } from '../../../src/simulator/models/instanceImageMetadata';
import { SNAPSHOT_FILTERS } from '../../../src/simulator/models/snapshots';
import {
  LAUNCH_TEMPLATE_FILTERS,
  LAUNCH_TEMPLATE_VERSION_FILTERS,
} from '../../../src/simulator/models/launchTemplateQuery';
import type { FilterDefinitions } from '../../../src/simulator/models/filters';
import type { Simulator } from '../../../src/simulator/simulator';
import { newSimulator } from '../simulator/helpers';
import { ALLOWED } from './allowlist';
import { documentedFilters, operation } from './model';
import { requestParameters } from './probes';
import { call, scenarios, type Scenario } from './scenarios';
import { checkOutput, type ShapeReport } from './shapeCheck';

/**
 * The simulator against EC2's published model (the installed SDK's schemas, enums and API
 * reference text): what it renders, which parameters it acts on, which filters it accepts.
 * Every divergence must be listed with a reason in allowlist.ts; the table shows the coverage.
 */

type Column = 'shape' | 'enums' | 'params' | 'filters';
const table = new Map<string, Record<Column, string>>();
const found = new Set<string>();

function cell(action: string, column: Column, text: string): void {
  let row = table.get(action);
  if (!row) table.set(action, (row = { shape: '-', enums: '-', params: '-', filters: '-' }));
  row[column] = text;
}

function allowed(divergence: string): string | undefined {
  for (const [pattern, reason] of Object.entries(ALLOWED)) {
    if (pattern.endsWith('*') ? divergence.startsWith(pattern.slice(0, -1)) : divergence === pattern) return reason;
  }
  return undefined;
}

/** Records the divergences and returns those the allow-list does not explain. */
function unexplained(divergences: Iterable<string>): string[] {
  const out: string[] = [];
  for (const d of divergences) {
    found.add(d);
    if (!allowed(d)) out.push(d);
  }
  return out;
}

const ACTIONS = Object.keys(EC2_ACTIONS);

describe('conformance with EC2 published model', function () {
  this.timeout(120_000);

  after(() => {
    const rows = [...table].sort(([a], [b]) => a.localeCompare(b));
    const lines = rows.map(([op, r]) => `| ${op} | ${r.shape} | ${r.enums} | ${r.params} | ${r.filters} |`);
    console.log(['', '| operation | shape | enums | params | filters |', '|---|---|---|---|---|', ...lines].join('\n'));
  });

  it('implements only operations the model has', () => {
    assert.deepStrictEqual(
      ACTIONS.filter((a) => !operation(a)),
      [],
    );
  });

  it('renders only members of each output shape, with their types and enum values', () => {
    const sim = newSimulator();
    const reports = new Map<string, ShapeReport>();
    const answered = new Set<string>();
    for (const s of scenarios(sim)) {
      const answer = call(sim, s.action, s.params, s.account);
      if (answer.status !== 200) continue;
      answered.add(s.action);
      let report = reports.get(s.action);
      if (!report) reports.set(s.action, (report = { elements: 0, enumValues: 0, divergences: new Set() }));
      checkOutput(s.action, answer.root, operation(s.action)!.output, report);
    }
    const problems: string[] = [];
    for (const action of ACTIONS) {
      const report = reports.get(action);
      if (!answered.has(action) || !report) {
        problems.push(...unexplained([`shape ${action}: no scenario answered`]));
        cell(action, 'shape', 'not run');
        continue;
      }
      const bad = unexplained(report.divergences);
      problems.push(...bad);
      const shapeIssues = [...report.divergences].filter((d) => d.startsWith('shape')).length;
      const enumIssues = report.divergences.size - shapeIssues;
      cell(action, 'shape', `${report.elements} el${shapeIssues ? `, ${shapeIssues} allowed` : ''}`);
      cell(action, 'enums', `${report.enumValues} val${enumIssues ? `, ${enumIssues} allowed` : ''}`);
    }
    assert.deepStrictEqual(problems, [], 'divergences not in allowlist.ts');
  });

  it('acts on or refuses, by name, every request member (never ignores one)', () => {
    const problems: string[] = [];
    const sim = newSimulator();
    const probed = new Set<string>();
    for (const s of scenarios(sim)) {
      // Probe each operation once, in the state the scenarios before it left; then really run it.
      if (!probed.has(s.action)) problems.push(...probe(sim, s));
      probed.add(s.action);
      call(sim, s.action, s.params, s.account);
    }
    assert.deepStrictEqual(problems, [], 'divergences not in allowlist.ts');
  });

  it('accepts exactly the filters the API reference documents', () => {
    const problems: string[] = [];
    const check = (action: string, defs: FilterDefinitions<never>) => {
      const documented = new Set(documentedFilters(`${action}Request`));
      const accepted = new Set([
        ...Object.keys(defs.exact),
        ...Object.keys(defs.prefixed ?? {}).map((p) => `${p}<key>`),
      ]);
      const missing = [...documented].filter((f) => !accepted.has(f));
      const extra = [...accepted].filter((f) => !documented.has(f));
      const divergences = [
        ...missing.map((f) => `filters ${action} ${f}: documented, refused`),
        ...extra.map((f) => `filters ${action} ${f}: accepted, undocumented`),
      ];
      problems.push(...unexplained(divergences));
      cell(
        action,
        'filters',
        `${documented.size - missing.length}/${documented.size}${extra.length ? ` +${extra.length}` : ''}`,
      );
    };
    check('DescribeImages', IMAGE_FILTERS);
    check('DescribeInstances', INSTANCE_FILTERS);
    check('DescribeSnapshots', SNAPSHOT_FILTERS);
    check('DescribeLaunchTemplates', LAUNCH_TEMPLATE_FILTERS);
    check('DescribeLaunchTemplateVersions', LAUNCH_TEMPLATE_VERSION_FILTERS);
    check('DescribeInstanceImageMetadata', INSTANCE_IMAGE_METADATA_FILTERS);
    assert.deepStrictEqual(problems, [], 'divergences not in allowlist.ts');
  });

  it('lists no divergence that no longer happens', () => {
    const stale = Object.keys(ALLOWED).filter(
      (pattern) =>
        ![...found].some((d) => (pattern.endsWith('*') ? d.startsWith(pattern.slice(0, -1)) : d === pattern)),
    );
    assert.deepStrictEqual(stale, [], 'allowlist.ts entries that match nothing');
  });
});

/**
 * Sends the scenario's request under DryRun once per model member it lacks, each with a
 * plausible value. EC2 validates a request before answering `DryRunOperation`, and so does the
 * simulator: a member it reads is validated or reaches `DryRunOperation`; one it does not
 * implement is refused by name (`UnsupportedOperation`). Any other outcome, or a success
 * (the DryRun flag ignored), is a divergence.
 */
function probe(sim: Simulator, s: Scenario): string[] {
  const account = s.account ?? DEFAULT_SIMULATOR_ACCOUNT;
  const base = { ...s.params, DryRun: 'true' };
  const baseAnswer = call(sim, s.action, base, account);
  if (baseAnswer.code !== 'DryRunOperation') {
    cell(s.action, 'params', 'base failed');
    return unexplained([`params ${s.action}: the base request answers ${baseAnswer.code}: ${baseAnswer.message}`]);
  }
  const divergences: string[] = [];
  let handled = 0;
  let refused = 0;
  const params = requestParameters(operation(s.action)!.input);
  for (const [key, value] of params) {
    if (key in base) {
      handled++;
      continue;
    }
    const context = Object.fromEntries(
      Object.entries(s.context ?? {}).filter(([k]) => k !== key && k.split('.')[0] === key.split('.')[0]),
    );
    const answer = call(sim, s.action, { ...base, ...context, [key]: value }, account);
    if (answer.code === 'UnsupportedOperation' && answer.message?.includes(key)) refused++;
    else if (answer.status === 200) divergences.push(`params ${s.action} ${key}: ignored (DryRun not checked)`);
    else if (answer.code === 'UnsupportedOperation')
      divergences.push(`params ${s.action} ${key}: refused ${answer.message}`);
    else handled++;
  }
  cell(s.action, 'params', `${handled} read, ${refused} refused / ${params.size}`);
  return unexplained(divergences);
}
