/** Reads what the Clean Up panel's webview posts (untrusted) into the typed messages of `protocol/cleanup.ts`. */
import * as l10n from '@vscode/l10n';
import type { Reader } from '../messageValidation';
import { bool, byType, literal, obj, refuse, requestId, str } from '../messageValidation';
import type { CleanupToHost } from '../protocol/cleanup';
import { CLEANUP_LIMITS, checkRuleSetName, readCleanupRules } from './rules';

const planId: Reader<string> = (v, path) => {
  const s = str(64)(v, path);
  if (!/^plan-[0-9]+$/.test(s)) refuse(path, l10n.t('is not the id of a dry run.'));
  return s;
};

export const readCleanupMessage: Reader<CleanupToHost> = byType<CleanupToHost>({
  ready: obj({ type: literal('ready') }),
  dryRun: obj({ type: literal('dryRun'), requestId, rules: readCleanupRules }),
  saveRules: obj({
    type: literal('saveRules'),
    requestId,
    name: str(CLEANUP_LIMITS.maxRuleSetName, checkRuleSetName),
    rules: readCleanupRules,
  }),
  reloadRules: obj({ type: literal('reloadRules'), requestId }),
  submit: obj({
    type: literal('submit'),
    requestId,
    params: obj({
      planId,
      confirmed: (v, path) => {
        if (bool(v, path) !== true) refuse(path, l10n.t('must be true: deregistering needs an explicit confirmation.'));
        return true;
      },
    }),
  }),
});
