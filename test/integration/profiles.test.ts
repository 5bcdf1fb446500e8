// The AWS backend through the SDK's own configuration, as a LocalStack or shared-simulator user
// sets it up: profiles in a temporary shared config (endpoint_url, credential_process,
// role_arn + source_profile) pointed at a simulator this test serves over HTTP. The tree must be
// the one the in-process simulator shows; a connection that fails must not spoil the next one.
import * as assert from 'assert';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { AmiExplorerApi } from '../../src/api';
import type { ExplorerNode } from '../../src/explorer/node';
import type { CleanupPlan } from '../../src/shared/cleanup/engine';
import { DEFAULT_RULES } from '../../src/shared/cleanup/rules';
import { serveSimulator, type SimulatorServer } from '../../src/simulator/server';
import { Simulator } from '../../src/simulator/simulator';
import { SIMULATOR_PROFILES, writeAwsConfigFiles } from '../fixtures/awsConfigFiles';
import { gatedProxy } from './gatedProxy';
import {
  children,
  contextValue,
  freshExplorer,
  item,
  label,
  nodeAt,
  openPanel,
  ready,
  run,
  ScriptedInput,
  setSetting,
  succeeded,
  waitFor,
} from './support';

const CLEARED_ENV = [
  'AWS_PROFILE',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_ENDPOINT_URL',
  'AWS_ENDPOINT_URL_EC2',
  'AWS_ENDPOINT_URL_STS',
];

/** Ids and labels of the tree, four levels deep under us-east-1 (pageSize 5 keeps it small). */
async function treeShape(api: AmiExplorerApi): Promise<string[]> {
  const rows: string[] = [];
  const walk = async (node: ExplorerNode | undefined, depth: number): Promise<void> => {
    for (const child of await children(api, node)) {
      rows.push(`${'  '.repeat(depth)}${child.id} ${label(child)} [${contextValue(child)}]`);
      const expandable = item(child).collapsibleState !== vscode.TreeItemCollapsibleState.None;
      if (expandable && depth < 4) await walk(child, depth + 1);
    }
  };
  await walk(await nodeAt(api, ['us-east-1']), 0);
  return rows;
}

/**
 * A Clean Up dry run of us-east-1 that keeps only what is in use: every owned image's use is asked
 * (DescribeImageReferences, launch templates), none is kept by age or rank first.
 */
