import * as vscode from 'vscode';
import { readProfiles } from '../aws/profiles';
import { updateSetting } from '../settings';
import type { CommandDeps } from './deps';
import { inform, withProgress } from '../notifications';

function kindLabel(kind: 'sso' | 'keys' | 'role' | 'process' | 'other'): string {
  switch (kind) {
    case 'sso':
      return vscode.l10n.t('IAM Identity Center (SSO)');
    case 'keys':
      return vscode.l10n.t('access keys');
    case 'role':
      return vscode.l10n.t('assumes a role');
    case 'process':
      return vscode.l10n.t('credential process');
    case 'other':
      return vscode.l10n.t({ message: 'profile', comment: ['kind of an AWS profile that is none of the others'] });
  }
}

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
        description: [kindLabel(p.kind), p.region].filter(Boolean).join(' · '),
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
