// Several connections side by side: two simulator accounts with their own trees, a failing
// connection beside working ones, and a command started on the second connection's row acting
// on that connection. Connections come from `amiExplorer.connections` (Add Connection writes it).
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { AmiExplorerApi, PanelDriver } from '../../src/api';
import type { ExplorerNode } from '../../src/explorer/node';
import {
  children,
  contextValue,
  description,
  freshExplorer,
  imageRows,
  label,
  openPanel,
  ready,
  run,
  ScriptedInput,
  setSetting,
  succeeded,
  waitFor,
} from './support';
import type { CopyImageInit } from '../../src/shared/protocol/copyImage';
import type { LaunchPermissionsInit } from '../../src/shared/protocol/launchPermissions';

const PARTNER = '210987654321';
const DEFAULT = '123456789012';
const partner = { id: 'partner', label: 'Partner', kind: 'simulator', account: PARTNER, regions: ['us-east-1'] };

async function rootLabels(api: AmiExplorerApi): Promise<string> {
  return (await children(api)).map(label).join();
}

async function child(api: AmiExplorerApi, node: ExplorerNode, wanted: string): Promise<ExplorerNode> {
  const rows = await children(api, node);
  const row = rows.find((r) => label(r) === wanted);
  assert.ok(row, `no "${wanted}" under ${label(node)}: ${rows.map(label).join(', ')}`);
  return row;
}

async function under(api: AmiExplorerApi, path: string[]): Promise<ExplorerNode> {
  let node = (await children(api)).find((r) => label(r) === path[0]);
  assert.ok(node, `no root "${path[0]}"`);
  for (const name of path.slice(1)) node = await child(api, node, name);
  return node;
}

