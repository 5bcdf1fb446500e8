import * as vscode from 'vscode';
import type { SimulatorEndpoint } from '../aws/clientFactory';
import { SIMULATOR_ACCOUNT_CHOICES } from '../aws/clientFactory';
import type { CommandDeps } from './deps';
import { simulatorControl } from './simulatorOnly';

/** True while the endpoint runs: the view's menu offers Start or Stop, never both. */
export const ENDPOINT_RUNNING_CONTEXT = 'amiExplorer.simulatorEndpointRunning';

/** The port the endpoint asks for first (the README's `npm run simulator -- --port 4599` too); any free one when taken. */
export const PREFERRED_ENDPOINT_PORT = 4599;

/**
 * Serves the extension's own simulator (the same state the tree shows) over HTTP on 127.0.0.1, so
 * the AWS CLI, Terraform or any SDK can use it; shows the command line and the access key ids.
 * The endpoint stops with the extension, when the backend changes, or with "Stop Simulator Endpoint".
 */
export async function startSimulatorEndpoint(deps: CommandDeps): Promise<void> {
  const control = simulatorControl(deps.clients());
  // In the status bar, not a notification: starting takes well under a second, and a progress
  // toast would still be fading out next to the one that says the endpoint runs.
  const endpoint = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Starting the simulator endpoint…') },
    () => control.startEndpoint(PREFERRED_ENDPOINT_PORT),
  );
  deps.setEndpointRunning(true);
  const region = deps.settings().regions[0] ?? 'us-east-1';
  const command = endpointCommandLine(endpoint, region);
  const keys = SIMULATOR_ACCOUNT_CHOICES.map((a) => `${a.accessKeyId} (${a.accountId}, ${a.label})`).join(', ');
  // These are the simulator's fixed, public key ids: never real AWS credentials.
  deps.log.info(
    `Simulator endpoint: ${endpoint.url} (127.0.0.1 only). Access key ids: ${keys}; the secret is not checked.`,
  );
  deps.log.info(`Try: ${command}`);
  // One short line; the key ids and the full command are one click away (Copy, or the log).
  const copy = vscode.l10n.t('Copy AWS CLI Command');
  const showLog = vscode.l10n.t('Show Log');
  void vscode.window
    .showInformationMessage(
      vscode.l10n.t('Simulator endpoint running on {0} (this machine only).', endpoint.url),
      copy,
      showLog,
    )
    .then(async (choice) => {
      if (choice === copy) {
        await vscode.env.clipboard.writeText(command);
      } else if (choice === showLog) {
        deps.log.show();
      }
    });
}

/** A shell line that runs the AWS CLI against the endpoint as the account the tree shows. */
export function endpointCommandLine(endpoint: SimulatorEndpoint, region: string): string {
  return (
    `AWS_ACCESS_KEY_ID=${endpoint.callerAccessKeyId} AWS_SECRET_ACCESS_KEY=not-checked AWS_REGION=${region} ` +
    `aws --endpoint-url ${endpoint.url} ec2 describe-images --owners self`
  );
}
