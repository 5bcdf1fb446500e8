import type { UserError } from './aws/errors';
import type { UserInput } from './commands/userInput';
import type { Container, SimulatorOverride } from './container';
import type { ExplorerNode } from './explorer/node';
import type { AmiTreeProvider } from './explorer/treeProvider';

/**
 * What `activate()` returns: a small surface for the integration tests and benchmarks.
 * It reads the real tree and drives real commands; it never reaches into the simulator.
 */
export interface AmiExplorerApi {
  readonly tree: AmiTreeProvider;
  /** Replaces the prompts (undefined restores VS Code's quick input). */
  setUserInput(input: UserInput | undefined): void;
  /** Restores the simulator's seed and empties every cache. */
  resetSimulator(): Promise<void>;
  /** Rebuilds the simulator with a pending delay and/or a manual clock. */
  configureSimulator(options: SimulatorOverride): void;
  /** Moves the manual simulator clock forward. */
  advanceSimulatorClock(ms: number): Promise<void>;
  /** Polls until nothing is in transition (or throws after `maxRounds`). */
  settle(maxRounds?: number): Promise<void>;
  /** How many images and instances are being followed. */
  pendingWork(): number;
  /** The errors the command boundary showed since the last call. */
  takeErrors(): { commandId: string; error: UserError }[];
  /** Finds a node by id, loading the levels above it. */
  resolve(id: string): Promise<ExplorerNode | undefined>;
  /** The rows selected in the AMIs view. */
  selection(): readonly ExplorerNode[];
}

export function createApi(container: Container): AmiExplorerApi {
  return {
    tree: container.tree,
    setUserInput: (input) => container.setUserInput(input),
    resetSimulator: async () => {
      const clients = container.clients();
      if (!clients.resetSimulator) {
        throw new Error('The simulator is not the current backend.');
      }
      await clients.resetSimulator();
      container.poller.clear();
      container.model.clear();
      container.tree.refresh();
    },
    configureSimulator: (options) => container.configureSimulator(options),
    advanceSimulatorClock: async (ms) => {
      const clients = container.clients();
      if (!clients.advanceSimulatorClock) {
        throw new Error('The simulator is not the current backend.');
      }
      await clients.advanceSimulatorClock(ms);
    },
    settle: async (maxRounds = 20) => {
      for (let round = 0; container.poller.size > 0; round++) {
        if (round >= maxRounds) {
          throw new Error(`Still ${container.poller.size} item(s) in transition after ${maxRounds} polls.`);
        }
        await container.poller.tick();
      }
    },
    pendingWork: () => container.poller.size,
    takeErrors: () => container.shownErrors.splice(0),
    resolve: (id) => container.tree.resolve(id),
    selection: () => container.treeView.selection,
  };
}
