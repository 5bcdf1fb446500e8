import * as vscode from 'vscode';
import type { ConfirmOptions, PickItem, PickOptions, TextOptions, UserInput } from './userInput';
import { CancelledError } from './userInput';

type QuickItem<T> = vscode.QuickPickItem & { value: T };

function toQuickItems<T>(items: readonly PickItem<T>[]): QuickItem<T>[] {
  return items.map((i) => ({
    label: i.label,
    description: i.description,
    detail: i.detail,
    picked: i.picked,
    value: i.value,
  }));
}

/** {@link UserInput} through VS Code's quick input and modal dialogs. */
export class VscodeUserInput implements UserInput {
  async pick<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<T> {
    const picked = await vscode.window.showQuickPick(toQuickItems(items), {
      title: options.title,
      placeHolder: options.placeholder,
      matchOnDescription: true,
      matchOnDetail: true,
      ignoreFocusOut: true,
    });
    if (!picked) {
      throw new CancelledError();
    }
    return picked.value;
  }

  async pickMany<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<T[]> {
    const picked = await vscode.window.showQuickPick(toQuickItems(items), {
      title: options.title,
      placeHolder: options.placeholder,
      canPickMany: true,
      matchOnDescription: true,
      ignoreFocusOut: true,
    });
    if (!picked) {
      throw new CancelledError();
    }
    return picked.map((p) => p.value);
  }

  async text(options: TextOptions): Promise<string> {
    const value = await vscode.window.showInputBox({
      title: options.title,
      prompt: options.prompt,
      value: options.value,
      placeHolder: options.placeholder,
      ignoreFocusOut: true,
      validateInput: options.validate,
      password: options.password,
    });
    if (value === undefined) {
      throw new CancelledError();
    }
    return value;
  }

  async confirm(options: ConfirmOptions): Promise<void> {
    const answer = await vscode.window.showWarningMessage(
      options.message,
      { modal: true, detail: options.detail },
      options.confirmLabel,
    );
    if (answer !== options.confirmLabel) {
      throw new CancelledError();
    }
  }
}
