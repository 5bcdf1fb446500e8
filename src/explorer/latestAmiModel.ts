import type { EC2Client, Image } from '@aws-sdk/client-ec2';
import type { SSMClient } from '@aws-sdk/client-ssm';
import { describeImagesById } from '../ec2/images';
import type { AmiParameter, LatestAmiNamespace } from '../ec2/publicParameters';
import { listAmiParameters } from '../ec2/publicParameters';
import { nodeIds } from './ids';
import { deleteSubtree, once } from './loadCache';

/** A public parameter and the image it names, when the caller can see it. */
export interface ResolvedParameter {
  parameter: AmiParameter;
  image?: Image;
}

export interface NamespaceView {
  parameters: ResolvedParameter[];
  truncated: boolean;
}

export interface LatestAmiModelDeps {
  ssm(region: string): Promise<SSMClient>;
  ec2(region: string): Promise<EC2Client>;
}

/**
 * The "Latest AMIs" folders' data: each namespace's parameters, loaded when its row is first
 * expanded (one GetParametersByPath listing, then DescribeImages for the ids they name) and kept
 * until refresh. Knows nothing of VS Code.
 */
export class LatestAmiModel {
  private readonly views = new Map<string, NamespaceView>();
  private readonly pending = new Map<string, Promise<unknown>>();
  private generation = 0;

  constructor(private readonly deps: LatestAmiModelDeps) {}

  namespace(region: string, ns: LatestAmiNamespace): Promise<NamespaceView> {
    const id = nodeIds.latestNamespace(region, ns.key);
    const loaded = this.views.get(id);
    return loaded ? Promise.resolve(loaded) : once(this.pending, id, () => this.fetch(region, ns, id));
  }

  peek(region: string, nsKey: string): NamespaceView | undefined {
    return this.views.get(nodeIds.latestNamespace(region, nsKey));
  }

  /** The loaded parameters that name `imageId` now (for an image's tooltip, without a request). */
  peekParametersNaming(region: string, imageId: string): string[] {
    const names: string[] = [];
    for (const [id, view] of this.views) {
      if (!id.startsWith(`${region}/`)) continue;
      for (const p of view.parameters) if (p.parameter.imageId === imageId) names.push(p.parameter.name);
    }
    return names;
  }

  invalidate(id?: string): void {
    this.generation++;
    deleteSubtree([this.views, this.pending], id);
  }

  private async fetch(region: string, ns: LatestAmiNamespace, id: string): Promise<NamespaceView> {
    const generation = this.generation;
    const listing = await listAmiParameters(await this.deps.ssm(region), ns);
    const images = await describeImagesById(
      await this.deps.ec2(region),
      listing.parameters.map((p) => p.imageId),
    );
    const view: NamespaceView = {
      parameters: listing.parameters.map((parameter) => ({ parameter, image: images.get(parameter.imageId) })),
      truncated: listing.truncated,
    };
    if (generation === this.generation) this.views.set(id, view);
    return view;
  }
}
