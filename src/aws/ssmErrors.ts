/**
 * SSM failures as the features that use SSM show them. An endpoint without Systems Manager
 * (LocalStack without ssm, moto's EC2-only server, an EC2 stand-in) answers in many ways: an
 * unknown-operation error, a 404, an EC2 InvalidAction, or a body the SDK cannot read as JSON.
 * Each becomes one message naming the operation, so the feature says what is missing and the
 * rest of the explorer carries on; anything else (credentials, network) is worded as usual.
 */
import * as l10n from '@vscode/l10n';
import type { ConnectionContext, UserError } from './errors';
import { describeError } from './errors';

const UNSUPPORTED_CODES = new Set([
  'UnknownOperationException',
  'InvalidAction',
  'NotImplemented',
  'NotImplementedException',
  'UnrecognizedOperation',
  'InvalidParameterValue', // an EC2 Query endpoint handed an SSM JSON request (unverified wording)
]);

export function describeSsmError(error: unknown, operation: string, ctx: ConnectionContext): UserError {
  const e = error as { name?: string; Code?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  const code = e?.Code ?? e?.name;
  const status = e?.$metadata?.httpStatusCode;
  const unreadable =
    e?.name === 'SyntaxError' || /Deserialization error|Unexpected token|not valid JSON/i.test(e?.message ?? '');
  if (
    (code && UNSUPPORTED_CODES.has(code)) ||
    status === 404 ||
    status === 501 ||
    unreadable ||
    /not (yet )?implemented/i.test(e?.message ?? '')
  ) {
    return {
      kind: 'input',
      code,
      message: l10n.t('This endpoint does not support SSM {0}.', operation),
      fix: l10n.t('The rest of the explorer works; this feature needs AWS or an endpoint that serves Systems Manager.'),
    };
  }
  return describeError(error, ctx);
}
