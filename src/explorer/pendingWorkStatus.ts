import * as vscode from 'vscode';

/**
 * "$(sync~spin) 2 pending" in the status bar while images or instances are in transition (the
 * poller follows them); hidden otherwise. On the simulator a click finishes them at once.
 */
export class PendingWorkStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(
    'amiExplorer.pendingWork',
    vscode.StatusBarAlignment.Left,
    9,
  );

  constructor(
    private readonly pending: () => number,
    private readonly onSimulator: () => boolean,
  ) {
    this.item.name = vscode.l10n.t('AMI Explorer Pending Work');
  }

  /** Re-reads the count; called whenever the poller starts or stops following something. */
  update(): void {
    const count = this.pending();
    if (count === 0) {
      this.item.hide();
      return;
    }
    this.item.text = `$(sync~spin) ${vscode.l10n.t('{0} pending', count)}`;
    const simulator = this.onSimulator();
    this.item.command = simulator ? 'amiExplorer.settlePendingWork' : undefined;
    this.item.tooltip = simulator
      ? count === 1
        ? vscode.l10n.t('1 image or instance in transition in the simulator. Click to finish it now.')
        : vscode.l10n.t('{0} images or instances in transition in the simulator. Click to finish them now.', count)
      : count === 1
        ? vscode.l10n.t('1 image or instance in transition; the AMIs view updates when it settles.')
        : vscode.l10n.t('{0} images or instances in transition; the AMIs view updates when they settle.', count);
    this.item.show();
  }

  /** What the status bar shows (for the test API). */
  text(): string | undefined {
    return this.pending() === 0 ? undefined : this.item.text;
  }

  dispose(): void {
    this.item.dispose();
  }
}
