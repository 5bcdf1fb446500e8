import * as vscode from 'vscode';
import { describeSsmError } from '../aws/ssmErrors';
import type { LatestAmiNamespace } from '../ec2/publicParameters';
import { LATEST_AMI_NAMESPACES, MAX_PARAMETERS_PER_NAMESPACE } from '../ec2/publicParameters';
import { contextValues } from './contextValues';
import { nodeIds } from './ids';
import { ErrorNode, MessageNode } from './infoNodes';
import type { ResolvedParameter } from './latestAmiModel';
import type { ExplorerNode, NodeContext } from './node';

/** The parent a Latest AMIs folder needs: its region row. */
interface RegionRow extends ExplorerNode {
  readonly region: string;
}

/**
 * "Latest AMIs": the public SSM parameters that name the newest Amazon Linux, Windows, Ubuntu,
 * Debian, Bottlerocket, ECS- and EKS-optimized images. Each namespace loads when expanded.
 */
export class LatestAmisFolderNode implements ExplorerNode {
  readonly id: string;

  constructor(
    readonly parent: RegionRow,
    private readonly ctx: NodeContext,
  ) {
    this.id = nodeIds.latestFolder(parent.region);
  }

  get region(): string {
    return this.parent.region;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Latest AMIs'), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.contextValue = contextValues.latestFolder;
    item.iconPath = new vscode.ThemeIcon('sparkle');
    item.tooltip = vscode.l10n.t(
      'The public Systems Manager parameters under /aws/service/ that always name the newest AMI of a series: use them in infrastructure code instead of a fixed AMI id.',
    );
    return item;
  }

  async getChildren(): Promise<ExplorerNode[]> {
    return LATEST_AMI_NAMESPACES.map((ns) => new LatestNamespaceNode(this, ns, this.ctx));
  }

  getParent(): ExplorerNode {
    return this.parent;
  }
}

/** One public namespace (`/aws/service/ami-amazon-linux-latest`): its parameters, resolved to images. */
export class LatestNamespaceNode implements ExplorerNode {
  readonly id: string;

  constructor(
    readonly parent: LatestAmisFolderNode,
    readonly namespace: LatestAmiNamespace,
    private readonly ctx: NodeContext,
  ) {
    this.id = nodeIds.latestNamespace(parent.region, namespace.key);
  }

  get region(): string {
    return this.parent.region;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.namespace.label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.contextValue = contextValues.latestNamespace;
    item.iconPath = new vscode.ThemeIcon('symbol-namespace');
    item.description = this.namespace.path;
    item.tooltip = this.namespace.path;
    return item;
  }

  async getChildren(): Promise<ExplorerNode[]> {
    try {
      const view = await this.ctx.model.latest.namespace(this.region, this.namespace);
      if (view.parameters.length === 0) {
        return [
          new MessageNode(
            this,
            vscode.l10n.t('No AMI parameters in this namespace'),
            vscode.l10n.t('This endpoint publishes none under {0}', this.namespace.path),
          ),
        ];
      }
      const rows: ExplorerNode[] = view.parameters.map((p) => new LatestParameterNode(this, p, this.ctx));
      if (view.truncated) {
        rows.push(
          new MessageNode(
            this,
            vscode.l10n.t('First {0} parameters shown', MAX_PARAMETERS_PER_NAMESPACE),
            vscode.l10n.t('The namespace has more'),
          ),
        );
      }
      return rows;
    } catch (error) {
      return [new ErrorNode(this, describeSsmError(error, 'GetParametersByPath', this.ctx.connection()))];
    }
  }

  getParent(): ExplorerNode {
    return this.parent;
  }
}

/** A public parameter and the image it names now. */
export class LatestParameterNode implements ExplorerNode {
  readonly id: string;

  constructor(
    readonly parent: LatestNamespaceNode,
    readonly resolved: ResolvedParameter,
    private readonly ctx: NodeContext,
  ) {
    this.id = nodeIds.latestParameter(parent.region, parent.namespace.key, resolved.parameter.name);
  }

  get region(): string {
    return this.parent.region;
  }

  get parameterName(): string {
    return this.resolved.parameter.name;
  }

  get imageId(): string {
    return this.resolved.parameter.imageId;
  }

  getTreeItem(): vscode.TreeItem {
    const { parameter, image } = this.resolved;
    const label = parameter.name.slice(this.parent.namespace.path.length + 1);
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.contextValue = contextValues.latestParameter(!!image);
    item.description = image
      ? `${parameter.imageId} · ${image.Name ?? ''}`
      : vscode.l10n.t('{0} · not visible to this account', parameter.imageId);
    const md = new vscode.MarkdownString();
    md.appendMarkdown(`**${escapeMd(parameter.name)}**\n\n`);
    md.appendMarkdown(vscode.l10n.t('Resolves to {0}', `\`${parameter.imageId}\``));
    if (image?.Name) md.appendMarkdown(` — ${escapeMd(image.Name)}`);
    if (image?.CreationDate) md.appendMarkdown(`\n\n${vscode.l10n.t('Created {0}', image.CreationDate.slice(0, 10))}`);
    if (parameter.version !== undefined)
      md.appendMarkdown(`\n\n${vscode.l10n.t('Parameter version {0}', parameter.version)}`);
    if (!image) {
      md.appendMarkdown(
        `\n\n${vscode.l10n.t('DescribeImages does not return this AMI to your account (not shared with it, or deregistered): it cannot be revealed or launched here.')}`,
      );
    }
    item.tooltip = md;
    item.iconPath = image
      ? new vscode.ThemeIcon('symbol-constant')
      : new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
    item.accessibilityInformation = {
      label: vscode.l10n.t('{0}, public parameter, {1}', label, item.description),
    };
    return item;
  }

  getParent(): ExplorerNode {
    return this.parent;
  }
}

function escapeMd(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
