import * as vscode from 'vscode';
import type { UsageView } from '../shared/imageUsage';
import { launchTemplateText, usageSummary } from '../shared/imageUsage';
import { contextValues } from './contextValues';
import { nodeIds } from './ids';
import type { ExplorerNode, NodeContext } from './node';

/** What a "Used by" section hangs under: an owned image row. */
export interface UsedByOwner extends ExplorerNode {
  readonly region: string;
  readonly imageId: string;
}

/**
 * "Used by" under an owned image row: collapsed, and read only when the user expands it
 * (DescribeImageReferences and the calls behind it cost a few requests per image, too many for
 * every row of a group). An endpoint without the operation shows its message as the only row.
 */
export class UsedBySectionNode implements ExplorerNode {
  readonly id: string;
  /** The last answer, for the section's description once read. */
  private view: UsageView | undefined;

  constructor(
    readonly parent: UsedByOwner,
    private readonly ctx: NodeContext,
  ) {
    this.id = nodeIds.usedBy(parent.id);
  }

  get region(): string {
    return this.parent.region;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Used by'), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.contextValue = contextValues.usedBy;
    item.iconPath = new vscode.ThemeIcon('references');
    item.description = this.view?.available ? usageSummary(this.view.usage) : undefined;
    item.tooltip = vscode.l10n.t(
      'Instances, launch templates, Auto Scaling groups and other resources of this account that use {0}, read when expanded (DescribeImageReferences).',
      this.parent.imageId,
    );
    return item;
  }

  async getChildren(): Promise<ExplorerNode[]> {
    const view = (await this.ctx.insights.usage(this.region, [this.parent.imageId])).get(this.parent.imageId);
    this.view = view;
    if (!view) return [];
    if (!view.available) return [new UsedByRowNode(this, 'notice', 'unavailable', view.reason)];
    const u = view.usage;
    const rows: ExplorerNode[] = [
      ...u.instances.map((id) => new UsedByRowNode(this, 'instance', id, id)),
      ...u.launchTemplates.map(
        (t) => new UsedByRowNode(this, 'launchTemplate', t.launchTemplateId, launchTemplateText(t), t.launchTemplateId),
      ),
      ...u.autoScalingGroups.map(
        (g) =>
          new UsedByRowNode(
            this,
            'autoScalingGroup',
            g.name,
            g.name,
            `${g.launchTemplateId} ${g.launchTemplateVersion ?? '$Default'}`,
          ),
      ),
      ...u.others.map((o) => new UsedByRowNode(this, 'other', o.arn, o.arn, o.resourceType)),
      ...u.notices.map((n, i) => new UsedByRowNode(this, 'notice', `notice-${i}`, n)),
    ];
    return rows.length ? rows : [new UsedByRowNode(this, 'notice', 'none', usageSummary(u))];
  }

  getParent(): ExplorerNode {
    return this.parent;
  }
}

export type UsedByKind = 'instance' | 'launchTemplate' | 'autoScalingGroup' | 'other' | 'notice';

const ICONS: Record<UsedByKind, string> = {
  instance: 'vm',
  launchTemplate: 'file-code',
  autoScalingGroup: 'layers',
  other: 'symbol-reference',
  notice: 'info',
};

/** One resource that uses the image (or a notice). An instance row reveals the instance when clicked. */
export class UsedByRowNode implements ExplorerNode {
  readonly id: string;

  constructor(
    readonly parent: UsedBySectionNode,
    readonly kind: UsedByKind,
    /** The resource's id (instance, launch template), name (group) or ARN. */
    readonly resourceId: string,
    private readonly label: string,
    private readonly description?: string,
  ) {
    this.id = nodeIds.usedByRow(parent.id, kind, resourceId);
  }

  get region(): string {
    return this.parent.region;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = this.description;
    item.contextValue = contextValues.usedByRow(this.kind);
    item.iconPath = new vscode.ThemeIcon(ICONS[this.kind]);
    if (this.kind === 'instance') {
      item.command = {
        command: 'amiExplorer.revealUsedByInstance',
        title: vscode.l10n.t('Reveal Instance'),
        arguments: [this],
      };
    }
    return item;
  }

  getParent(): ExplorerNode {
    return this.parent;
  }
}
