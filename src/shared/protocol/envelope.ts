/**
 * The envelope of the message protocol between the extension host and the AMI Explorer webviews;
 * each panel's own messages are in the file of the same name beside this one.
 *
 * Every panel speaks the same envelope:
 * - webview → host: `ready` (handshake: the host sends nothing before it), `submit` with a
 *   request id, and small panel-specific requests (`revealInTree`, `copyId`, `loadFrom`);
 * - host → webview: `init` (the panel's data, sent in answer to `ready`), `progress` and
 *   `result` answering a request id, and `refused` when the host rejected a message.
 *
 * The host treats everything coming from a webview as untrusted input: see `messageValidation.ts`.
 * No `vscode` import: this file is bundled into the webviews too.
 */

/** A tag as EC2 stores it. */
export interface TagInput {
  /** 1–128 characters, not starting with `aws:`. */
  key: string;
  /** 0–256 characters. */
  value: string;
}

/** What went wrong, in the words of `src/aws/errors.ts`. */
export interface PanelError {
  /** What happened; for EC2 errors, EC2's own message. */
  message: string;
  /** What the user can do about it, when known. */
  fix?: string;
  /** EC2's error code, e.g. `InvalidAMIName.Duplicate`. */
  code?: string;
}

/** The answer to one request: what the panel asked for, or why it failed. */
export type Outcome<T> = ({ ok: true } & T) | { ok: false; error: PanelError };
// ---------------------------------------------------------------------------------------------
// Envelope shared by every panel

/** Sent once by the webview when its script has loaded and it can receive messages. */
export interface ReadyMessage {
  type: 'ready';
}

/** Asks the host to reveal a resource the host itself returned in a result (never any other id). */
export interface RevealInTreeMessage {
  type: 'revealInTree';
  /** An id from a successful result of this panel: an AMI id (an instance id for Launch). */
  id: string;
}

/** Asks the host to copy an id the host itself returned in a result to the clipboard. */
export interface CopyIdMessage {
  type: 'copyId';
  /** An id from a successful result of this panel: an AMI id (an instance id for Launch). */
  id: string;
}

/** Asks the host to open the details panel of an image the host itself returned in a result. */
export interface OpenDetailsMessage {
  type: 'openDetails';
  /** An AMI id from a successful result of this panel. */
  id: string;
}

/** A form submission. The host answers it with `progress` messages and exactly one `result`. */
export interface SubmitMessage<TParams> {
  type: 'submit';
  /** Chosen by the webview (1–64 letters, digits, `-`); echoed by the host's replies. */
  requestId: string;
  /** The form's values. */
  params: TParams;
}

/** Everything webviews send to the host, for a panel whose form sends `TParams`. */
export type WebviewMessage<TParams, TExtra = never> =
  ReadyMessage | SubmitMessage<TParams> | RevealInTreeMessage | CopyIdMessage | TExtra;

/**
 * What a panel is about: enough to open it again. The webview keeps it with `setState` so that
 * VS Code can restore the panel after a reload (the host validates it again then). Each panel's
 * file declares its own (`CreateImageArgs`, …); the host's panel table lists them all.
 */
export type SavedPanelArgs = {
  /** The panel, also the name of its webview bundle (`dist/webview/<kind>.js`). */
  readonly kind: string;
  readonly region: string;
};

/** The panel's data, sent by the host in answer to `ready` (again after a reload). */
export interface InitMessage<TInit> {
  type: 'init';
  /** What the panel is about, for the webview's saved state. */
  args: SavedPanelArgs;
  data: TInit;
}

/** A step of a long request, for the progress line under the form. */
export interface ProgressMessage {
  type: 'progress';
  /** The request this progress belongs to. */
  requestId: string;
  /** What is happening now, e.g. "Deregistering ami-0123… (2 of 3)". */
  message: string;
  /** Completed fraction from 0 to 1, when known. */
  fraction?: number;
}

/** The single answer to a request. */
export interface ResultMessage<TResult> {
  type: 'result';
  /** The request this answers. */
  requestId: string;
  result: Outcome<TResult>;
}

/** The host refused a message (invalid, or not allowed now); nothing was sent to EC2. */
export interface RefusedMessage {
  type: 'refused';
  /** Why, for the user. */
  message: string;
  /** The request id of the refused message, when it had a readable one. */
  requestId?: string;
}

/** Everything the host sends to a panel's webview. */
export type HostMessage<TInit, TResult> =
  InitMessage<TInit> | ProgressMessage | ResultMessage<TResult> | RefusedMessage;

/** Limits the host enforces on every inbound message. */
export const LIMITS = {
  maxTags: 50,
  maxImagesPerDeregister: 50,
  maxPermissionEntries: 100,
  maxVolumes: 40,
  maxAddedVolumes: 20,
  maxVolumeSizeGiB: 65536,
  maxLaunchCount: 10,
  requestIdPattern: /^[A-Za-z0-9-]{1,64}$/,
} as const;
