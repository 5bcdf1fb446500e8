import * as vscode from 'vscode';
import type { CommandDeps } from './deps';
import { inform, withProgress } from '../notifications';
import { simulatorControl } from './simulatorOnly';

/** Polls after the simulator settled: the tree catches up within a few rounds. */
const MAX_POLL_ROUNDS = 5;

/**
 * Moves the simulator's time on: every pending image becomes available and every instance ends its
 * transition now, and the tree shows it. On AWS there is no such thing (EC2 keeps its own time).
 */
export async function settlePendingWork(deps: CommandDeps): Promise<void> {
  const control = simulatorControl(deps.clients());
  const moved = await withProgress(vscode.l10n.t('Finishing pending work in the simulator…'), async () => {
    const count = await control.settleNow();
    for (let round = 0; deps.poller.size > 0 && round < MAX_POLL_ROUNDS; round++) {
      await deps.poller.tick();
    }
    return count;
  });
  inform(
    moved === 0
      ? vscode.l10n.t('Nothing was pending in the simulator.')
      : moved === 1
        ? vscode.l10n.t('1 pending image or instance transition finished.')
        : vscode.l10n.t('{0} pending image and instance transitions finished.', moved),
  );
}
