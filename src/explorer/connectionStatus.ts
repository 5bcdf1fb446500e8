import * as vscode from 'vscode';
import type { AwsClients } from '../aws/clientFactory';
import type { ExplorerNode } from './node';

/**
 * Shows how the explorer is connected, in the status bar and as the view's description:
 * "Simulator", or the AWS profile and, once STS answered, the account id.
 */
export class ConnectionStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('amiExplorer.connection', vscode.StatusBarAlignment.Left, 10);
  private version = 0;

  constructor(private readonly treeView: vscode.TreeView<ExplorerNode>) {
    this.item.name = vscode.l10n.t('AMI Explorer Connection');
    this.item.command = 'amiExplorer.connectToAws';
  }

  /** Shows the backend at once, and the account when known (fetching it never blocks activation). */
  show(clients: AwsClients): void {
    const version = ++this.version;
    const backend = clients.backend;
    const base = backend.kind === 'simulator' ? vscode.l10n.t('Simulator') : backend.profile || vscode.l10n.t('default credentials');
    this.render(base, undefined, backend.kind === 'simulator');
    clients.identity().then(
      (identity) => version === this.version && this.render(base, identity.account, backend.kind === 'simulator'),
      () => undefined, // The tree's error rows say what is wrong; the status bar just shows no account.
    );
  }

  private render(base: string, account: string | undefined, simulator: boolean): void {
    const icon = simulator ? '$(beaker)' : '$(cloud)';
    this.item.text = `${icon} ${base}${account && !simulator ? ` · ${account}` : ''}`;
    this.item.tooltip = simulator
      ? vscode.l10n.t('AMI Explorer uses the embedded EC2 simulator (account {0}). Click to connect to AWS.', account ?? '…')
      : vscode.l10n.t('AMI Explorer uses AWS with {0}{1}. Click to pick another profile.', base, account ? ` (account ${account})` : '');
    this.treeView.description = simulator ? vscode.l10n.t('Simulator') : `${base}${account ? ` · ${account}` : ''}`;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
