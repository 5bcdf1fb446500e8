/**
 * The HTML of every panel, without `vscode` so that the headless preview renders exactly what the
 * host serves. Only the panel's bundle and codicon.css load; nothing inline runs.
 */
export interface WebviewHtmlInput {
  /** The panel kind: its bundle is dist/webview/<kind>.js. */
  kind: string;
  title: string;
  /** `webview.cspSource`. */
  cspSource: string;
  /** `asWebviewUri` of dist/webview/<kind>.js and dist/webview/codicon.css. */
  scriptUri: string;
  codiconUri: string;
  /** Fresh for every page. */
  nonce: string;
  /**
   * VS Code's display language and the extension's translations for it (`vscode.l10n.bundle`,
   * undefined in English): the webview's `@vscode/l10n` reads them from `<body data-l10n>`.
   */
  language?: string;
  translations?: Record<string, unknown>;
}

export function webviewHtml(i: WebviewHtmlInput): string {
  // Lit (behind @vscode-elements) styles shadow roots with constructable stylesheets, which
  // style-src does not restrict; vscode-icon loads codicon.css with the link's nonce.
  const csp = [
    "default-src 'none'",
    `img-src ${i.cspSource} data:`,
    `style-src ${i.cspSource} 'nonce-${i.nonce}'`,
    `font-src ${i.cspSource}`,
    `script-src 'nonce-${i.nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(i.language ?? 'en')}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(i.codiconUri)}" id="vscode-codicon-stylesheet" nonce="${i.nonce}">
<title>${escapeHtml(i.title)}</title>
</head>
<body${i.translations ? ` data-l10n="${escapeHtml(JSON.stringify(i.translations))}"` : ''}>
<main id="app" aria-live="polite"></main>
<script type="module" nonce="${i.nonce}" src="${escapeHtml(i.scriptUri)}"></script>
</body>
</html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
