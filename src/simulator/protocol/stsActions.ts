import type { ActionHandler } from './context';
import { el } from './xml';

/** STS GetCallerIdentity: the account the access key maps to. */
const getCallerIdentity: ActionHandler = (ctx) =>
  el('Arn', `arn:aws:iam::${ctx.accountId}:user/simulator`) +
  el('UserId', ctx.account.accessKeyId) +
  el('Account', ctx.accountId);

export const stsActions: Record<string, ActionHandler> = { GetCallerIdentity: getCallerIdentity };
