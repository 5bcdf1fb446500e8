// Each context-menu `when` clause of package.json, evaluated against the contextValues the real tree produces.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AmiExplorerApi } from '../../src/api';
import type { ExplorerNode } from '../../src/explorer/node';
import { children, contextValue, freshExplorer, item } from './support';

interface MenuEntry {
  command: string;
  when: string;
}

function menuMatches(entry: MenuEntry, node: ExplorerNode): boolean {
  assert.match(
    entry.when,
    /^view == amiExplorer\.amis && viewItem =~ \/\^.*\$\/$/,
    `${entry.command}: anchored regex on this view`,
  );
  const regex = new RegExp(/viewItem =~ \/(.*)\/$/.exec(entry.when)![1]);
  return regex.test(item(node).contextValue ?? '');
}

describe('context menus', () => {
  let api: AmiExplorerApi;
  let entries: MenuEntry[];
  let nodes: ExplorerNode[];

  before(async () => {
    api = await freshExplorer();
    const pkg = vscode.extensions.getExtension('ami-explorer.ami-explorer')!.packageJSON;
    entries = pkg.contributes.menus['view/item/context'];
    nodes = [];
    const collect = async (node: ExplorerNode | undefined, depth: number) => {
      for (const child of await children(api, node)) {
        nodes.push(child);
        if (depth < 5) await collect(child, depth + 1);
      }
    };
    await collect(undefined, 0);
  });

  const offered = (command: string) =>
    nodes.filter((n) => entries.filter((e) => e.command === command).some((e) => menuMatches(e, n))).map(contextValue);

  it('offers Create Image only on running or stopped EBS-backed instances of the tree', () => {
    const values = new Set(offered('amiExplorer.createImage'));
    assert.deepStrictEqual([...values].sort(), ['instance+running+ebs', 'instance+stopped+ebs']);
    const instanceStore = nodes.filter((n) => /instanceStore$/.test(contextValue(n)));
    assert.ok(instanceStore.length > 0);
  });

  it('offers Deregister and Launch Permissions only on my images, Launch and Copy AMI only on available images', () => {
    const deregister = offered('amiExplorer.deregisterImage');
    assert.ok(deregister.length > 0 && deregister.every((v) => /^image\+[a-z-]+\+owned\+/.test(v)), deregister.join());
    const permissions = offered('amiExplorer.editLaunchPermissions');
    assert.ok(
      permissions.length > 0 && permissions.every((v) => /^image\+(available|pending)\+owned\+/.test(v)),
      permissions.join(),
    );
    for (const command of ['amiExplorer.launchInstance', 'amiExplorer.copyImage']) {
      const values = offered(command);
      assert.ok(
        values.some((v) => v.includes('+notOwned+')) && values.every((v) => v.startsWith('image+available+')),
        `${command}: ${values.join()}`,
      );
    }
  });

  it('offers Copy AMI ID on every image row and on nothing else', () => {
    const images = nodes.filter((n) => /^image\+/.test(contextValue(n)));
    assert.ok(images.length > 20);
    assert.strictEqual(offered('amiExplorer.copyImageId').length, images.length);
  });

  it('offers Leave Shared AMI only on rows under Shared with me, and Create Image from Snapshot on every snapshot row', () => {
    const leave = nodes.filter((n) =>
      entries.filter((e) => e.command === 'amiExplorer.leaveSharedImage').some((e) => menuMatches(e, n)),
    );
    assert.ok(leave.length > 0, 'some shared rows');
    assert.ok(
      leave.every((n) => /\/images\/shared\//.test(n.id)),
      leave.map((n) => n.id).join(),
    );
    const snapshots = nodes.filter((n) => /^snapshot\+/.test(contextValue(n)));
    assert.ok(snapshots.length > 0);
    assert.strictEqual(offered('amiExplorer.createImageFromSnapshot').length, snapshots.length);
  });

  it('offers Start only on stopped and Stop only on running EBS-backed instances', () => {
    assert.ok(offered('amiExplorer.startInstance').every((v) => v === 'instance+stopped+ebs'));
    assert.ok(offered('amiExplorer.stopInstance').every((v) => v === 'instance+running+ebs'));
    assert.ok(offered('amiExplorer.stopInstance').length > 0 && offered('amiExplorer.startInstance').length > 0);
  });

  it('offers Filter on the five owner groups of each region', () => {
    assert.strictEqual(offered('amiExplorer.filterImages').length, 5 * 2);
  });
});
