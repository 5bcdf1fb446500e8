import type { Image } from '@aws-sdk/client-ec2';
import type { SnippetSource } from '../shared/snippets/snippetSource';
import { familyKey } from './imageFamilies';

/**
 * What "Copy as…" makes its snippets from: the image's family pattern as the name filter (its
 * exact name when it has no version in it), and `amazon` / `aws-marketplace` as owner when EC2
 * gives that alias (portable across regions), else the owner id.
 */
export function snippetSourceOf(imageId: string, image: Image | undefined, parameterName?: string): SnippetSource {
  const alias = image?.ImageOwnerAlias;
  const owner = alias === 'amazon' || alias === 'aws-marketplace' ? alias : image?.OwnerId;
  return {
    imageId,
    imageName: image?.Name,
    owner: owner || undefined,
    namePattern: image?.Name ? (familyKey(image.Name) ?? image.Name) : undefined,
    parameterName,
  };
}
