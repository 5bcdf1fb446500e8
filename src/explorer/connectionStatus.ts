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
  private account: string | undefined;
  private endpoint: string | undefined;

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
    this.account = undefined;
    this.endpoint = undefined;
    this.render();
  }

  showAccount(account: string): void {
    this.account = account;
    this.render();
  }

  /** The EC2 endpoint the connection calls (AWS's, or one the profile or a custom endpoint names). */
  showEndpoint(url: string): void {
    this.endpoint = url;
    this.render();
  }

  private render(): void {
    const account = this.account;
    const backend = this.backend;
    const simulator = backend?.kind !== 'aws';
    const custom = backend?.kind === 'aws' && backend.endpointUrl;
    const base =
      backend?.kind === 'aws'
        ? custom
          ? hostOf(custom)
          : backend.profile || vscode.l10n.t('default credentials')
        : vscode.l10n.t('Simulator');
    const icon = simulator ? '$(beaker)' : custom ? '$(server)' : '$(cloud)';
    // The simulator has several accounts (Switch Simulator Account): show which one acts.
    this.item.text = `${icon} ${base}${account ? ` · ${account}` : ''}`;
    this.item.tooltip = simulator
      ? vscode.l10n.t(
          'AMI Explorer uses the embedded EC2 simulator{0}: nothing reaches AWS. Click to connect to AWS.',
          account ? ` (account ${account})` : '',
        )
      : custom
        ? vscode.l10n.t(
            'AMI Explorer uses the EC2 endpoint {0} with {1}{2}. Click to pick another connection.',
            custom,
            backend.profile ? `profile ${backend.profile}` : vscode.l10n.t('an access key'),
            account ? ` (account ${account})` : '',
          )
        : vscode.l10n.t(
            'AMI Explorer uses AWS with {0}{1}{2}. Click to pick another profile.',
            base,
            account ? ` (account ${account})` : '',
            this.endpoint ? ` at ${this.endpoint}` : '',
          );
    this.treeView.description = `${base}${account ? ` · ${account}` : ''}`;
    this.item.show();
  }

  /** What the status bar shows (for the test API). */
  text(): string {
    return this.item.text;
  }

  /** The status bar's tooltip (for the test API). */
  tooltip(): string {
    return typeof this.item.tooltip === 'string' ? this.item.tooltip : (this.item.tooltip?.value ?? '');
  }

  dispose(): void {
    this.item.dispose();
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
