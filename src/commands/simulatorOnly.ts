import * as vscode from 'vscode';
import type { AwsClients } from '../aws/clientFactory';
import { ActionableError } from '../aws/errors';

/** The current clients' simulator method, or an error that says how to get the simulator back. */
export function simulatorMethod<
  K extends 'switchSimulatorAccount' | 'settleSimulatorNow' | 'startSimulatorEndpoint' | 'stopSimulatorEndpoint',
>(clients: AwsClients, method: K): NonNullable<AwsClients[K]> {
  const f = clients[method];
  if (!f) {
    throw new ActionableError(
      vscode.l10n.t('AMI Explorer is connected to real AWS, not the simulator.'),
      vscode.l10n.t('Run "AMI Explorer: Use Simulator" first.'),
    );
  }
  return f.bind(clients) as NonNullable<AwsClients[K]>;
}
