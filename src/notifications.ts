import * as vscode from 'vscode';

/** The notifications commands and panels show: long work with progress, and short results. */

/** Runs mutating work under a notification with progress. */
export function withProgress<T>(title: string, work: () => Promise<T>): Promise<T> {
  return Promise.resolve(
    vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: false }, work),
  );
}

/** Shows an information message without waiting for it (it has no buttons). */
export function inform(message: string): void {
  void vscode.window.showInformationMessage(message);
}
