/**
 * AWS errors → words a user can act on. The only place that knows EC2's and the SDK's error
 * codes; the command boundary and the tree's error rows both use it.
 */

import * as l10n from '@vscode/l10n';

/** What kind of trouble, so callers can pick an icon or decide to retry. */
export type ErrorKind =
  'credentials' | 'access' | 'region' | 'throttled' | 'network' | 'notFound' | 'state' | 'input' | 'unknown';

/** An error as shown to the user: what happened and what to do about it. */
export interface UserError {
  kind: ErrorKind;
  message: string;
  /** The action that fixes it, when there is one. */
  fix?: string;
  /** EC2's or the SDK's error code, for the log. */
  code?: string;
}

/** How the extension is connected, which changes the advice. */
export interface ConnectionContext {
  backend: 'simulator' | 'aws';
  profile?: string;
  /** The EC2 endpoint the calls went to, when known (real AWS or a configured endpoint). */
  endpoint?: string;
  /** The shared config and credentials files the SDK read. */
  configFiles?: { config: string; credentials: string };
}

const CREDENTIAL_EXPIRED = new Set([
  'ExpiredToken',
  'ExpiredTokenException',
  'RequestExpired',
  'TokenRefreshRequired',
  'TokenProviderError',
]);
const CREDENTIAL_REJECTED = new Set([
  'AuthFailure',
  'InvalidClientTokenId',
  'SignatureDoesNotMatch',
  'UnrecognizedClientException',
  'IncompleteSignature',
]);
const ACCESS_DENIED = new Set(['UnauthorizedOperation', 'AccessDenied', 'AccessDeniedException']);
const THROTTLED = new Set(['RequestLimitExceeded', 'Throttling', 'ThrottlingException', 'TooManyRequestsException']);
const NETWORK = new Set(['ENOTFOUND', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN', 'TimeoutError']);

/** An error the extension raises itself, already worded for the user. */
export class ActionableError extends Error {
  constructor(
    message: string,
    readonly fix?: string,
  ) {
    super(message);
    this.name = 'ActionableError';
  }
}

function errorCode(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) {
    return undefined;
  }
  const e = err as { name?: unknown; code?: unknown; Code?: unknown };
  for (const candidate of [e.Code, e.code, e.name]) {
    if (typeof candidate === 'string' && candidate !== 'Error' && candidate.length > 0) {
      return candidate;
    }
  }
  return undefined;
}

function errorMessage(err: unknown): string {
  if (err instanceof Error && err.message) {
    return err.message;
  }
  return String(err);
}

function profileArg(ctx: ConnectionContext): string {
  return ctx.profile ? ` --profile ${ctx.profile}` : '';
}

/** Where the connection looked for credentials: the named profile, else the default chain. */
function credentialsExpired(ctx: ConnectionContext): string {
  return ctx.profile
    ? l10n.t('The AWS credentials of profile "{0}" have expired.', ctx.profile)
    : l10n.t('The AWS credentials of the default credentials have expired.');
}

function credentialsRejected(ctx: ConnectionContext): string {
  return ctx.profile
    ? l10n.t('AWS rejected the credentials of profile "{0}".', ctx.profile)
    : l10n.t('AWS rejected the credentials of the default credentials.');
}

/** "No AWS credentials were found … (read ~/.aws/config and ~/.aws/credentials)", so the user knows where we looked. */
function credentialsMissing(ctx: ConnectionContext): string {
  const files = ctx.configFiles;
  if (ctx.profile) {
    return files
      ? l10n.t(
          'No AWS credentials were found for profile "{0}" (read {1} and {2}).',
          ctx.profile,
          files.config,
          files.credentials,
        )
      : l10n.t('No AWS credentials were found for profile "{0}".', ctx.profile);
  }
  return files
    ? l10n.t(
        'No AWS credentials were found for the default credentials (read {0} and {1}).',
        files.config,
        files.credentials,
      )
    : l10n.t('No AWS credentials were found for the default credentials.');
}

/** "Cannot reach" the URL that was tried, else the host named in the socket error, else "AWS". */
function cannotReach(ctx: ConnectionContext, raw: string, code: string): string {
  if (ctx.endpoint) return l10n.t('Cannot reach {0} ({1}).', ctx.endpoint, code);
  const host = /(?:ENOTFOUND|EAI_AGAIN) (\S+)/.exec(raw)?.[1];
  return host ? l10n.t('Cannot reach AWS at {0} ({1}).', host, code) : l10n.t('Cannot reach AWS ({0}).', code);
}

/** Maps any error from an SDK call to a message and a fix. Never includes credentials. */
export function describeError(err: unknown, ctx: ConnectionContext): UserError {
  if (err instanceof ActionableError) {
    return { kind: 'input', message: err.message, fix: err.fix };
  }
  const code = errorCode(err);
  const raw = errorMessage(err);

  if ((code && CREDENTIAL_EXPIRED.has(code)) || /sso session .*expired|token .*expired/i.test(raw)) {
    return {
      kind: 'credentials',
      code,
      message: credentialsExpired(ctx),
      fix: l10n.t(
        'Sign in again with `{0}` (or refresh the keys in ~/.aws/credentials), then refresh the view.',
        `aws sso login${profileArg(ctx)}`,
      ),
    };
  }
  // The SDK's SSO providers end every sign-in problem with "To refresh this SSO session run aws sso
  // login …" (@aws-sdk/credential-provider-sso, @aws-sdk/token-providers): never signed in, or a
  // token cache that is not valid. Expired sessions were handled above.
  if (/run '?aws sso login/i.test(raw)) {
    return {
      kind: 'credentials',
      code,
      message: ctx.profile
        ? l10n.t('The SSO session of profile "{0}" is not signed in.', ctx.profile)
        : l10n.t('The SSO session of the default profile is not signed in.'),
      fix: l10n.t('Sign in with `{0}`, then refresh the view.', `aws sso login${profileArg(ctx)}`),
    };
  }
  if (code === 'CredentialsProviderError' || /could not load credentials/i.test(raw)) {
    return {
      kind: 'credentials',
      code,
      message: credentialsMissing(ctx),
      fix: l10n.t(
        'Run `{0}` or `{1}`, or pick another profile with "AMI Explorer: Connect to AWS…" (or "Use Simulator").',
        `aws configure${profileArg(ctx)}`,
        `aws sso login${profileArg(ctx)}`,
      ),
    };
  }
  if (code === 'AuthFailure' && /region/i.test(raw)) {
    return {
      kind: 'region',
      code,
      message: l10n.t('EC2 refused this region: {0}', firstSentence(raw)),
      fix: l10n.t('Enable the region for your account, or remove it with "AMI Explorer: Select Regions…".'),
    };
  }
  if (code && CREDENTIAL_REJECTED.has(code)) {
    return {
      kind: 'credentials',
      code,
      message: credentialsRejected(ctx),
      fix: l10n.t(
        'Check them with `{0}` or pick another profile with "AMI Explorer: Connect to AWS…". In an opt-in region that is not enabled for the account, EC2 answers the same: enable it or remove it with "AMI Explorer: Select Regions…".',
        `aws sts get-caller-identity${profileArg(ctx)}`,
      ),
    };
  }
  if (code && ACCESS_DENIED.has(code)) {
    return {
      kind: 'access',
      code,
      message: l10n.t('Your AWS identity is not allowed to do this: {0}', firstSentence(raw)),
      fix: l10n.t(
        'Ask an administrator to grant the EC2 permission for this action, or connect with a profile that has it.',
      ),
    };
  }
  if (code === 'OptInRequired') {
    return {
      kind: 'region',
      code,
      message: l10n.t('This region is not enabled for your account.'),
      fix: l10n.t(
        'Enable it in the AWS console (Account → AWS Regions), or remove it with "AMI Explorer: Select Regions…".',
      ),
    };
  }
  if (code && THROTTLED.has(code)) {
    return {
      kind: 'throttled',
      code,
      message: l10n.t('AWS is throttling requests from this account.'),
      fix: l10n.t('Wait a few seconds and refresh; narrowing large groups with a filter sends fewer requests.'),
    };
  }
  if (code && NETWORK.has(code)) {
    return {
      kind: 'network',
      code,
      message: cannotReach(ctx, raw, code),
      fix: l10n.t(
        'Check your network connection and proxy settings, then refresh. The simulator works offline: "AMI Explorer: Use Simulator".',
      ),
    };
  }
  if (code?.startsWith('InvalidAMIID.')) {
    return {
      kind: 'notFound',
      code,
      message: l10n.t('EC2 cannot find this AMI: {0}', firstSentence(raw)),
      fix: l10n.t('It may have been deregistered or is no longer shared with you. Refresh the view.'),
    };
  }
  if (code?.startsWith('InvalidInstanceID.')) {
    return {
      kind: 'notFound',
      code,
      message: l10n.t('EC2 cannot find this instance: {0}', firstSentence(raw)),
      fix: l10n.t('It may have been terminated. Refresh the view.'),
    };
  }
  if (code === 'IncorrectInstanceState') {
    return {
      kind: 'state',
      code,
      message: l10n.t('The instance is not in a state that allows this: {0}', firstSentence(raw)),
      fix: l10n.t('Wait until its current transition has finished (the tree follows it), then try again.'),
    };
  }
  if (code === 'InvalidAMIName.Malformed') {
    return {
      kind: 'input',
      code,
      message: l10n.t('EC2 refused the AMI name: {0}', firstSentence(raw)),
      fix: l10n.t("Use 3–128 characters: letters, digits, spaces and ( ) [ ] . / - ' @ _"),
    };
  }
  if (code === 'InvalidAMIName.Duplicate') {
    return {
      kind: 'input',
      code,
      message: l10n.t('You already own an AMI with this name in this region.'),
      fix: l10n.t('Choose another name, or deregister the old image first.'),
    };
  }
  if (code === 'InvalidSnapshot.InUse') {
    return {
      kind: 'state',
      code,
      message: l10n.t('EC2 refused to delete the snapshot: {0}', raw),
      fix: l10n.t('Deregister the AMI that uses it first (its Deregister panel can delete its snapshots too).'),
    };
  }
  if (code === 'OperationNotPermitted' && /deregistration protection/i.test(raw)) {
    return {
      kind: 'state',
      code,
      message: raw,
      fix: l10n.t(
        'Turn off its deregistration protection first; with a cooldown, it stays protected for 24 more hours.',
      ),
    };
  }
  if (code === 'TagLimitExceeded') {
    return {
      kind: 'input',
      code,
      message: l10n.t('EC2 refused the tag: {0}', raw),
      fix: l10n.t('A resource has at most 50 tags: remove one first.'),
    };
  }
  if (code === 'IncorrectState') {
    return {
      kind: 'state',
      code,
      message: l10n.t('The AMI is not in a state that allows this: {0}', raw),
      fix: l10n.t('Refresh the view to see its current state.'),
    };
  }
  const unsupported = unsupportedAction(code, raw);
  if (unsupported) {
    return {
      kind: 'input',
      code,
      message:
        unsupported === THIS_OPERATION
          ? l10n.t('This endpoint does not support this operation.')
          : l10n.t('This endpoint does not support {0}.', unsupported),
      fix: l10n.t('The rest of the explorer works; this feature needs AWS or an endpoint that implements it.'),
    };
  }
  if (code === 'UnsupportedOperation' || code?.startsWith('InvalidParameter') || code === 'MissingParameter') {
    return { kind: 'input', code, message: l10n.t('EC2 refused the request: {0}', raw) };
  }
  return {
    kind: 'unknown',
    code,
    message: raw,
    fix:
      ctx.backend === 'simulator'
        ? l10n.t('See the "AMI Explorer" output for details.')
        : l10n.t('See the "AMI Explorer" output for details, then refresh.'),
  };
}

/**
 * The action an endpoint says it does not implement, from the answers of EC2 and of the
 * usual stand-ins: EC2 and our simulator ("InvalidAction: The action X is not valid for this
 * web service."), LocalStack ("API action 'X' for service 'ec2' not yet implemented"), and
 * moto ("The X action has not been implemented"), the latter two unverified against current versions.
 */
/** unsupportedAction's answer when the endpoint named no action. */
const THIS_OPERATION = 'this operation';
function unsupportedAction(code: string | undefined, raw: string): string | undefined {
  const notImplemented = /not (yet )?implemented/i.test(raw);
  if (code !== 'InvalidAction' && code !== 'NotImplemented' && code !== 'NotImplementedException' && !notImplemented) {
    return undefined;
  }
  const named = /action '?([A-Z][A-Za-z0-9]+)'?/.exec(raw) ?? /The ([A-Z][A-Za-z0-9]+) action/.exec(raw);
  return named?.[1] ?? THIS_OPERATION;
}

/** EC2's UnauthorizedOperation carries a long encoded message after the first sentence. */
function firstSentence(text: string): string {
  const cut = text.indexOf('. Encoded authorization failure message');
  return cut >= 0 ? text.slice(0, cut + 1) : text;
}

/** "message Fix." in one line, for error rows and notifications. */
export function formatUserError(e: UserError): string {
  return e.fix ? `${e.message} ${e.fix}` : e.message;
}
