// Helpers of the integration suite: the extension's test API, reading the real tree, and a
// scripted implementation of the extension's prompt interface (no patching of vscode.window).
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AmiExplorerApi } from '../../src/api';
import type { ConfirmOptions, PickItem, PickOptions, TextOptions, UserInput } from '../../src/commands/userInput';
import type { ExplorerNode } from '../../src/explorer/node';

export const EXTENSION_ID = 'ami-explorer.ami-explorer';

export async function getApi(): Promise<AmiExplorerApi> {
  const ext = vscode.extensions.getExtension<AmiExplorerApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not installed`);
  return ext.activate();
}

export function item(node: ExplorerNode): vscode.TreeItem {
  return node.getTreeItem();
}

export function label(node: ExplorerNode): string {
  const l = item(node).label;
  return typeof l === 'string' ? l : (l?.label ?? '');
}

export function description(node: ExplorerNode): string {
  const d = item(node).description;
  return typeof d === 'string' ? d : '';
}

export function contextValue(node: ExplorerNode): string {
  return item(node).contextValue ?? '';
}

export function iconId(node: ExplorerNode): string | undefined {
  const icon = item(node).iconPath;
  return icon instanceof vscode.ThemeIcon ? icon.id : undefined;
}

export async function children(api: AmiExplorerApi, node?: ExplorerNode): Promise<ExplorerNode[]> {
  return (await api.tree.getChildren(node)) ?? [];
}

/** Walks down the tree by labels, e.g. `['us-east-1', 'Images', 'Amazon', 'EBS-backed']`. */
export async function nodeAt(api: AmiExplorerApi, path: string[]): Promise<ExplorerNode> {
  let node: ExplorerNode | undefined;
  for (const step of path) {
    const level = await children(api, node);
    const next = level.find((n) => label(n) === step);
    assert.ok(next, `no "${step}" under ${node ? node.id : 'the root'}; rows: ${level.map(label).join(' | ')}`);
    node = next;
  }
  return node!;
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('amiExplorer').update(key, value, vscode.ConfigurationTarget.Global);
}

export async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) {
      assert.fail(`timed out waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Runs a command and fails with the message the user would have seen if it showed an error. */
export async function run(api: AmiExplorerApi, command: string, ...args: unknown[]): Promise<void> {
  await vscode.commands.executeCommand(command, ...args);
  const errors = api.takeErrors();
  assert.deepStrictEqual(
    errors.map((e) => `${e.commandId}: ${e.error.message} ${e.error.fix ?? ''}`),
    [],
    `${command} showed an error`,
  );
}

/** Runs a command that must fail, and returns the message it showed. */
export async function runExpectingError(
  api: AmiExplorerApi,
  command: string,
  ...args: unknown[]
): Promise<{ message: string; fix?: string }> {
  await vscode.commands.executeCommand(command, ...args);
  const errors = api.takeErrors();
  assert.strictEqual(errors.length, 1, `${command} should have shown exactly one error`);
  return errors[0].error;
}

type Step =
  | { kind: 'pick'; choose: (items: readonly PickItem<unknown>[]) => PickItem<unknown> }
  | { kind: 'pickMany'; choose: (items: readonly PickItem<unknown>[]) => PickItem<unknown>[] }
  | { kind: 'text'; value: (options: TextOptions) => string }
  | { kind: 'confirm'; accept: boolean }
  | { kind: 'cancel' };

function cancelled(): Error {
  const e = new Error('Cancelled');
  e.name = 'CancelledError';
  return e;
}

/** Answers prompts in order; a prompt of another kind than expected fails the command (and the test). */
export class ScriptedInput implements UserInput {
  readonly prompts: { kind: string; title: string; detail?: string; items?: string[] }[] = [];
  private readonly steps: Step[] = [];

  pickLabel(wanted: string): this {
    this.steps.push({
      kind: 'pick',
      choose: (items) => {
        const found = items.find((i) => i.label === wanted);
        if (!found) throw new Error(`no item "${wanted}" among ${items.map((i) => i.label).join(' | ')}`);
        return found;
      },
    });
    return this;
  }

  pickWhere(predicate: (item: PickItem<unknown>) => boolean): this {
    this.steps.push({
      kind: 'pick',
      choose: (items) => {
        const found = items.find(predicate);
        if (!found) throw new Error(`no matching item among ${items.map((i) => i.label).join(' | ')}`);
        return found;
      },
    });
    return this;
  }

  pickLabels(wanted: string[]): this {
    this.steps.push({ kind: 'pickMany', choose: (items) => items.filter((i) => wanted.includes(i.label)) });
    return this;
  }

  /** Types `text` (the prompt's own validation must accept it). Undefined keeps the prefilled value. */
  type(text?: string): this {
    this.steps.push({ kind: 'text', value: (o) => text ?? o.value ?? '' });
    return this;
  }

  /** Answers the next confirmation with its confirm button. */
  accept(): this {
    this.steps.push({ kind: 'confirm', accept: true });
    return this;
  }

  decline(): this {
    this.steps.push({ kind: 'confirm', accept: false });
    return this;
  }

  cancel(): this {
    this.steps.push({ kind: 'cancel' });
    return this;
  }

  /** Fails unless every scripted answer was used. */
  assertDone(): void {
    assert.strictEqual(this.steps.length, 0, `${this.steps.length} scripted answer(s) were not asked for`);
  }

  private next(kind: Step['kind'], title: string): Step {
    const step = this.steps.shift();
    if (!step) throw new Error(`unexpected ${kind} prompt "${title}"`);
    if (step.kind === 'cancel') throw cancelled();
    if (step.kind !== kind) throw new Error(`expected a ${step.kind} prompt, got ${kind} "${title}"`);
    return step;
  }

  async pick<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<T> {
    this.prompts.push({ kind: 'pick', title: options.title, items: items.map((i) => i.label) });
    const step = this.next('pick', options.title) as Extract<Step, { kind: 'pick' }>;
    return step.choose(items).value as T;
  }

  async pickMany<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<T[]> {
    this.prompts.push({ kind: 'pickMany', title: options.title, items: items.map((i) => i.label) });
    const step = this.next('pickMany', options.title) as Extract<Step, { kind: 'pickMany' }>;
    return step.choose(items).map((i) => i.value as T);
  }

  async text(options: TextOptions): Promise<string> {
    this.prompts.push({ kind: 'text', title: options.title });
    const step = this.next('text', options.title) as Extract<Step, { kind: 'text' }>;
    const value = step.value(options);
    const invalid = options.validate?.(value);
    if (invalid) throw new Error(`the prompt "${options.title}" refused "${value}": ${invalid}`);
    return value;
  }

  async confirm(options: ConfirmOptions): Promise<void> {
    this.prompts.push({ kind: 'confirm', title: options.message, detail: options.detail });
    const step = this.next('confirm', options.message) as Extract<Step, { kind: 'confirm' }>;
    if (!step.accept) throw cancelled();
  }
}

/** Puts the explorer in a known state: seed restored, two regions, small pages, instant simulator. */
export async function freshExplorer(): Promise<AmiExplorerApi> {
  const api = await getApi();
  await setSetting('backend', 'simulator');
  await setSetting('regions', ['us-east-1', 'eu-west-1']);
  await setSetting('pageSize', 5);
  await setSetting('simulator.account', undefined);
  api.configureSimulator({});
  await api.resetSimulator();
  api.setUserInput(undefined);
  api.takeErrors();
  await waitFor(
    'the configured regions',
    async () => (await children(api)).map(label).join() === 'us-east-1,eu-west-1',
  );
  return api;
}
