import * as vscode from 'vscode';
import type { Image } from '@aws-sdk/client-ec2';
import { describeSsmError } from '../aws/ssmErrors';
import { resolveParameter } from '../ec2/publicParameters';
import { mostRecentImage } from '../ec2/snippetLookup';
import { LatestParameterNode } from '../explorer/latestAmiNodes';
import { snippetSourceOf } from '../explorer/snippetSource';
import type { Snippet } from '../shared/snippets/snippetSource';
import { snippetsFor } from '../shared/snippets/snippets';
import type { CommandDeps } from './deps';
import { imageTarget } from './targets';

interface Source {
  region: string;
  imageId: string;
  image?: Image;
  /** A parameter known to name the image now. */
  parameterName?: string;
  /** Why the parameter formats are missing, when the image has a parameter but it could not be used. */
  parameterNote?: string;
}

/**
 * "Copy as…" on an image or a public parameter row: the AMI id, `resolve:ssm:`, Terraform,
 * CloudFormation, CDK or Packer, to the clipboard. The name lookups are run once before the pick,
 * so the pick says when they would find another image (a newer build of the family) today.
 */
export async function copyImageAs(deps: CommandDeps, node?: unknown): Promise<void> {
  const source = node instanceof LatestParameterNode ? fromParameter(node) : await fromImage(deps, node);
  const snippets = snippetsFor(snippetSourceOf(source.imageId, source.image, source.parameterName));
  const byName = snippets.find((s) => s.lookup.kind === 'describeImages')?.lookup;
  let found: Image | undefined;
  if (byName?.kind === 'describeImages') {
    found = await mostRecentImage(await deps.model.ec2(source.region), byName.owners, byName.namePattern);
  }
  const chosen = await deps.input().pick(
    snippets.map((s) => ({
      label: s.label,
      description: firstLine(s.text),
      detail: detailOf(s, source, found),
      value: s,
    })),
    {
      title: vscode.l10n.t('Copy {0} as…', source.parameterName ?? source.imageId),
      placeholder: source.parameterNote ?? vscode.l10n.t('Pick a format'),
    },
  );
  await vscode.env.clipboard.writeText(chosen.text);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', chosen.label), 3000);
}

function fromParameter(node: LatestParameterNode): Source {
  return {
    region: node.region,
    imageId: node.imageId,
    image: node.resolved.image,
    parameterName: node.parameterName,
  };
}

/** An image row: its public parameter counts only if it still names this very image. */
async function fromImage(deps: CommandDeps, node: unknown): Promise<Source> {
  const { region, image } = await imageTarget(deps, node);
  const imageId = image.ImageId ?? '';
  const name = image.PublicSsmParameterName;
  if (!name) return { region, imageId, image };
  try {
    const current = await resolveParameter(await deps.clients().service('ssm', region), name);
    if (current === imageId) return { region, imageId, image, parameterName: name };
    return {
      region,
      imageId,
      image,
      parameterNote: vscode.l10n.t('{0} now names {1}, a newer build: its formats are left out', name, current ?? '?'),
    };
  } catch (error) {
    const why = describeSsmError(error, 'GetParameter', deps.connection());
    return { region, imageId, image, parameterNote: why.message };
  }
}

function detailOf(s: Snippet, source: Source, found: Image | undefined): string | undefined {
  if (s.warning) return `$(warning) ${s.warning}`;
  if (s.lookup.kind === 'describeImages' && found?.ImageId !== source.imageId) {
    return found
      ? `$(warning) ${vscode.l10n.t('Today this lookup finds {0} ({1}), the newest of the family, not this image.', found.ImageId ?? '', found.Name ?? '')}`
      : `$(warning) ${vscode.l10n.t('Today this lookup finds no image.')}`;
  }
  if (s.lookup.kind === 'ssmParameter') return vscode.l10n.t('Follows the parameter: always the newest build.');
  return undefined;
}

function firstLine(text: string): string {
  return text.split('\n')[0];
}
