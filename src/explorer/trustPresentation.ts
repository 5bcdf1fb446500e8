import type { Image } from '@aws-sdk/client-ec2';
import { trustLabel, trustExplanation, trustLevelOf } from '../shared/trust';
import { escapeMarkdown } from './presentation';

/**
 * The image tooltip's part on who stands behind it and which public parameter names it:
 * `namingNow` are the loaded parameters that resolve to it today; its PublicSsmParameterName
 * (EC2 sets it on every build a parameter ever named) is shown as the series it belongs to.
 */
export function trustTooltip(image: Image, ownAccounts: ReadonlySet<string>, namingNow: readonly string[]): string {
  const level = trustLevelOf(image, ownAccounts);
  const lines = [`**Trust: ${trustLabel(level)}** — ${escapeMarkdown(trustExplanation(level, image))}`];
  if (level === 'unknown') {
    lines.push('', 'Launching or copying it first shows a checklist of what to verify.');
  }
  const named = new Set(namingNow);
  if (image.PublicSsmParameterName && !named.has(image.PublicSsmParameterName)) {
    lines.push('', `Public parameter: ${escapeMarkdown(image.PublicSsmParameterName)} (this build or an earlier one)`);
  }
  for (const name of named) lines.push('', `Public parameter ${escapeMarkdown(name)} names this AMI now`);
  return lines.join('\n');
}
