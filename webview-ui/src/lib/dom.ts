/**
 * A tiny DOM builder. Text is always set as text, never parsed as HTML: names, tags and
 * descriptions come from EC2 and may contain anything.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-form-group/index.js';
import '@vscode-elements/elements/dist/vscode-form-helper/index.js';
import '@vscode-elements/elements/dist/vscode-label/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-progress-ring/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import '@vscode-elements/elements/dist/vscode-divider/index.js';
import '@vscode-elements/elements/dist/vscode-icon/index.js';

export type Child = Node | string | null | undefined | false;
type Props<K extends keyof HTMLElementTagNameMap> = Partial<Omit<HTMLElementTagNameMap[K], 'style'>> & {
  /** Attributes (aria-*, role, for, …). */
  attrs?: Record<string, string>;
  /** Event listeners. */
  on?: Record<string, (event: Event) => void>;
  className?: string;
};

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props<K> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  const { attrs, on, ...rest } = props;
  Object.assign(el, rest);
  for (const [name, value] of Object.entries(attrs ?? {})) el.setAttribute(name, value);
  for (const [name, listener] of Object.entries(on ?? {})) el.addEventListener(name, listener);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return el;
}

/**
 * A translated sentence with elements in it: `fillIn(l10n.t('It stays {0} until…'), h('em', {}, 'pending'))`
 * puts each part where its `{n}` is, so a translation keeps the whole sentence and its own word
 * order. Call `l10n.t` without arguments here, so the placeholders reach this function.
 */
export function fillIn(message: string, ...parts: Child[]): Child[] {
  return message
    .split(/(\{\d+\})/)
    .map((piece, i) => (i % 2 === 0 ? piece || null : parts[Number(piece.slice(1, -1))]));
}

/** Replaces an element's children. */
export function setChildren(el: Element, ...children: Child[]): void {
  el.replaceChildren(...children.filter((c): c is Node | string => c !== null && c !== undefined && c !== false));
}

/** A codicon, decorative (the text next to it carries the meaning). */
export function icon(name: string): HTMLElement {
  return h('vscode-icon', { name, attrs: { 'aria-hidden': 'true' } });
}

/** The page's own styles, only VS Code's theme variables: light, dark and high contrast follow. */
export function adoptStyles(css: string): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

export const BASE_CSS = `
[hidden] { display: none !important; }
.sr-only { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
body { color: var(--vscode-foreground); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size);
  background: var(--vscode-editor-background); padding: 0 20px 24px; max-width: 920px; }
h1 { font-size: 1.5em; font-weight: 600; margin: 16px 0 4px; }
h2 { font-size: 1.1em; font-weight: 600; margin: 20px 0 6px; }
p.subtitle { color: var(--vscode-descriptionForeground); margin: 0 0 12px; }
.explain { color: var(--vscode-descriptionForeground); margin: 4px 0 8px; line-height: 1.45; }
.note { border-left: 3px solid var(--vscode-textBlockQuote-border, var(--vscode-focusBorder)); background: var(--vscode-textBlockQuote-background);
  padding: 8px 12px; margin: 8px 0; line-height: 1.45; }
.warning { border-left: 3px solid var(--vscode-editorWarning-foreground); background: var(--vscode-inputValidation-warningBackground, transparent);
  padding: 8px 12px; margin: 8px 0; line-height: 1.45; }
.error-text { color: var(--vscode-errorForeground); min-height: 1.2em; margin: 2px 0 0; }
.result { margin: 16px 0; padding: 10px 12px; border: 1px solid var(--vscode-widget-border, var(--vscode-panel-border)); border-radius: 2px; }
.result.ok { border-left: 3px solid var(--vscode-testing-iconPassed, var(--vscode-charts-green)); }
.result.failed { border-left: 3px solid var(--vscode-errorForeground); }
.result .title { font-weight: 600; display: flex; gap: 6px; align-items: center; }
.result .actions { display: flex; gap: 8px; margin-top: 8px; }
.progress { display: flex; gap: 8px; align-items: center; color: var(--vscode-descriptionForeground); margin: 12px 0; }
.actions-row { display: flex; gap: 8px; margin-top: 16px; }
table { border-collapse: collapse; width: 100%; margin: 4px 0; }
th, td { text-align: left; padding: 4px 8px 4px 0; border-bottom: 1px solid var(--vscode-widget-border, var(--vscode-panel-border)); vertical-align: middle; }
th { font-weight: 600; color: var(--vscode-descriptionForeground); }
td.num { font-variant-numeric: tabular-nums; }
code, .mono { font-family: var(--vscode-editor-font-family); }
/* Ids must not break at their hyphen (vol-0123… on two lines), nor their chips touch the line above. */
td.mono, td code { white-space: nowrap; }
/* An empty error line under a field in a table cell would push the field above its neighbours. */
td .error-text:empty { display: none; }
td vscode-textfield, td vscode-single-select { vertical-align: middle; }
td code { display: inline-block; margin-top: 2px; }
.tag-row { display: flex; gap: 8px; align-items: flex-start; margin: 4px 0; }
.tag-row vscode-textfield { flex: 1; }
vscode-textfield.wide { width: 100%; max-width: 520px; }
vscode-form-group { margin: 8px 0; padding: 0; }
.muted { color: var(--vscode-descriptionForeground); }
.refused { color: var(--vscode-errorForeground); }
`;
