import * as vscode from 'vscode';
import type { Instance } from '@aws-sdk/client-ec2';
import { contextValues } from './contextValues';
import { nodeIds } from './ids';
import type { ExplorerNode, NodeContext } from './node';
import { instanceDescription, instanceIcon, instanceLabel, instanceTooltip } from './presentation';
import type { InstancesFolderNode } from './regionNodes';

/** An instance row. It shows the cached instance, which polling keeps current. */
export class InstanceNode implements ExplorerNode {
  readonly id: string;
  readonly instanceId: string;

  constructor(
    readonly parent: InstancesFolderNode,
    private readonly snapshot: Instance,
    private readonly ctx: NodeContext,
  ) {
    this.instanceId = snapshot.InstanceId ?? '';
    this.id = nodeIds.instance(parent.region, this.instanceId);
  }

  get region(): string {
    return this.parent.region;
  }

  /** The latest known state of the instance. */
  get instance(): Instance {
    return this.ctx.model.currentInstance(this.region, this.instanceId) ?? this.snapshot;
  }

  getTreeItem(): vscode.TreeItem {
    const instance = this.instance;
    const amiStatus = instance.ImageId
      ? this.ctx.model.peekInstances(this.region)?.amiStatus.get(instance.ImageId)
      : undefined;
    const item = new vscode.TreeItem(instanceLabel(instance), vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = instanceDescription(instance, amiStatus);
    item.tooltip = new vscode.MarkdownString(instanceTooltip(instance, amiStatus));
    item.contextValue = contextValues.instance(instance);
    const icon = instanceIcon(instance);
    item.iconPath = new vscode.ThemeIcon(icon.id, icon.color ? new vscode.ThemeColor(icon.color) : undefined);
    return item;
  }

  getParent(): ExplorerNode {
    return this.parent;
  }
}
