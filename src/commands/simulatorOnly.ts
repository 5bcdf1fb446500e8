import * as vscode from 'vscode';
import type { AwsClients, SimulatorControl } from '../aws/clientFactory';
import { ActionableError } from '../aws/errors';

/** The simulator's controls, or an error that says how to get the simulator back. */
export function simulatorControl(clients: AwsClients): SimulatorControl {
  const control = clients.simulator;
  if (!control) {
    throw new ActionableError(
      vscode.l10n.t('AMI Explorer is connected to real AWS, not the simulator.'),
      vscode.l10n.t('Run "AMI Explorer: Use Simulator" first.'),
    );
  }
  return control;
}
