import * as vscode from 'vscode';
import type { CommandDeps } from './deps';
import { inform } from '../notifications';
import { simulatorControl } from './simulatorOnly';

/** Stops serving the simulator over HTTP (the explorer itself keeps working: it never needs the port). */
export async function stopSimulatorEndpoint(deps: CommandDeps): Promise<void> {
  const wasRunning = await simulatorControl(deps.clients()).stopEndpoint();
  deps.setEndpointRunning(false);
  if (wasRunning) deps.log.info('Simulator endpoint stopped.');
  inform(
    wasRunning
      ? vscode.l10n.t('The simulator endpoint stopped.')
      : vscode.l10n.t('The simulator endpoint was not running.'),
  );
}
