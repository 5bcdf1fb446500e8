/**
 * The webview's side of the protocol: typed posting to the host, typed messages from it, the
 * `ready` handshake, and the saved state VS Code gives back after a reload.
 */
import type { SavedPanelArgs } from '../../../src/shared/protocol/envelope';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** What the webview keeps across reloads: what the panel is about and the user's input. */
export interface SavedState<TForm> {
  /** The panel's own fields (`imageId`, …) beside its kind and region. */
  args: SavedPanelArgs & { readonly [field: string]: unknown };
  form: TForm;
}

export class HostChannel<TToHost, TFromHost extends { type: string }, TForm> {
  private readonly api = acquireVsCodeApi();
  private counter = 0;

  /** Listens to the host, then tells it the webview is ready (the host sends nothing before). */
  start(onMessage: (message: TFromHost) => void): void {
    window.addEventListener('message', (event: MessageEvent<TFromHost>) => {
      if (event.data && typeof event.data.type === 'string') onMessage(event.data);
    });
    this.api.postMessage({ type: 'ready' });
  }

  post(message: TToHost): void {
    this.api.postMessage(message);
  }

  /** A new request id (letters, digits and dashes, as the host requires). */
  newRequestId(): string {
    this.counter += 1;
    return `r${Date.now().toString(36)}-${this.counter}`;
  }

  saved(): SavedState<TForm> | undefined {
    return (this.api.getState() as SavedState<TForm> | undefined) ?? undefined;
  }

  /** The saved form, when the saved state belongs to a panel of this kind. */
  savedForm(kind: string): TForm | undefined {
    const saved = this.saved();
    return saved?.args.kind === kind ? saved.form : undefined;
  }

  save(state: SavedState<TForm>): void {
    this.api.setState(state);
  }
}
