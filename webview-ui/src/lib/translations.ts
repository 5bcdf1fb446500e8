/**
 * Loads the translations the host put on `<body data-l10n>` (see src/panels/webviewHtml.ts) into
 * `@vscode/l10n`, so that every `l10n.t(...)` of the webview and of the shared modules it bundles
 * answers in VS Code's display language. Called before the panel builds anything; `l10n.t` is
 * never called at a module's top level (eslint refuses it), where it would run before this.
 */
import * as l10n from '@vscode/l10n';

export function loadTranslations(): void {
  const json = document.body.dataset.l10n;
  if (!json) return;
  try {
    l10n.config({ contents: JSON.parse(json) as l10n.l10nJsonFormat });
  } catch {
    // A damaged bundle leaves the panel in English rather than blank.
  }
}
