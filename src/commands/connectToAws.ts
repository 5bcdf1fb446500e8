import * as vscode from 'vscode';
import { readProfiles } from '../aws/profiles';
import { updateSetting } from '../settings';
import type { CommandDeps } from './deps';
import { inform, withProgress } from '../notifications';

const KIND_LABELS = {
  sso: 'IAM Identity Center (SSO)',
  keys: 'access keys',
  role: 'assumes a role',
  process: 'credential process',
  other: 'profile',
} as const;

/** Lists the profiles of the shared AWS config files, switches to real AWS and checks the connection. */
export async function connectToAws(deps: CommandDeps): Promise<void> {
  const profiles = await readProfiles();
  const profile = await deps.input().pick(
    [
      {
        label: vscode.l10n.t('Default credential chain'),
        description: vscode.l10n.t('environment variables, AWS_PROFILE, instance or container role'),
        value: '',
      },
      ...profiles.map((p) => ({
        label: p.name,
        description: [KIND_LABELS[p.kind], p.region].filter(Boolean).join(' · '),
        value: p.name,
      })),
    ],
    {
      title: vscode.l10n.t('Connect to AWS'),
      placeholder: profiles.length
        ? vscode.l10n.t('Pick a profile from ~/.aws/config and ~/.aws/credentials')
        : vscode.l10n.t('No profiles found: run "aws configure sso" or "aws configure" to add one'),
    },
  );
  await updateSetting('profile', profile);
  await updateSetting('backend', 'aws');
  deps.reconnect();
  const account = await withProgress(vscode.l10n.t('Connecting to AWS…'), () => deps.model.accountId());
  inform(
    profile
      ? vscode.l10n.t('Connected to AWS account {0} with profile {1}.', account, profile)
      : vscode.l10n.t('Connected to AWS account {0}.', account),
  );
}
