import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { AmiExplorerApi } from './api';
import { createApi, testApiRequested } from './api';
import { registerCommands } from './commands/registerCommands';
import { Container } from './container';

/**
 * Activated by the AMIs view or one of the commands. Cheap on purpose: it wires services,
 * and the AWS SDK and the simulator load only when the tree first asks for data.
 * The test API (prompts replaced, simulator reset) is returned only to the integration tests
 * and the benchmark, whose host runs with AMI_EXPLORER_TEST=1: other extensions get nothing.
 */
export function activate(context: vscode.ExtensionContext): AmiExplorerApi | undefined {
  const started = performance.now();
  // The modules that do not import vscode (src/shared, the EC2 gateway, the tree's presentation)
  // translate through @vscode/l10n: give it the bundle VS Code loaded for the display language.
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
  const testMode = testApiRequested(process.env);
  const container = new Container(context, { testMode });
  context.subscriptions.push(container, ...registerCommands(container));
  if (!testMode) return undefined;
  return createApi(container, {
    moduleMs: typeof __amiExplorerLoadStart === 'number' ? started - __amiExplorerLoadStart : 0,
    activateMs: performance.now() - started,
  });
}

/** Set by the first line of dist/extension.js (an esbuild banner), for the benchmark. */
declare const __amiExplorerLoadStart: number | undefined;

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
