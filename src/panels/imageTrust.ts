/**
 * The details panel's trust level and "which public parameter points here": EC2 sets
 * PublicSsmParameterName on every build a parameter ever named (the `public-ssm-parameter-name`
 * filter's doc: "including previous versions"), so SSM GetParameter says whether it names this one now.
 */
import type { Image } from '@aws-sdk/client-ec2';
import type { ImageDetailsInit, PublicParameterView } from '../shared/protocol/imageDetails';
import { trustLabel, trustExplanation, trustLevelOf } from '../shared/trust';
import type { PanelServices } from './panelServices';

export async function trustAndParameter(
  services: PanelServices,
  region: string,
  image: Image,
): Promise<Pick<ImageDetailsInit, 'trust' | 'publicParameter'>> {
  const level = trustLevelOf(image, await services.ownAccountIds());
  const trust = { label: trustLabel(level), explanation: trustExplanation(level, image) };
  const name = image.PublicSsmParameterName;
  if (!name) return { trust };
  let publicParameter: PublicParameterView;
  try {
    const current = await services.resolvePublicParameter(region, name);
    publicParameter = {
      name,
      namesThisImage: current === image.ImageId,
      currentImageId: current === image.ImageId ? undefined : current,
    };
  } catch (e) {
    publicParameter = { name, note: services.explainError(e).message };
  }
  return { trust, publicParameter };
}