describe('several connections', () => {
  let api: AmiExplorerApi;
  let dir: string;
  const saved: Record<string, string | undefined> = {};

  before(async () => {
    api = await freshExplorer();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ami-explorer-conns-'));
    fs.writeFileSync(path.join(dir, 'config'), '[profile expired-team]\nregion = us-east-1\n');
    fs.writeFileSync(path.join(dir, 'credentials'), '');
    for (const [name, value] of Object.entries({
      AWS_CONFIG_FILE: path.join(dir, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_ACCESS_KEY_ID: '',
      AWS_SECRET_ACCESS_KEY: '',
    })) {
      saved[name] = process.env[name];
      process.env[name] = value;
    }
  });

  after(async () => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await setSetting('connections', undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the regions as roots, with their ids, while there is one connection', async () => {
    const roots = await children(api);
    assert.deepStrictEqual(roots.map(label), ['us-east-1', 'eu-west-1']);
    assert.strictEqual(api.tree.getTreeItem(roots[0]).id, 'us-east-1');
  });

  it('shows two simulator accounts side by side, each with its own tree', async () => {
    await setSetting('connections', [partner]);
    await waitFor('connection rows', async () => (await rootLabels(api)) === 'Simulator,Partner');
    const [mine, theirs] = await children(api);
    assert.strictEqual(contextValue(mine), 'connection+primary');
    assert.strictEqual(contextValue(theirs), 'connection+added');
    assert.deepStrictEqual((await children(api, mine)).map(label), ['us-east-1', 'eu-west-1']);
    assert.deepStrictEqual((await children(api, theirs)).map(label), ['us-east-1']);
    await waitFor('the accounts on the rows', () => description(mine) === DEFAULT && description(theirs) === PARTNER);

    // The primary's rows keep today's ids; the other connection's are prefixed, in the tree only.
    const myOwn = await under(api, ['Simulator', 'us-east-1', 'Images', 'Owned by me']);
    const theirOwn = await under(api, ['Partner', 'us-east-1', 'Images', 'Owned by me']);
    assert.strictEqual(api.tree.getTreeItem(myOwn).id, 'us-east-1/images/self');
    assert.strictEqual(api.tree.getTreeItem(theirOwn).id, 'conn/partner/us-east-1/images/self');

    const names = async (group: ExplorerNode) => {
      const rows: string[] = [];
      for (const rt of await children(api, group)) rows.push(...(await imageRows(api, rt)).map(label));
      return rows;
    };
    const myImages = await names(myOwn);
    const theirImages = await names(theirOwn);
    assert.ok(theirImages.includes('partner-internal-ci-runner'), theirImages.join());
    assert.ok(!myImages.includes('partner-internal-ci-runner'), 'the default account does not own it');
    assert.ok(myImages.includes('ci-build-agent-2026.10'), myImages.join());

    // Each row resolves by its tree-wide id.
    const resolved = await api.resolve('conn/partner/us-east-1/images/self');
    assert.ok(resolved && label(resolved) === 'Owned by me');
  });

  it("runs a command started on the second connection's row on that connection", async () => {
    const instances = await under(api, ['Partner', 'us-east-1', 'Instances']);
    const rows = await children(api, instances);
    const etl = rows.find((r) => label(r).startsWith('partner-etl'));
    assert.ok(etl, rows.map(label).join());
    assert.strictEqual(contextValue(etl), 'instance+running+ebs');
    api.setUserInput(new ScriptedInput().accept());
    // On the primary connection (the default account) EC2 would not know this instance.
    await run(api, 'amiExplorer.stopInstance', etl);
    await waitFor('the partner instance stopping', () => /stopping|stopped/.test(contextValue(etl) + description(etl)));
    const mine = await children(api, await under(api, ['Simulator', 'us-east-1', 'Instances']));
    assert.ok(!mine.some((r) => label(r).startsWith('partner-etl')), 'the default account does not see it');
  });

  it("offers the other connection's account in Launch Permissions, and shares with it", async () => {
    const ebs = await under(api, ['Simulator', 'us-east-1', 'Images', 'Owned by me', 'EBS-backed']);
    const rows = await imageRows(api, ebs);
    // Shared with nobody in the seed, and not deprecated (EC2 hides others' deprecated AMIs).
    const image = rows.find((r) => label(r) === 'windows-2022-iis-golden');
    assert.ok(image, rows.map(label).join());
    const panel = await openPanel(api, 'amiExplorer.editLaunchPermissions', image, 'launchPermissions');
    const init = await ready<LaunchPermissionsInit>(panel);
    assert.deepStrictEqual(init.connectionAccounts, [{ accountId: PARTNER, label: 'Partner' }]);
    await succeeded(panel, {
      type: 'submit',
      requestId: 'share',
      params: { ...init.current, accounts: [...new Set([...init.current.accounts, PARTNER])] },
    });
    panel.close();
    // The partner connection now sees it under "Shared with me".
    await run(api, 'amiExplorer.refresh', await under(api, ['Partner', 'us-east-1', 'Images']));
    const shared = await under(api, ['Partner', 'us-east-1', 'Images', 'Shared with me', 'EBS-backed']);
    const sharedRows = await imageRows(api, shared);
    assert.ok(
      sharedRows.some((r) => label(r) === 'windows-2022-iis-golden'),
      sharedRows.map(label).join(),
    );
  });

  it("copies an image shared with the other connection's account into that account", async () => {
    const ebs = await under(api, ['Simulator', 'us-east-1', 'Images', 'Owned by me', 'EBS-backed']);
    // The seed shares it with the partner account, which can therefore copy it.
    const image = (await imageRows(api, ebs)).find((r) => label(r) === 'ci-build-agent-2026.10');
    assert.ok(image);
    const panel = await openPanel(api, 'amiExplorer.copyImage', image, 'copyImage');
    const init = await ready<CopyImageInit>(panel);
    assert.deepStrictEqual(
      init.destinations?.map((d) => [d.connectionId, d.accountId, d.regions]),
      [['partner', PARTNER, ['us-east-1']]],
    );
    const result = await succeeded(panel, {
      type: 'submit',
      requestId: 'copy',
      params: {
        destinationConnection: 'partner',
        destinationRegion: 'us-east-1',
        name: 'partner-copy-of-web-base',
        description: '',
        encrypted: false,
        kmsKeyId: '',
        copyImageTags: false,
        acknowledgeUnknownPublisher: false,
      },
    });
    panel.close();
    assert.strictEqual(result.connectionLabel, 'Partner');
    await api.settle();
    const theirs = await under(api, ['Partner', 'us-east-1', 'Images', 'Owned by me', 'EBS-backed']);
    await waitFor('the copy under the partner connection', async () =>
      (await imageRows(api, theirs)).some((r) => label(r) === 'partner-copy-of-web-base'),
    );
    const mine = await imageRows(api, ebs);
    assert.ok(!mine.some((r) => label(r) === 'partner-copy-of-web-base'), 'the copy belongs to the partner account');
  });

  it('shows a failing connection on its own row with what to do, and the others keep working', async () => {
    await setSetting('connections', [
      partner,
      { id: 'team', label: 'Team', kind: 'profile', profile: 'expired-team', regions: ['us-east-1'] },
    ]);
    await waitFor('three connection rows', async () => (await rootLabels(api)) === 'Simulator,Partner,Team');
    const team = (await children(api))[2];
    const rows = await children(api, team);
    assert.strictEqual(rows.length, 1);
    assert.strictEqual(contextValue(rows[0]), 'error');
    assert.match(label(rows[0]), /profile "expired-team"/);
    assert.match(description(rows[0]), /--profile expired-team/);
    assert.strictEqual(contextValue(team), 'connection+added+failed');

    const amazon = await under(api, ['Simulator', 'eu-west-1', 'Images', 'Amazon']);
    assert.ok((await children(api, amazon)).length > 0, 'the primary connection still loads');
    const partnerAmazon = await under(api, ['Partner', 'us-east-1', 'Images', 'Amazon']);
    assert.ok((await children(api, partnerAmazon)).length > 0, 'the other connection still loads');
  });

  it('adds a connection from the toolbar and removes it from its row', async () => {
    await setSetting('connections', undefined);
    await waitFor('regions as roots again', async () => (await rootLabels(api)) === 'us-east-1,eu-west-1');
    const input = new ScriptedInput()
      .pickLabel('Simulator account')
      .pickLabel('Partner')
      .pickLabel('All enabled regions')
      .type('Partner account');
    api.setUserInput(input);
    await run(api, 'amiExplorer.addConnection');
    input.assertDone();
    await waitFor('the added connection', async () => (await rootLabels(api)) === 'Simulator,Partner account');
    const added = (await children(api))[1];
    const regions = (await children(api, added)).map(label);
    // The 17 regions enabled by default, none of the opt-in ones the account has not enabled.
    assert.ok(regions.length === 17 && regions.includes('sa-east-1'), `all enabled regions: ${regions.join()}`);
    assert.ok(!regions.includes('af-south-1'), `an opt-in region the account did not enable: ${regions.join()}`);

    api.setUserInput(new ScriptedInput());
    await run(api, 'amiExplorer.removeConnection', added);
    await waitFor('regions as roots again', async () => (await rootLabels(api)) === 'us-east-1,eu-west-1');
  });

  it('says in the panel that its connection was removed, when open and when VS Code restores it', async () => {
    const removedMessage = /connection "partner" was removed/;
    const refusalOf = async (panel: PanelDriver): Promise<string> => {
      await waitFor(`the ${panel.kind} webview to load`, () => panel.webviewLoaded(), 15_000);
      const posted = await panel.post({ type: 'ready' });
      assert.ok(!posted.some((m) => m.type === 'init'), JSON.stringify(posted));
      const refused = posted.find((m) => m.type === 'refused');
      return refused?.type === 'refused' ? refused.message : '';
    };
    const detailsPanels = () => api.panels().filter((p) => p.kind === 'imageDetails');

    await setSetting('connections', [partner]);
    await waitFor('connection rows', async () => (await rootLabels(api)) === 'Simulator,Partner');
    const owned = await under(api, ['Partner', 'us-east-1', 'Images', 'Owned by me']);
    const images: ExplorerNode[] = [];
    for (const rootType of await children(api, owned)) images.push(...(await imageRows(api, rootType)));
    const image = images.find((r) => label(r) === 'partner-internal-ci-runner');
    assert.ok(image, images.map(label).join());
    const panel = await openPanel(api, 'amiExplorer.showImageDetails', image, 'imageDetails');
    await ready(panel);
    assert.strictEqual(panel.args.connection, 'partner');
    const saved = { args: panel.args };

    // Removed while open: the panel reloads and says so instead of calling a disposed connection.
    await setSetting('connections', undefined);
    await waitFor('regions as roots again', async () => (await rootLabels(api)) === 'us-east-1,eu-west-1');
    const [open] = detailsPanels();
    assert.match(await refusalOf(open), removedMessage);
    open.close();

    // Restored by VS Code after a reload, from the state its webview saved.
    api.restorePanel(saved);
    const [restored] = detailsPanels();
    assert.ok(restored, 'the restored panel stays open');
    assert.match(await refusalOf(restored), removedMessage);
    assert.deepStrictEqual(api.takeErrors(), []);

    // The connection added again (same id): the panel works again.
    await setSetting('connections', [partner]);
    await waitFor('connection rows', async () => (await rootLabels(api)) === 'Simulator,Partner');
    const [back] = detailsPanels();
    await waitFor('the reloaded webview', () => back.webviewLoaded(), 15_000);
    await ready(back);
    back.close();
  });
});
