/**
 * What commands ask the user, behind an interface: VS Code's quick input in the product
 * (vscodeUserInput.ts), a scripted implementation in the integration tests.
 * Every method throws {@link CancelledError} when the user dismisses the prompt.
 */

/** One choice of a quick pick. */
export interface PickItem<T> {
  label: string;
  description?: string;
  detail?: string;
  value: T;
  picked?: boolean;
}

export interface PickOptions {
  title: string;
  placeholder?: string;
}

export interface TextOptions {
  title: string;
  prompt?: string;
  value?: string;
  placeholder?: string;
  /** An error message for the current value, or undefined when valid. */
  validate?: (value: string) => string | undefined;
  /** Hides what is typed (secrets, MFA codes). */
  password?: boolean;
}

export interface ConfirmOptions {
  /** What will happen, naming the resource. */
  message: string;
  /** What is lost or what it costs. */
  detail: string;
  /** The label of the button that goes ahead, e.g. "Terminate". */
  confirmLabel: string;
}

export interface UserInput {
  pick<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<T>;
  pickMany<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<T[]>;
  text(options: TextOptions): Promise<string>;
  /** Resolves when the user confirms; throws {@link CancelledError} otherwise. */
  confirm(options: ConfirmOptions): Promise<void>;
}

/** The user dismissed a prompt: the command stops silently. */
export class CancelledError extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'CancelledError';
  }
}

/** True for a dismissed prompt, also when the error comes from another bundle (the test harness's scripted input). */
export function isCancellation(error: unknown): boolean {
  return error instanceof CancelledError || (error instanceof Error && error.name === 'CancelledError');
}
