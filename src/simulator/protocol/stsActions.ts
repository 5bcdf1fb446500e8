import { SIMULATOR_ACCOUNTS, temporaryAccessKeyFor } from '../accounts';
import { errors } from '../errors';
import type { ActionHandler, RequestContext } from './context';
import { el, raw } from './xml';

/** Whom the caller appears as: a user for long-term keys, the assumed role's session otherwise (simulator's naming, unverified). */
function callerArn(ctx: RequestContext): string {
  return ctx.account.accessKeyId.startsWith('ASIA')
    ? `arn:aws:sts::${ctx.accountId}:assumed-role/simulator/session`
    : `arn:aws:iam::${ctx.accountId}:user/simulator`;
}

/** STS GetCallerIdentity: the account the access key maps to. */
const getCallerIdentity: ActionHandler = (ctx) =>
  el('Arn', callerArn(ctx)) + el('UserId', ctx.account.accessKeyId) + el('Account', ctx.accountId);

const ROLE_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/;

/**
 * STS AssumeRole: temporary credentials of the role's account, when the simulator knows that
 * account (any role name is accepted: the simulator has no IAM). Their access key maps back to
 * the account, so `role_arn` + `source_profile` profiles reach the role's account as on AWS.
 * Duration 900–43200 s, default 3600 (AssumeRole API reference, DurationSeconds).
 */
const assumeRole: ActionHandler = (ctx) => {
  const roleArn = ctx.params.required('RoleArn');
  const sessionName = ctx.params.required('RoleSessionName');
  // Constraints of the STS model (RoleSessionName 2–64 of [\w+=,.@-]); the ARN check is unverified.
  if (!/^[\w+=,.@-]{2,64}$/.test(sessionName)) {
    throw errors.stsValidation(
      `Value '${sessionName}' at 'roleSessionName' failed to satisfy constraint: Member must have length between 2 and 64 and match [\\w+=,.@-]*`,
    );
  }
  const match = ROLE_ARN.exec(roleArn);
  if (!match)
    throw errors.stsValidation(
      `Value '${roleArn}' at 'roleArn' failed to satisfy constraint: Member must be a role ARN`,
    );
  const [, accountId, roleName] = match;
  if (!SIMULATOR_ACCOUNTS.some((a) => a.accountId === accountId)) {
    throw errors.assumeRoleDenied(callerArn(ctx), roleArn);
  }
  const duration = Number(ctx.params.get('DurationSeconds') ?? 3600);
  if (!Number.isInteger(duration) || duration < 900 || duration > 43_200) {
    throw errors.stsValidation(
      `Value '${duration}' at 'durationSeconds' failed to satisfy constraint: Member must be between 900 and 43200`,
    );
  }
  const expiration = new Date(ctx.world.clock.now() + duration * 1000).toISOString();
  const credentials =
    el('AccessKeyId', temporaryAccessKeyFor(accountId)) +
    el('SecretAccessKey', 'simulator-secret-not-checked') +
    el('SessionToken', `simulator-session-${sessionName}`) +
    el('Expiration', expiration);
  const user =
    el('AssumedRoleId', `AROASIMULATOR${accountId}:${sessionName}`) +
    el('Arn', `arn:aws:sts::${accountId}:assumed-role/${roleName}/${sessionName}`);
  return raw('Credentials', credentials) + raw('AssumedRoleUser', user);
};

export const stsActions: Record<string, ActionHandler> = {
  GetCallerIdentity: getCallerIdentity,
  AssumeRole: assumeRole,
};
