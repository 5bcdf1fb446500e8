import * as vscode from 'vscode';
import type { AwsClients } from '../aws/clientFactory';
import type { ExplorerNode } from './node';

/**
 * Shows how the explorer is connected, in the status bar and as the view's description:
 * "Simulator", or the AWS profile and, once STS answered, the account id.
 */
export class ConnectionStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(
    'amiExplorer.connection',
    vscode.StatusBarAlignment.Left,
    10,
  );
  private backend: AwsClients['backend'] | undefined;

  constructor(private readonly treeView: vscode.TreeView<ExplorerNode>) {
    this.item.name = vscode.l10n.t('AMI Explorer Connection');
    this.item.command = 'amiExplorer.connectToAws';
  }

  /**
   * Shows the backend; the account follows through {@link showAccount} once the tree has asked
   * STS for it (asking here would load the SDK during activation).
   */
  show(clients: AwsClients): void {
    this.backend = clients.backend;
    this.render(undefined);
  }

  showAccount(account: string): void {
    this.render(account);
  }

  private render(account: string | undefined): void {
    const simulator = this.backend?.kind !== 'aws';
    const base =
      this.backend?.kind === 'aws'
        ? this.backend.profile || vscode.l10n.t('default credentials')
        : vscode.l10n.t('Simulator');
    const icon = simulator ? '$(beaker)' : '$(cloud)';
    // The simulator has several accounts (Switch Simulator Account): show which one acts.
    this.item.text = `${icon} ${base}${account ? ` · ${account}` : ''}`;
    this.item.tooltip = simulator
      ? vscode.l10n.t(
          'AMI Explorer uses the embedded EC2 simulator{0}: nothing reaches AWS. Click to connect to AWS.',
          account ? ` (account ${account})` : '',
        )
      : vscode.l10n.t(
          'AMI Explorer uses AWS with {0}{1}. Click to pick another profile.',
          base,
          account ? ` (account ${account})` : '',
        );
    this.treeView.description = `${base}${account ? ` · ${account}` : ''}`;
    this.item.show();
  }

  /** What the status bar shows (for the test API). */
  text(): string {
    return this.item.text;
  }

  dispose(): void {
    this.item.dispose();
  }
}
