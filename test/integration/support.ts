// Helpers of the integration suite: the extension's test API, reading the real tree, and a
// scripted implementation of the extension's prompt interface (no patching of vscode.window).
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AmiExplorerApi, PanelDriver } from '../../src/api';
import type { ConfirmOptions, PickItem, PickOptions, TextOptions, UserInput } from '../../src/commands/userInput';
import type { ExplorerNode } from '../../src/explorer/node';
import type { CreateImageInit } from '../../src/shared/protocol/createImage';
import type { HostMessage } from '../../src/shared/protocol/envelope';
import type { PanelKind } from '../../src/panels/panelTable';

export const EXTENSION_ID = 'ami-explorer.ami-explorer';

export async function getApi(): Promise<AmiExplorerApi> {
  const ext = vscode.extensions.getExtension<AmiExplorerApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not installed`);
  const api = await ext.activate();
  assert.ok(api, 'the test API is returned only when the host runs with AMI_EXPLORER_TEST=1');
  return api;
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

/** The image rows under a group, with the images of its family rows (a version series) in place. */
export async function imageRows(api: AmiExplorerApi, node: ExplorerNode): Promise<ExplorerNode[]> {
  const out: ExplorerNode[] = [];
  for (const row of await children(api, node)) {
    if (contextValue(row) === 'imageFamily') out.push(...(await children(api, row)));
    else if (/^image\+/.test(contextValue(row))) out.push(row);
  }
  return out;
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

/** The first row under `path` that `wanted` accepts; `what` names it in the failure. */
export async function rowWhere(
  api: AmiExplorerApi,
  path: string[],
  wanted: (n: ExplorerNode) => boolean,
  what: string,
): Promise<ExplorerNode> {
  const rows = await children(api, await nodeAt(api, path));
  const found = rows.find(wanted);
  assert.ok(
    found,
    `no ${what} under ${path.join(' / ')}: ${rows.map((r) => `${label(r)} [${contextValue(r)}]`).join(', ')}`,
  );
  return found;
}

/** The row labelled `name` under `path`. */
export function rowNamed(api: AmiExplorerApi, path: string[], name: string): Promise<ExplorerNode> {
  return rowWhere(api, path, (n) => label(n) === name, `"${name}"`);
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

/**
 * Waits until the tree's selection is the one row `wanted` accepts, and returns it. The extension
 * host resolves selected rows lazily: right after a reveal that reloaded the row, `selection` is
 * empty until the renderer has fetched that folder again, so a test waits for what the user sees
 * selected instead of reading it once.
 */
export async function selectedRow(
  api: AmiExplorerApi,
  wanted: (id: string) => boolean,
  timeoutMs = 5000,
): Promise<ExplorerNode> {
  const selected = (): readonly ExplorerNode[] => api.selection();
  const until = Date.now() + timeoutMs;
  while (!(selected().length === 1 && wanted(selected()[0].id))) {
    if (Date.now() > until) {
      assert.fail(
        `the selection is [${selected()
          .map((n) => n.id)
          .join(', ')}], not the one wanted row`,
      );
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  return selected()[0];
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
  await setSetting('connections', undefined);
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

/** Runs the command on the row and returns the panel it opened, once its webview has loaded. */
export async function openPanel(
  api: AmiExplorerApi,
  command: string,
  node: ExplorerNode,
  kind: PanelKind,
  ...more: unknown[]
): Promise<PanelDriver> {
  await run(api, command, node, ...more);
  const panels = api.panels().filter((p) => p.kind === kind);
  assert.strictEqual(panels.length, 1, `${command} opened one ${kind} panel`);
  // The real webview loads its bundle under the panel's CSP and says ready before the test posts anything.
  await waitFor(`the ${kind} webview to load`, () => panels[0].webviewLoaded(), 15_000);
  return panels[0];
}

/** The webview's handshake: `ready`, answered by `init` with the panel's data. */
export async function ready<T>(panel: PanelDriver): Promise<T> {
  const init = (await panel.post({ type: 'ready' })).find((m) => m.type === 'init');
  assert.ok(init && init.type === 'init', `${panel.kind} answered ready with init`);
  return init.data as T;
}

export type Posted = HostMessage<unknown, unknown>;
export type PanelRequest = { type: string; requestId: string } & Record<string, unknown>;

/** Posts a request and returns the one result answering it. */
export async function request(panel: PanelDriver, message: PanelRequest): Promise<Posted & { type: 'result' }> {
  const posted = await panel.post(message);
  const results = posted.filter(
    (m): m is Posted & { type: 'result' } => m.type === 'result' && m.requestId === message.requestId,
  );
  assert.strictEqual(results.length, 1, `one result for ${message.requestId}: ${JSON.stringify(posted)}`);
  return results[0];
}

/** Posts a request that must succeed and returns its result. */
export async function succeeded(
  panel: PanelDriver,
  message: PanelRequest,
): Promise<{ ok: true } & Record<string, unknown>> {
  const { result } = await request(panel, message);
  assert.ok(result.ok, `${panel.kind} ${message.requestId} failed: ${JSON.stringify(result)}`);
  return result;
}

/** The Create Image form's volume rows for `init`: every volume included, as the instance has it. */
export function volumesOf(init: CreateImageInit) {
  return init.volumes.map((v) => ({
    deviceName: v.deviceName,
    include: true,
    deleteOnTermination: v.deleteOnTermination,
  }));
}
