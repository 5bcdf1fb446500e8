import * as vscode from 'vscode';
import type { Image } from '@aws-sdk/client-ec2';
import { describeFilter, isEmptyFilter } from '../ec2/imageFilter';
import type { OwnerGroup, RootDeviceType } from '../ec2/ownerGroups';
import { ownerGroupLabel, rootDeviceLabel, ROOT_DEVICE_TYPES } from '../ec2/ownerGroups';
import { describeError } from '../aws/errors';
import { trustTooltip } from './trustPresentation';
import { contextValues } from './contextValues';
import { nodeIds } from './ids';
import type { ImageFamily } from './imageFamilies';
import { familyDescription, groupIntoFamilies } from './imageFamilies';
import { ErrorNode, LoadMoreNode, MessageNode } from './infoNodes';
import type { ExplorerNode, NodeContext } from './node';
import { countText, imageDescription, imageIcon, imageLabel, imageTooltip } from './presentation';
import type { ImagesFolderNode } from './regionNodes';
import { UsedBySectionNode } from './usedByNodes';
import type { BadgeContext } from './imageBadges';
import { badgeLines } from './imageBadges';

/** "Owned by me", "Amazon"…: its count once known, and its filter when one is active. */
export class OwnerGroupNode implements ExplorerNode {
  readonly id: string;

  constructor(
    readonly parent: ImagesFolderNode,
    readonly group: OwnerGroup,
    private readonly ctx: NodeContext,
  ) {
    this.id = nodeIds.ownerGroup(parent.region, group);
  }

  get region(): string {
    return this.parent.region;
  }

  getTreeItem(): vscode.TreeItem {
    const filter = this.ctx.model.filterOf(this.region, this.group);
    const filtered = !isEmptyFilter(filter);
    const item = new vscode.TreeItem(ownerGroupLabel(this.group), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.contextValue = contextValues.ownerGroup(this.group, filtered);
    item.iconPath = new vscode.ThemeIcon(filtered ? 'filter-filled' : 'folder-library');
    const pages = ROOT_DEVICE_TYPES.map((rt) => this.ctx.model.peekGroup(this.region, this.group, rt));
    const count = pages.every((p) => p !== undefined)
      ? countText(
          pages.reduce((sum, p) => sum + (p?.images.length ?? 0), 0),
          pages.some((p) => p?.nextToken),
        )
      : undefined;
    const parts = [count, filtered ? vscode.l10n.t('filter: {0}', describeFilter(filter)) : undefined].filter(Boolean);
    item.description = parts.length ? parts.join(' · ') : undefined;
    return item;
  }

  async getChildren(): Promise<ExplorerNode[]> {
    try {
      await this.ctx.model.ownerGroup(this.region, this.group);
    } catch (error) {
      return [new ErrorNode(this, describeError(error, this.ctx.connection()))];
    }
    return ROOT_DEVICE_TYPES.map((rt) => new RootTypeNode(this, rt, this.ctx));
  }

  getParent(): ExplorerNode {
    return this.parent;
  }
}

/** "EBS-backed" / "Instance store" inside an owner group: one page of AMIs and "Load more…". */
export class RootTypeNode implements ExplorerNode {
  readonly id: string;

  constructor(
    readonly parent: OwnerGroupNode,
    readonly rootType: RootDeviceType,
    private readonly ctx: NodeContext,
  ) {
    this.id = nodeIds.rootType(parent.region, parent.group, rootType);
  }

  get region(): string {
    return this.parent.region;
  }

  get group(): OwnerGroup {
    return this.parent.group;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(rootDeviceLabel(this.rootType), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.contextValue = contextValues.rootType(this.rootType);
    item.iconPath = new vscode.ThemeIcon(this.rootType === 'ebs' ? 'database' : 'server-process');
    const page = this.ctx.model.peekGroup(this.region, this.group, this.rootType);
    item.description = page ? countText(page.images.length, !!page.nextToken) : undefined;
    return item;
  }

  async getChildren(): Promise<ExplorerNode[]> {
    try {
      const page = await this.ctx.model.imageGroup(this.region, this.group, this.rootType);
      if (page.images.length === 0 && !page.nextToken) {
        const filtered = !isEmptyFilter(this.ctx.model.filterOf(this.region, this.group));
        return [
          filtered
            ? new MessageNode(
                this,
                vscode.l10n.t('No images match the filter'),
                vscode.l10n.t('Clear it on the owner group'),
              )
            : new MessageNode(this, vscode.l10n.t('No images')),
        ];
      }
      const rows: ExplorerNode[] = groupIntoFamilies(page.images).map((entry) =>
        entry.kind === 'family'
          ? new ImageFamilyNode(this, entry.family, this.ctx)
          : new ImageNode(this, entry.image, this.ctx),
      );
      if (page.nextToken) {
        rows.push(new LoadMoreNode(this));
      }
      return rows;
    } catch (error) {
      return [new ErrorNode(this, describeError(error, this.ctx.connection()))];
    }
  }

  getParent(): ExplorerNode {
    return this.parent;
  }
}

/**
 * The versions of one image series (see imageFamilies.ts), newest first: `al2023-ami-*-kernel-6.1-x86_64`
 * with `3 versions · newest 2026-09-01 · x86_64`.
 */
export class ImageFamilyNode implements ExplorerNode {
  readonly id: string;

