/**
 * What a refused submit does in every form: the problem is usually above the fold (the button is
 * at the bottom), so scroll to the first invalid field, focus it, and say what is wrong through a
 * live region a screen reader reads at once.
 */
import * as l10n from '@vscode/l10n';

let live: HTMLElement | undefined;

/** Says `message` to screen readers (one assertive live region per page, visually hidden). */
export function announce(message: string): void {
  if (!live) {
    live = document.createElement('div');
    live.setAttribute('role', 'alert');
    live.setAttribute('aria-live', 'assertive');
    live.className = 'sr-only';
    live.id = 'form-announcer';
    document.body.append(live);
  }
  // A live region announces changes: clear first so the same problem twice is read twice.
  live.textContent = '';
  const region = live;
  requestAnimationFrame(() => {
    region.textContent = message;
  });
}

interface Validatable extends HTMLElement {
  invalid?: boolean;
}

/** The first control marked invalid, in document order. */
export function firstInvalid(root: ParentNode = document): Validatable | undefined {
  const controls = Array.from(
    root.querySelectorAll<Validatable>('vscode-textfield, vscode-single-select, vscode-textarea'),
  );
  return controls.find((c) => c.invalid === true && !c.hidden && c.closest('[hidden]') === null);
}

/**
 * Call with the form's validation results before sending. Returns true (and shows the first
 * problem) when any is set: the caller must not send.
 */
export function refuseIfInvalid(problems: readonly (string | undefined)[], root: ParentNode = document): boolean {
  const problem = problems.find((p) => p !== undefined);
  if (problem === undefined) return false;
  const field = firstInvalid(root);
  if (field) {
    field.scrollIntoView({ block: 'center', behavior: 'instant' });
    field.focus();
  }
  const count = problems.filter((p) => p !== undefined).length;
  announce(
    count > 1 ? l10n.t('Not sent: {0} fields need attention. {1}', count, problem) : l10n.t('Not sent: {0}', problem),
  );
  return true;
}
