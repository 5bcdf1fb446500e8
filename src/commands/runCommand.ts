import * as vscode from 'vscode';
import { describeError, formatUserError } from '../aws/errors';
import type { CommandDeps } from './deps';
import { isCancellation } from './userInput';

/**
 * The one error boundary of every command: cancelling is silent; anything else is logged and
 * shown once, in words that say what to do, with a button to the log.
 */
export async function runCommand(deps: CommandDeps, commandId: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (isCancellation(error)) {
      return;
    }
    const userError = describeError(error, deps.connection());
    // SDK errors carry the request id and status, never the credentials.
    deps.log.error(
      `${commandId}: ${userError.code ?? 'error'}: ${userError.message}`,
      error instanceof Error ? (error.stack ?? error.message) : String(error),
    );
    deps.reportError(commandId, userError);
    const showLog = vscode.l10n.t('Show Log');
    void vscode.window.showErrorMessage(formatUserError(userError), showLog).then((choice) => {
      if (choice === showLog) {
        deps.log.show();
      }
    });
  }
}
