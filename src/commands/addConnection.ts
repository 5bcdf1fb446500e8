import * as vscode from 'vscode';
import { SIMULATOR_ACCOUNT_CHOICES } from '../aws/clientFactory';
import type { ConnectionSettings } from '../aws/connectionSettings';
import { connectionSecretKey } from '../aws/connectionSettings';
import { readProfiles } from '../aws/profiles';
import { inform } from '../notifications';
import { updateSetting } from '../settings';
import { checkRegion } from '../shared/validation';
import { checkEndpointUrl } from './connectToEndpoint';
import type { CommandDeps } from './deps';

type Kind = ConnectionSettings['kind'];

/**
 * Adds a connection beside the current ones (`amiExplorer.connections`): a simulator account, a
 * profile of the shared AWS config, or a custom endpoint. The tree's roots become connections.
 */
export async function addConnection(deps: CommandDeps): Promise<void> {
  const title = vscode.l10n.t('Add Connection');
  const kind = await deps.input().pick<Kind>(
    [
      {
        label: vscode.l10n.t('Simulator account'),
        description: vscode.l10n.t('another simulated account'),
        value: 'simulator',
      },
      {
        label: vscode.l10n.t('AWS profile'),
        description: vscode.l10n.t('from ~/.aws/config and ~/.aws/credentials'),
        value: 'profile',
      },
      {
        label: vscode.l10n.t('Custom endpoint'),
        description: vscode.l10n.t('LocalStack, moto, a shared simulator'),
        value: 'endpoint',
      },
    ],
    { title, placeholder: vscode.l10n.t('What to connect to') },
  );
  const existing = deps.settings().connections;
  const entry: Omit<ConnectionSettings, 'id' | 'label' | 'regions'> = {
    kind,
    account: '',
    profile: '',
    endpointUrl: '',
    region: 'us-east-1',
    accessKeyId: '',
  };
  let suggested: string;
  let secret: string | undefined;
  if (kind === 'simulator') {
    entry.account = await deps.input().pick(
      SIMULATOR_ACCOUNT_CHOICES.map((a) => ({ label: a.label, description: a.accountId, value: a.accountId })),
      { title, placeholder: vscode.l10n.t('The simulated account') },
    );
    suggested = `Simulator ${SIMULATOR_ACCOUNT_CHOICES.find((a) => a.accountId === entry.account)?.label ?? entry.account}`;
  } else if (kind === 'profile') {
    const profiles = await readProfiles();
    entry.profile = await deps
      .input()
      .pick(
        [
          { label: vscode.l10n.t('Default credential chain'), value: '' },
          ...profiles.map((p) => ({ label: p.name, description: p.region, value: p.name })),
        ],
        { title, placeholder: vscode.l10n.t('Pick a profile') },
      );
    suggested = entry.profile ? `AWS ${entry.profile}` : 'AWS (default chain)';
  } else {
    entry.endpointUrl = (
      await deps.input().text({
        title,
        prompt: vscode.l10n.t('The EC2 endpoint URL'),
        value: 'http://localhost:4566',
        validate: checkEndpointUrl,
      })
    ).trim();
    entry.region = (
      await deps.input().text({ title, prompt: vscode.l10n.t('Region'), value: 'us-east-1', validate: checkRegion })
    ).trim();
    entry.accessKeyId = (
      await deps.input().text({
        title,
        prompt: vscode.l10n.t('Access key id'),
        value: 'test',
        validate: (v) => (v.trim() ? undefined : vscode.l10n.t('Required.')),
      })
    ).trim();
    secret = await deps.input().text({
      title,
      prompt: vscode.l10n.t('Secret access key (kept in VS Code secret storage)'),
      value: 'test',
      password: true,
    });
    suggested = new URL(entry.endpointUrl).host;
  }
  const current = deps.settings().regions;
  const regions = await deps.input().pick<string[] | 'all'>(
    [
      {
        label: vscode.l10n.t('All enabled regions'),
        description: vscode.l10n.t('asked of EC2 when the connection loads'),
        value: 'all',
      },
      {
        label: vscode.l10n.t('The regions shown now'),
        description: current.join(', '),
        value: kind === 'endpoint' && !current.includes(entry.region) ? [entry.region, ...current] : [...current],
      },
    ],
    { title, placeholder: vscode.l10n.t('Which regions to show') },
  );
  const label = (
    await deps.input().text({
      title,
      prompt: vscode.l10n.t('A name for the connection row'),
      value: suggested,
      validate: (v) => (v.trim() ? undefined : vscode.l10n.t('Required.')),
    })
  ).trim();
  const id = uniqueId(
    label,
    existing.map((c) => c.id),
  );
  if (secret !== undefined) await deps.secrets.store(connectionSecretKey(id), secret);
  await updateSetting('connections', [...existing, { id, label, ...entry, regions }]);
  deps.reconnect();
  inform(vscode.l10n.t('Added the connection "{0}".', label));
}

/** A stable id from the label (letters, digits, `-`), unique among `taken`. */
export function uniqueId(label: string, taken: readonly string[]): string {
  const base =
    label
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 30) || 'connection';
  let id = base;
  for (let n = 2; taken.includes(id) || id === 'primary'; n++) id = `${base}-${n}`;
  return id;
}
