import * as vscode from 'vscode';
import type { Snapshot } from '@aws-sdk/client-ec2';
import type { SnapshotUsage } from '../ec2/snapshotUsage';
import { describeError } from '../aws/errors';
import { contextValues } from './contextValues';
import { nodeIds } from './ids';
import { ErrorNode, MessageNode } from './infoNodes';
import type { ExplorerNode, NodeContext } from './node';
import {
  snapshotDescription,
  snapshotLabel,
  snapshotsFolderDescription,
  snapshotTooltip,
} from './snapshotPresentation';

/** The parent a snapshots folder needs: its region row. */
interface RegionRow extends ExplorerNode {
  readonly region: string;
}

/** "Snapshots": the caller's EBS snapshots in a region, unused ones first, with their cost. */
export class SnapshotsFolderNode implements ExplorerNode {
  readonly id: string;

  constructor(
    readonly parent: RegionRow,
    private readonly ctx: NodeContext,
  ) {
    this.id = nodeIds.snapshotsFolder(parent.region);
  }

  get region(): string {
    return this.parent.region;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Snapshots'), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.contextValue = contextValues.snapshotsFolder;
    item.iconPath = new vscode.ThemeIcon('archive');
    const view = this.ctx.model.costs.peekSnapshots(this.region);
    const cost = this.ctx.model.costs.peekCost(this.region);
    item.description = view && cost ? snapshotsFolderDescription(view.usage.length, cost) : undefined;
    item.tooltip = vscode.l10n.t(
      'Your EBS snapshots in {0}. Those no AMI of yours uses are marked unused: they cost storage and can be deleted.',
      this.region,
    );
    return item;
  }

  async getChildren(): Promise<ExplorerNode[]> {
    try {
      const view = await this.ctx.model.costs.snapshots(this.region);
      if (view.usage.length === 0) {
        return [
          new MessageNode(
            this,
            vscode.l10n.t('No snapshots in this region'),
            vscode.l10n.t('Creating an image of an EBS-backed instance makes some'),
          ),
        ];
      }
      return view.usage.map((u) => new SnapshotNode(this, u, this.ctx));
    } catch (error) {
      return [new ErrorNode(this, describeError(error, this.ctx.connection()))];
    }
  }

  getParent(): ExplorerNode {
    return this.parent;
  }
}

/** A snapshot row: marked when no AMI of the caller uses it any more. */
export class SnapshotNode implements ExplorerNode {
  readonly id: string;
  readonly snapshotId: string;

  constructor(
    readonly parent: SnapshotsFolderNode,
    readonly usage: SnapshotUsage,
    private readonly ctx: NodeContext,
  ) {
    this.snapshotId = usage.snapshot.SnapshotId ?? '';
    this.id = nodeIds.snapshot(parent.region, this.snapshotId);
  }

  get region(): string {
    return this.parent.region;
  }

  get snapshot(): Snapshot {
    return this.usage.snapshot;
  }

  get used(): boolean {
    return this.usage.usedBy.length > 0;
  }

  getTreeItem(): vscode.TreeItem {
    const price = this.ctx.model.costs.price();
    const item = new vscode.TreeItem(snapshotLabel(this.snapshot), vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = snapshotDescription(this.usage, price);
    item.tooltip = new vscode.MarkdownString(snapshotTooltip(this.usage, price));
    item.contextValue = contextValues.snapshot(this.used);
    item.iconPath = this.used
      ? new vscode.ThemeIcon('archive')
      : new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
    return item;
  }

  getParent(): ExplorerNode {
    return this.parent;
  }
}
