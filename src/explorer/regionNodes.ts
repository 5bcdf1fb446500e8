import * as vscode from 'vscode';
import { OWNER_GROUPS } from '../ec2/ownerGroups';
import { describeError } from '../aws/errors';
import { contextValues } from './contextValues';
import { nodeIds } from './ids';
import { OwnerGroupNode } from './imageNodes';
import { ErrorNode, MessageNode } from './infoNodes';
import { InstanceNode } from './instanceNodes';
import { LatestAmisFolderNode } from './latestAmiNodes';
import type { ExplorerNode, NodeContext } from './node';
import { SnapshotsFolderNode } from './snapshotNodes';
import { AllowedImagesNode, RecycleBinFolderNode } from './guardrailNodes';
import { regionDescription, regionTooltip } from './regionPresentation';

/** A root row: one selected region. */
export class RegionNode implements ExplorerNode {
  readonly id: string;

  constructor(
    readonly region: string,
    private readonly ctx: NodeContext,
  ) {
    this.id = nodeIds.region(region);
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.region, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.contextValue = contextValues.region;
    item.iconPath = new vscode.ThemeIcon('cloud');
    const costs = this.ctx.model.costs;
    const cost = costs.peekCost(this.region);
    const access = costs.peekBlockPublicAccess(this.region);
    item.description = regionDescription(cost, access);
    item.tooltip = new vscode.MarkdownString(regionTooltip(this.region, cost, access, costs.price()));
    return item;
  }

  async getChildren(): Promise<ExplorerNode[]> {
    // The region row's sums and block-public-access state load beside the folders; the row
    // re-renders when they arrive. A failure shows in the Snapshots folder, not here.
    void this.ctx.model.costs.snapshots(this.region).catch(() => undefined);
    void this.ctx.model.costs.blockPublicAccess(this.region).catch(() => undefined);
    // The Allowed AMIs row shows its state once loaded (a failure shows on the row itself).
    void this.ctx.model.guardrails.allowedImages(this.region);
    return [
      new ImagesFolderNode(this, this.ctx),
      new InstancesFolderNode(this, this.ctx),
      new SnapshotsFolderNode(this, this.ctx),
      new LatestAmisFolderNode(this, this.ctx),
      new AllowedImagesNode(this, this.ctx),
      new RecycleBinFolderNode(this, this.ctx),
    ];
  }
}

/** "Images": the owner groups of a region. */
export class ImagesFolderNode implements ExplorerNode {
  readonly id: string;

  constructor(
    readonly parent: RegionNode,
    private readonly ctx: NodeContext,
  ) {
    this.id = nodeIds.imagesFolder(parent.region);
  }

  get region(): string {
    return this.parent.region;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Images'), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.contextValue = contextValues.imagesFolder;
    item.iconPath = new vscode.ThemeIcon('layers');
    return item;
  }

  async getChildren(): Promise<ExplorerNode[]> {
    return OWNER_GROUPS.map((group) => new OwnerGroupNode(this, group, this.ctx));
  }

  getParent(): ExplorerNode {
    return this.parent;
  }
}

/** "Instances": every instance of the region the caller can see. */
export class InstancesFolderNode implements ExplorerNode {
  readonly id: string;

  constructor(
    readonly parent: RegionNode,
    private readonly ctx: NodeContext,
  ) {
    this.id = nodeIds.instancesFolder(parent.region);
  }

  get region(): string {
    return this.parent.region;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Instances'), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.contextValue = contextValues.instancesFolder;
    item.iconPath = new vscode.ThemeIcon('server');
    const loaded = this.ctx.model.peekInstances(this.region);
    item.description = loaded ? String(loaded.instances.length) : undefined;
    return item;
  }

  async getChildren(): Promise<ExplorerNode[]> {
    try {
      const view = await this.ctx.model.instances(this.region);
      if (view.instances.length === 0) {
        return [
          new MessageNode(this, vscode.l10n.t('No instances in this region'), vscode.l10n.t('Launch one from an AMI')),
        ];
      }
      return view.instances.map((instance) => new InstanceNode(this, instance, this.ctx));
    } catch (error) {
      return [new ErrorNode(this, describeError(error, this.ctx.connection()))];
    }
  }

  getParent(): ExplorerNode {
    return this.parent;
  }
}
