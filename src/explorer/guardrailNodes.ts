import * as vscode from 'vscode';
import { describeError } from '../aws/errors';
import type { AllowedImagesSettings } from '../ec2/allowedImages';
import type { BinEntry } from '../ec2/recycleBin';
import { counted } from '../shared/plural';
import { contextValues } from './contextValues';
import { nodeIds } from './ids';
import { ErrorNode, MessageNode } from './infoNodes';
import type { ExplorerNode, NodeContext } from './node';

/** The parent these rows need: their region row. */
interface RegionRow extends ExplorerNode {
  readonly region: string;
}

function stateText(state: AllowedImagesSettings['state']): string {
  switch (state) {
    case 'disabled':
      return vscode.l10n.t({ message: 'disabled', comment: ['state of the Allowed AMIs setting'] });
    case 'audit-mode':
      return vscode.l10n.t({ message: 'audit mode', comment: ['state of the Allowed AMIs setting'] });
    case 'enabled':
      return vscode.l10n.t({ message: 'enabled', comment: ['state of the Allowed AMIs setting'] });
  }
}

/** "Allowed AMIs: audit mode · 2 criteria": the region's setting; opens the what-if editor. */
export class AllowedImagesNode implements ExplorerNode {
  readonly id: string;

  constructor(
    readonly parent: RegionRow,
    private readonly ctx: NodeContext,
  ) {
    this.id = nodeIds.allowedImages(parent.region);
  }

  get region(): string {
    return this.parent.region;
  }

  getTreeItem(): vscode.TreeItem {
    const loaded = this.ctx.model.guardrails.peekAllowedImages(this.region);
    const item = new vscode.TreeItem(vscode.l10n.t('Allowed AMIs'), vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.contextValue = contextValues.allowedImages;
    item.command = {
      command: 'amiExplorer.editAllowedImages',
      title: vscode.l10n.t('Edit Allowed AMIs'),
      arguments: [this],
    };
    if (!loaded) {
      item.iconPath = new vscode.ThemeIcon('shield');
      item.description = vscode.l10n.t('loading…');
      return item;
    }
    if (!loaded.ok) {
      const e = describeError(loaded.error, this.ctx.connection());
      item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
      item.description = vscode.l10n.t('unavailable');
      item.tooltip = `${e.message}${e.fix ? `\n\n${e.fix}` : ''}`;
      return item;
    }
    const s = loaded.value;
    const policy = s.managedBy === 'declarative-policy' ? vscode.l10n.t(' · managed by a declarative policy') : '';
    const criteria = counted(s.criteria.length, vscode.l10n.t('{0} criterion'), vscode.l10n.t('{0} criteria'));
    item.description = `${stateText(s.state)} · ${criteria}${policy}`;
    item.iconPath = new vscode.ThemeIcon(
      s.state === 'enabled' ? 'shield' : s.state === 'audit-mode' ? 'eye' : 'circle-slash',
    );
    item.tooltip = new vscode.MarkdownString(
      vscode.l10n.t(
        'Allowed AMIs in {0}: **{1}**, managed by {2}. Enabled: only AMIs meeting the criteria (and your own) can be found and launched; audit mode: every AMI still can, and each is marked allowed or not.\n\nClick to see the criteria and try changes before applying them.',
        this.region,
        stateText(s.state),
        s.managedBy === 'declarative-policy' ? vscode.l10n.t('a declarative policy') : vscode.l10n.t('this account'),
      ),
    );
    return item;
  }

  getParent(): ExplorerNode {
    return this.parent;
  }
}

/** "Recycle Bin": the deregistered AMIs and deleted snapshots retention rules keep recoverable. */
export class RecycleBinFolderNode implements ExplorerNode {
  readonly id: string;

  constructor(
    readonly parent: RegionRow,
    private readonly ctx: NodeContext,
  ) {
    this.id = nodeIds.recycleBin(parent.region);
  }

  get region(): string {
    return this.parent.region;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Recycle Bin'), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.contextValue = contextValues.recycleBinFolder;
    item.iconPath = new vscode.ThemeIcon('trash');
    const loaded = this.ctx.model.guardrails.peekRecycleBin(this.region);
    item.description = loaded ? String(loaded.length) : undefined;
    item.tooltip = vscode.l10n.t(
      'Deregistered AMIs and deleted snapshots that a Recycle Bin retention rule keeps in {0}, until their expiry. Restore one to get it back.',
      this.region,
    );
    return item;
  }

  async getChildren(): Promise<ExplorerNode[]> {
    try {
      const entries = await this.ctx.model.guardrails.recycleBin(this.region);
      if (entries.length === 0) {
        return [
          new MessageNode(
            this,
            vscode.l10n.t('No images in the Recycle Bin'),
            vscode.l10n.t('A retention rule keeps deregistered AMIs here'),
          ),
        ];
      }
      return entries.map((e) => new RecycleBinEntryNode(this, e, this.ctx));
    } catch (error) {
      return [new ErrorNode(this, describeError(error, this.ctx.connection()))];
    }
  }

  getParent(): ExplorerNode {
    return this.parent;
  }
}

/** An AMI or snapshot in the bin, with its expiry; "Restore" puts it back. */
export class RecycleBinEntryNode implements ExplorerNode {
  readonly id: string;

  constructor(
    readonly parent: RecycleBinFolderNode,
    readonly entry: BinEntry,
    private readonly ctx: NodeContext,
  ) {
    this.id = nodeIds.recycleBinEntry(parent.region, entry.id);
  }

  get region(): string {
    return this.parent.region;
  }

  getTreeItem(): vscode.TreeItem {
    const e = this.entry;
    const label = e.kind === 'image' ? (e.name ?? e.id) : e.id;
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.contextValue = contextValues.recycleBinEntry(e.kind);
    item.iconPath = new vscode.ThemeIcon(e.kind === 'image' ? 'device-desktop' : 'archive');
    item.description = [e.kind === 'image' ? e.id : e.description, expiryText(e.exitTime, this.ctx.now())]
      .filter(Boolean)
      .join(' · ');
    item.tooltip = new vscode.MarkdownString().appendText(
      [
        e.kind === 'image'
          ? vscode.l10n.t('AMI {0} in the Recycle Bin', e.id)
          : vscode.l10n.t('Snapshot {0} in the Recycle Bin', e.id),
        e.description ?? '',
        e.enterTime ? vscode.l10n.t('Entered: {0}', e.enterTime.toISOString()) : '',
        e.exitTime ? vscode.l10n.t('Deleted for good at: {0}', e.exitTime.toISOString()) : '',
        vscode.l10n.t('Restore it from the context menu.'),
      ]
        .filter(Boolean)
        .join('\n\n'),
    );
    return item;
  }

  getParent(): ExplorerNode {
    return this.parent;
  }
}

/** "expires in 6 days" / "expires in 5 hours" / "expires 2026-12-01". */
export function expiryText(exit: Date | undefined, now: number): string | undefined {
  if (!exit) return undefined;
  const ms = exit.getTime() - now;
  if (ms <= 0) return vscode.l10n.t('expiring');
  // Rounded up: a 7-day rule shows "7 days" just after the deletion, not "6".
  const hours = Math.ceil(ms / 3_600_000);
  if (hours < 48)
    return vscode.l10n.t('expires in {0}', counted(hours, vscode.l10n.t('{0} hour'), vscode.l10n.t('{0} hours')));
  const days = Math.ceil(ms / 86_400_000);
  return vscode.l10n.t('expires in {0}', counted(days, vscode.l10n.t('{0} day'), vscode.l10n.t('{0} days')));
}
