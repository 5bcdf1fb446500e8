import * as l10n from '@vscode/l10n';
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
  const lines = [l10n.t('**Trust: {0}** — {1}', trustLabel(level), escapeMarkdown(trustExplanation(level, image)))];
  if (level === 'unknown') {
    lines.push('', l10n.t('Launching or copying it first shows a checklist of what to verify.'));
  }
  const named = new Set(namingNow);
  if (image.PublicSsmParameterName && !named.has(image.PublicSsmParameterName)) {
    lines.push(
      '',
      l10n.t('Public parameter: {0} (this build or an earlier one)', escapeMarkdown(image.PublicSsmParameterName)),
    );
  }
  for (const name of named) lines.push('', l10n.t('Public parameter {0} names this AMI now', escapeMarkdown(name)));
  return lines.join('\n');
}
