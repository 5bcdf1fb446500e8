/**
 * The one webview host: strict CSP with a nonce, only the panel's bundle and codicon.css from
 * `dist/webview/`, a `ready` handshake, every inbound message validated by the panel's
 * `PanelSession` before anything acts on it, one panel per resource, restore after reload.
 */
import * as vscode from 'vscode';
import { Listeners } from '../shared/listeners';
import { parseWith } from '../shared/messageValidation';
import { readPanelArgs } from './panelTable';
import type { HostMessage } from '../shared/protocol/envelope';
import type { PanelArgs, PanelKind } from './panelTable';
import { PANEL_KINDS } from './panelTable';
import type { PanelController } from './panelSession';
import { PanelSession } from './panelSession';
import { panelKey } from './panelTable';
import { webviewHtml } from './webviewHtml';

/** Builds the controller of a panel from what it is about (see `createPanelController`). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ControllerFactory = (args: PanelArgs) => PanelController<any, any, any>;

/** The view type of a panel kind, for `registerWebviewPanelSerializer` and `onWebviewPanel:` activation. */
export function viewTypeOf(kind: PanelKind): string {
  return `amiExplorer.panel.${kind}`;
}

/** Hosts one controller in one webview panel. */
export class WebviewPanelHost<TIn extends { type: string }, TInit, TResult> implements vscode.Disposable {
  private readonly session: PanelSession<TIn, TInit, TResult>;
  private readonly disposables: vscode.Disposable[] = [];
  /** Every message posted to the webview (the test API listens to it). */
  readonly onDidPost = new Listeners<HostMessage<TInit, TResult>>();
  /** The webview's script has loaded and said `ready` at least once. */
  webviewLoaded = false;

  constructor(
    readonly panel: vscode.WebviewPanel,
    webviewRoot: vscode.Uri,
    readonly controller: PanelController<TIn, TInit, TResult>,
    private readonly log: vscode.LogOutputChannel,
    onDispose: () => void,
  ) {
    const webview = panel.webview;
    webview.options = { enableScripts: true, localResourceRoots: [webviewRoot] };
    panel.title = controller.title;
    this.session = new PanelSession(
      controller,
      (m) => {
        this.onDidPost.fire(m);
        void webview.postMessage(m);
      },
      {
        refused: (reason) => {
          this.log.warn(`${controller.kind}: ${reason}`);
          void vscode.window.showErrorMessage(reason);
        },
        failed: (error) => this.log.error(`${controller.kind}:`, error),
      },
    );
    // Registered once, before the HTML is set, so the webview's `ready` cannot be missed.
    this.disposables.push(
      webview.onDidReceiveMessage((raw: unknown) => {
        if ((raw as { type?: unknown } | null)?.type === 'ready') this.webviewLoaded = true;
        this.receive(raw).catch((e: unknown) => this.log.error(`${controller.kind}:`, e));
      }),
      panel.onDidDispose(() => {
        this.dispose();
        onDispose();
      }),
    );
    webview.html = renderHtml(webview, webviewRoot, controller.kind, controller.title);
  }

  /** Handles a message as if the webview had posted it; resolves when the work it started is done. */
  receive(raw: unknown): Promise<void> {
    return this.session.receive(raw);
  }

  dispose(): void {
    this.session.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/** The open panels, one per resource; owned by the container. */
export class PanelRegistry implements vscode.Disposable {
  private readonly open = new Map<string, WebviewPanelHost<{ type: string }, unknown, unknown>>();
  private readonly webviewRoot: vscode.Uri;
  private readonly iconPath: { light: vscode.Uri; dark: vscode.Uri };

  constructor(
    extensionUri: vscode.Uri,
    private readonly createController: ControllerFactory,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.webviewRoot = vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
    this.iconPath = {
      light: vscode.Uri.joinPath(extensionUri, 'media', 'panel-light.svg'),
      dark: vscode.Uri.joinPath(extensionUri, 'media', 'panel-dark.svg'),
    };
  }

  /** Opens the panel for `args`, or reveals it when it is already open. */
  show(args: PanelArgs): void {
    const existing = this.open.get(panelKey(args));
    if (existing) {
      existing.panel.reveal();
      return;
    }
    this.adopt(this.createPanel(args.kind), args);
  }

  /** The open panels, oldest first. */
  list(): WebviewPanelHost<{ type: string }, unknown, unknown>[] {
    return [...this.open.values()];
  }

  /** Serializers for every panel kind, so VS Code restores open panels after a reload. */
  registerSerializers(): vscode.Disposable[] {
    return PANEL_KINDS.map((kind) =>
      vscode.window.registerWebviewPanelSerializer(viewTypeOf(kind), {
        deserializeWebviewPanel: (panel, state: unknown) => {
          this.restore(panel, state, kind);
          return Promise.resolve();
        },
      }),
    );
  }

  /** What VS Code does after a reload, for the test API: a new panel restored from the state its webview saved. */
  reviveForTests(state: unknown): void {
    const parsed = parseWith(readPanelArgs, (state as { args?: unknown } | undefined)?.args);
    const kind = parsed.ok ? parsed.value.kind : PANEL_KINDS[0];
    this.restore(this.createPanel(kind), state, kind);
  }

  /** Hosts a panel VS Code restored; a saved state that is not valid, or a resource already open, closes it. */
  private restore(panel: vscode.WebviewPanel, state: unknown, kind: PanelKind): void {
    // The saved state came from the webview: it is validated like any message.
    const parsed = parseWith(readPanelArgs, (state as { args?: unknown } | undefined)?.args);
    if (!parsed.ok || parsed.value.kind !== kind || this.open.has(panelKey(parsed.value))) {
      panel.dispose();
      return;
    }
    this.adopt(panel, parsed.value);
  }

  /**
   * Builds again the controllers of the open panels `affected` picks (their connection was rebuilt
   * or removed, so their services are stale): each webview reloads and asks its data again.
   */
  rebuild(affected: (args: PanelArgs) => boolean): void {
    for (const [key, host] of [...this.open]) {
      const args = host.controller.args as PanelArgs;
      if (!affected(args)) continue;
      host.dispose();
      this.open.delete(key);
      this.adopt(host.panel, args);
    }
  }

  dispose(): void {
    for (const host of [...this.open.values()]) host.panel.dispose();
  }

  private createPanel(kind: PanelKind): vscode.WebviewPanel {
    return vscode.window.createWebviewPanel(viewTypeOf(kind), 'AMI Explorer', vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [this.webviewRoot],
    });
  }

  private adopt(panel: vscode.WebviewPanel, args: PanelArgs): void {
    const key = panelKey(args);
    panel.iconPath = this.iconPath;
    const host = new WebviewPanelHost(panel, this.webviewRoot, this.createController(args), this.log, () =>
      this.open.delete(key),
    );
    // eslint-disable-next-line @typescript-eslint/no-unsafe-argument -- a ControllerFactory erases the panel's types
    this.open.set(key, host);
  }
}

function renderHtml(webview: vscode.Webview, root: vscode.Uri, kind: string, title: string): string {
  return webviewHtml({
    kind,
    title,
    cspSource: webview.cspSource,
    scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(root, `${kind}.js`)).toString(),
    codiconUri: webview.asWebviewUri(vscode.Uri.joinPath(root, 'codicon.css')).toString(),
    nonce: makeNonce(),
    language: vscode.env.language,
    translations: vscode.l10n.bundle,
  });
}

function makeNonce(): string {
  const bytes = new Uint8Array(24);
  globalThis.crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64url');
}
