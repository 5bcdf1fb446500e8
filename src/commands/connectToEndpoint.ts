import * as vscode from 'vscode';
import { readProfiles } from '../aws/profiles';
import { ENDPOINT_SECRET_KEY, updateSetting } from '../settings';
import { checkRegion } from '../shared/validation';
import type { CommandDeps } from './deps';
import { inform, withProgress } from '../notifications';

/** Keys LocalStack, moto and the ami-explorer-simulator accept (they check no secret). */
const DUMMY_SECRET = 'test';

/** An http(s) URL with a host, or what is wrong with it. */
export function checkEndpointUrl(value: string): string | undefined {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return vscode.l10n.t('Use an http:// or https:// URL.');
    return undefined;
  } catch {
    return vscode.l10n.t('A URL such as http://localhost:4566.');
  }
}

/**
 * Connects the explorer to an EC2 other than AWS's: LocalStack, moto's server, or a team's shared
 * ami-explorer-simulator. Same tree and panels; calls are signed with a profile's credentials or
 * with an access key whose secret goes to VS Code's secret storage, never to the settings.
 */
export async function connectToEndpoint(deps: CommandDeps): Promise<void> {
  const current = deps.settings().endpoint;
  const title = vscode.l10n.t('Connect to Custom Endpoint');
  const url = (
    await deps.input().text({
      title,
      prompt: vscode.l10n.t('The EC2 endpoint URL (LocalStack: http://localhost:4566, moto: http://localhost:5000)'),
      value: current.url || 'http://localhost:4566',
      validate: checkEndpointUrl,
    })
  ).trim();
  const region = (
    await deps.input().text({ title, prompt: vscode.l10n.t('Region'), value: current.region, validate: checkRegion })
  ).trim();
  const profiles = await readProfiles();
  const profile = await deps.input().pick(
    [
      {
        label: vscode.l10n.t('Access key'),
        description: vscode.l10n.t('type an access key id and secret (test/test for LocalStack and moto)'),
        value: '',
      },
      ...profiles.map((p) => ({ label: p.name, description: vscode.l10n.t('profile'), value: p.name })),
    ],
    { title, placeholder: vscode.l10n.t('Which credentials sign the calls') },
  );
  if (!profile) {
    const accessKeyId = (
      await deps.input().text({
        title,
        prompt: vscode.l10n.t('Access key id'),
        value: current.accessKeyId || 'test',
        validate: (v) => (v.trim() ? undefined : vscode.l10n.t('Required.')),
      })
    ).trim();
    const secret = await deps.input().text({
      title,
      prompt: vscode.l10n.t('Secret access key (kept in VS Code secret storage)'),
      value: DUMMY_SECRET,
      password: true,
    });
    await deps.secrets.store(ENDPOINT_SECRET_KEY, secret);
    await updateSetting('endpoint.accessKeyId', accessKeyId);
  }
  await updateSetting('endpoint.url', url);
  await updateSetting('endpoint.region', region);
  await updateSetting('endpoint.profile', profile);
  if (!deps.settings().regions.includes(region)) {
    await updateSetting('regions', [region, ...deps.settings().regions]);
  }
  await updateSetting('backend', 'endpoint');
  deps.reconnect();
  const account = await withProgress(vscode.l10n.t('Connecting to {0}…', url), () => deps.model.accountId());
  inform(vscode.l10n.t('Connected to {0} as account {1}.', url, account));
}
