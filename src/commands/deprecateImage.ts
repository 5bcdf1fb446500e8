import * as vscode from 'vscode';
import { checkDeprecationTime, parseUtcMinute, suggestedDeprecation } from '../ec2/deprecation';
import { deprecateImage as sendDeprecation } from '../ec2/governance';
import { isDeprecated } from '../explorer/contextValues';
import type { CommandDeps } from './deps';
import { governedImage, imageChanged } from './governanceTargets';
import { inform, withProgress } from '../notifications';

/** Deprecates an owned AMI at a date and time (UTC) the user types, within EC2's limits. */
export async function deprecateImage(deps: CommandDeps, node?: unknown): Promise<void> {
  const now = Date.now();
  const { region, image } = await governedImage(
    deps,
    node,
    (i) =>
      i.State === 'pending' || i.State === 'failed'
        ? vscode.l10n.t('is {0}', i.State ?? '')
        : isDeprecated(i, now)
          ? vscode.l10n.t('is already deprecated')
          : undefined,
    vscode.l10n.t('You own no AMI that can be deprecated'),
  );
  const imageId = image.ImageId ?? '';
  const text = await deps.input().text({
    title: vscode.l10n.t('Deprecate {0}', imageId),
    prompt: vscode.l10n.t(
      "Date and time in UTC (YYYY-MM-DD HH:MM). From then on, EC2 hides the AMI from other accounts' listings (they can still launch it by id) and marks it deprecated; you keep seeing it. At most 10 years ahead; a public AMI at most 2 years after its creation.",
    ),
    value: suggestedDeprecation(image, Date.now()),
    placeholder: '2027-01-31 14:30',
    validate: (value) => checkDeprecationTime(value, image, Date.now()),
  });
  const at = parseUtcMinute(text)!;
  await withProgress(vscode.l10n.t('Deprecating {0}…', imageId), async () => {
    await sendDeprecation(await deps.model.ec2(region), imageId, new Date(at));
    await imageChanged(deps, region, imageId);
  });
  inform(vscode.l10n.t('{0} is deprecated from {1} UTC.', imageId, text.trim()));
}