  constructor(
    readonly parent: RootTypeNode,
    readonly family: ImageFamily,
    private readonly ctx: NodeContext,
  ) {
    this.id = nodeIds.imageFamily(parent.region, parent.group, parent.rootType, family.key);
  }

  get region(): string {
    return this.parent.region;
  }

  get group(): OwnerGroup {
    return this.parent.group;
  }

  get rootType(): RootDeviceType {
    return this.parent.rootType;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.family.key, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = familyDescription(this.family);
    item.tooltip = vscode.l10n.t(
      '{0} versions of {1}, newest first. The * stands for the version or date; Filter Images… takes the same pattern.',
      this.family.images.length,
      this.family.key,
    );
    item.contextValue = contextValues.imageFamily;
    item.iconPath = new vscode.ThemeIcon('versions');
    // The spoken label starts with the visible one (WCAG "label in name"), then says what the row is.
    item.accessibilityInformation = {
      label: vscode.l10n.t('{0}, image family, {1}', this.family.key, familyDescription(this.family)),
    };
    return item;
  }

  async getChildren(): Promise<ExplorerNode[]> {
    return this.family.images.map((image) => new ImageNode(this, image, this.ctx));
  }

  holds(id: string): boolean {
    return this.family.images.some(
      (i) => nodeIds.image(this.region, this.group, this.rootType, i.ImageId ?? '') === id,
    );
  }

  getParent(): ExplorerNode {
    return this.parent;
  }
}

/** An AMI row. It shows the cached image, which polling keeps current. */
export class ImageNode implements ExplorerNode {
  readonly id: string;
  readonly imageId: string;

  constructor(
    readonly parent: RootTypeNode | ImageFamilyNode,
    private readonly snapshot: Image,
    private readonly ctx: NodeContext,
  ) {
    this.imageId = snapshot.ImageId ?? '';
    this.id = nodeIds.image(parent.region, parent.group, parent.rootType, this.imageId);
  }

  get region(): string {
    return this.parent.region;
  }

  /** The latest known version of the image. */
  get image(): Image {
    return (
      this.ctx.model.currentImage(this.region, this.parent.group, this.parent.rootType, this.imageId) ?? this.snapshot
    );
  }

  getTreeItem(): vscode.TreeItem {
    const image = this.image;
    const now = this.ctx.now();
    const account = this.ctx.model.knownAccountId;
    const owned = account !== undefined && image.OwnerId === account;
    // An owned image expands to its "Used by" section; other rows stay leaves.
    const item = new vscode.TreeItem(
      imageLabel(image),
      owned ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
    );
    item.id = this.id;
    item.description = imageDescription(image, now);
    item.tooltip = new vscode.MarkdownString(
      imageTooltip(
        image,
        account,
        now,
        owned ? this.ctx.model.costs.price() : undefined,
        badgeLines(image, {
          now,
          usage: this.ctx.insights.known(this.region, this.imageId),
          parent: this.parentImage(image),
        }),
      ) +
        '\n\n' +
        trustTooltip(
          image,
          this.ctx.model.ownAccountIds(),
          this.ctx.model.latest.peekParametersNaming(this.region, this.imageId),
        ),
    );
    item.contextValue = contextValues.image(image, account, now);
    const icon = imageIcon(image, account, now);
    item.iconPath = new vscode.ThemeIcon(icon.id, icon.color ? new vscode.ThemeColor(icon.color) : undefined);
    return item;
  }

  /** The image it was built from, named when it is among the caller's loaded images. */
  private parentImage(image: Image): BadgeContext['parent'] {
    if (!image.SourceImageId) return undefined;
    const region =
      image.SourceImageRegion && image.SourceImageRegion !== this.region ? image.SourceImageRegion : undefined;
    const pages = ROOT_DEVICE_TYPES.map((rt) => this.ctx.model.peekGroup(region ?? this.region, 'self', rt));
    const source = pages.flatMap((p) => p?.images ?? []).find((i) => i.ImageId === image.SourceImageId);
    return { imageId: image.SourceImageId, region, name: source?.Name };
  }

  async getChildren(): Promise<ExplorerNode[]> {
    const account = this.ctx.model.knownAccountId;
    return account !== undefined && this.image.OwnerId === account ? [new UsedBySectionNode(this, this.ctx)] : [];
  }

  getParent(): ExplorerNode {
    return this.parent;
  }
}