async function cleanupDryRun(api: AmiExplorerApi): Promise<CleanupPlan> {
  const panel = await openPanel(api, 'amiExplorer.cleanUpImages', await nodeAt(api, ['us-east-1']), 'cleanup');
  try {
    await ready(panel);
    const rules = {
      images: DEFAULT_RULES.images,
      keep: { newestPerFamily: 0, youngerThanDays: 0, launchedWithinDays: 0, inUse: true },
    };
    const result = await succeeded(panel, { type: 'dryRun', requestId: 'dry', rules });
    return result.plan as CleanupPlan;
  } finally {
    panel.close();
  }
}

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('AWS profiles through the SDK, on a simulator over HTTP', () => {
  let api: AmiExplorerApi;
  let server: SimulatorServer;
  let dir: string;
  let inProcess: string[];
  let inProcessPlan: CleanupPlan;
  const saved: Record<string, string | undefined> = {};
  const env = (name: string, value: string | undefined) => {
    if (!(name in saved)) saved[name] = process.env[name];
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  };
  /** Connect to Endpoint… as a user answers it: the URL, us-east-1, an access key test / test. */
  const connectToEndpoint = async (url: string) => {
    const input = new ScriptedInput().type(url).type('us-east-1').pickLabel('Access key').type('test').type('test');
    api.setUserInput(input);
    await run(api, 'amiExplorer.connectToEndpoint');
    input.assertDone();
  };
  const connect = async (profile: string) => {
    await setSetting('profile', profile);
    await setSetting('backend', 'aws');
  };
  const sameTree = async (what: string) => {
    let last: string[] = [];
    await waitFor(
      what,
      async () => {
        last = await treeShape(api).catch(() => []);
        return last.join('\n') === inProcess.join('\n');
      },
      15_000,
    ).catch((e: Error) => {
      assert.deepStrictEqual(last, inProcess, e.message);
    });
  };

  before(async () => {
    api = await freshExplorer();
    await setSetting('regions', ['us-east-1']);
    inProcess = await treeShape(api);
    assert.ok(inProcess.length > 10, `a real tree to compare: ${inProcess.join('\n')}`);
    inProcessPlan = await cleanupDryRun(api);
    // A second simulator from the same seed, in memory, served like a shared simulator on a host.
    server = await serveSimulator(new Simulator({ pendingDelayMs: 0, instanceTransitionMs: 0 }), 0);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ami-explorer-profiles-'));
    const files = writeAwsConfigFiles(dir, server.url, `http://127.0.0.1:${await closedPort()}`);
    for (const name of CLEARED_ENV) env(name, undefined);
    env('AWS_CONFIG_FILE', files.config);
    env('AWS_SHARED_CREDENTIALS_FILE', files.credentials);
    env('AWS_EC2_METADATA_DISABLED', 'true');
  });

  after(async () => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await setSetting('backend', 'simulator');
    await setSetting('profile', '');
    for (const key of ['endpoint.url', 'endpoint.region', 'endpoint.profile', 'endpoint.accessKeyId']) {
      await setSetting(key, undefined);
    }
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows the same tree through a profile with endpoint_url, and names the endpoint and account', async () => {
    await connect(SIMULATOR_PROFILES.endpoint);
    await sameTree('the tree through sim-endpoint');
    await waitFor('the account in the status bar', () => api.connectionStatusText().includes('123456789012'));
    assert.ok(api.connectionStatusText().includes(SIMULATOR_PROFILES.endpoint));
    await waitFor('the endpoint in the tooltip', () => api.connectionStatusTooltip().includes(server.url));

    // Used by (DescribeImageReferences, launch templates, Auto Scaling) through the same profile.
    const owned = await children(api, await nodeAt(api, ['us-east-1', 'Images', 'Owned by me', 'EBS-backed']));
    let usedBy: ExplorerNode | undefined;
    for (const row of owned.filter((n) => /^image\+available\+owned/.test(contextValue(n)))) {
      const section = (await children(api, row))[0];
      const found = (await children(api, section)).some((r) => contextValue(r) === 'usedBy+launchTemplate');
      if (found) usedBy = section;
    }
    assert.ok(usedBy, 'an owned image on the first page is used by a launch template, read through the profile');
    assert.ok((await children(api, usedBy)).every((r) => contextValue(r) !== 'usedBy+notice'));
  });

  it('plans the same Clean Up through a profile with endpoint_url as in process, use read over HTTP', async () => {
    await connect(SIMULATOR_PROFILES.endpoint);
    await sameTree('the tree through sim-endpoint');
    const plan = await cleanupDryRun(api);
    assert.ok(
      plan.decisions.some((d) => d.reasons.some((r) => r.startsWith('in use:'))),
      'an image is kept because DescribeImageReferences, asked through the profile, says it is in use',
    );
    assert.strictEqual(plan.useUnknown, undefined);
    const summary = (p: CleanupPlan) => ({
      kept: p.decisions
        .filter((d) => !p.removeImageIds.includes(d.imageId))
        .map((d) => `${d.imageId} ${d.reasons.join('; ')}`),
      removed: [...p.removeImageIds].sort(),
      snapshots: p.deleteSnapshotIds,
    });
    assert.deepStrictEqual(summary(plan), summary(inProcessPlan));
  });

  it('shows "All enabled regions" through a profile with endpoint_url, asked of the simulator over HTTP', async () => {
    await connect(SIMULATOR_PROFILES.endpoint);
    await sameTree('the tree through sim-endpoint');
    await setSetting('regions', 'all');
    try {
      await waitFor('the enabled regions as roots', async () => (await children(api)).length === 17, 15_000);
      const roots = (await children(api)).map(label);
      assert.ok(roots.includes('eu-north-1') && !roots.includes('af-south-1'), roots.join());
    } finally {
      await setSetting('regions', ['us-east-1']);
    }
    await sameTree('the tree with the listed region again');
  });

  it('shows the same tree through a credential_process profile', async () => {
    await connect(SIMULATOR_PROFILES.process);
    await sameTree('the tree through sim-process');
  });

  it('shows the same tree through an assume-role profile (role_arn + source_profile)', async () => {
    await connect(SIMULATOR_PROFILES.role);
    await sameTree('the tree through sim-role');
  });

  it('asks for the MFA code of an mfa_serial profile in VS Code, once, and shows the same tree', async () => {
    const input = new ScriptedInput().type('123456');
    api.setUserInput(input);
    try {
      await connect(SIMULATOR_PROFILES.mfa);
      await sameTree('the tree through sim-mfa');
      input.assertDone();
    } finally {
      api.setUserInput(undefined);
    }
  });

  it('shows a failing connection on its own rows, naming the URL, and the next connection works', async () => {
    await connect(SIMULATOR_PROFILES.unreachable);
    let rows: ExplorerNode[] = [];
    await waitFor(
      'an error row naming the endpoint',
      async () => {
        rows = await children(api, await nodeAt(api, ['us-east-1', 'Images', 'Amazon']));
        return rows.length === 1 && contextValue(rows[0]) === 'error';
      },
      30_000,
    );
    assert.match(label(rows[0]), /Cannot reach http:\/\/127\.0\.0\.1:\d+/);
    await connect(SIMULATOR_PROFILES.endpoint);
    await sameTree('the tree after the failed connection');
  });

  it('connects to a custom endpoint with an access key, and shows the same tree', async () => {
    await connectToEndpoint(server.url);
    assert.strictEqual(vscode.workspace.getConfiguration('amiExplorer').get('backend'), 'endpoint');
    await sameTree('the tree through the custom endpoint');
    assert.ok(api.connectionStatusText().includes(new URL(server.url).host));
    api.setUserInput(undefined);
  });

  it("abandons a folder's running load on Refresh: its requests to the endpoint are aborted, and it loads again", async () => {
    // Only the Amazon group's pages wait, from the start: VS Code itself may expand the group as soon
    // as the tree shows it (it remembers expanded rows), so whoever loads it first is held.
    const gate = await gatedProxy(
      server.url,
      (body) => body.includes('Action=DescribeImages') && body.includes('Owner.1=amazon'),
    );
    gate.close();
    try {
      await connectToEndpoint(gate.url);
      let amazon: ExplorerNode | undefined;
      await waitFor(
        'the Amazon group through the gated endpoint',
        async () =>
          (amazon = await nodeAt(api, ['us-east-1', 'Images', 'Amazon']).catch(() => undefined)) !== undefined,
        15_000,
      );
      const loading = children(api, amazon).then(
        () => 'settled',
        () => 'settled',
      );
      await waitFor('the group load waiting at the endpoint', () => gate.held > 0);
      const heldBefore = gate.held;
      await run(api, 'amiExplorer.refresh', amazon);
      // The refreshed row may load again at once (VS Code re-asks an expanded row): those wait too.
      await waitFor('the held requests aborted by the extension', () => gate.aborted >= heldBefore);
      assert.strictEqual(await loading, 'settled', 'the abandoned load does not hang');
      gate.open();
      const fresh = await nodeAt(api, ['us-east-1', 'Images', 'Amazon']);
      const rows = await children(api, fresh);
      assert.deepStrictEqual(
        rows.map(label),
        ['EBS-backed', 'Instance store'],
        'the group loads again after the refresh',
      );
    } finally {
      api.setUserInput(undefined);
      gate.open();
      await setSetting('backend', 'simulator');
      await gate.dispose();
    }
  });

  it('shows a profile connection beside the main one, its row naming the account and the endpoint', async () => {
    await setSetting('connections', [
      {
        id: 'shared',
        label: 'Shared simulator',
        kind: 'profile',
        profile: SIMULATOR_PROFILES.services,
        regions: ['eu-west-1'],
      },
    ]);
    try {
      const row = async () => (await children(api)).find((r) => label(r) === 'Shared simulator');
      await waitFor('the connection row', async () => (await row()) !== undefined, 15_000);
      // Its own profile's endpoint (a services section): the same images as in process.
      const owned = await nodeAt(api, ['Shared simulator', 'eu-west-1', 'Images', 'Owned by me']);
      assert.ok((await children(api, owned)).length > 0, 'the owned images load through the profile');
      const shown = (await row())!;
      assert.strictEqual(item(shown).description, '123456789012');
      const tooltip = item(shown).tooltip;
      // Markdown: the text comes escaped, its spaces as &nbsp;.
      const text = (tooltip instanceof vscode.MarkdownString ? tooltip.value : String(tooltip))
        .replace(/\\/g, '')
        .replace(/&nbsp;/g, ' ');
      assert.match(text, new RegExp(`AWS profile ${SIMULATOR_PROFILES.services}`));
      assert.ok(text.includes(`Endpoint: ${server.url}`), text);
    } finally {
      await setSetting('connections', undefined);
    }
  });
});
