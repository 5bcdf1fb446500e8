import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../../..');

/** package.json's `%key%` placeholders, every one of them. */
export function manifestPlaceholders(): string[] {
  const text = fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8');
  return [...text.matchAll(/"%([^"%]+)%"/g)].map((m) => m[1]);
}

/** package.nls.json: the English text of each placeholder. */
export function manifestStrings(): Record<string, string> {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
}

/**
 * package.json as VS Code shows it in English: every `%key%` replaced by package.nls.json's text
 * (what `extension.packageJSON` holds in the extension host). A missing key throws.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the manifest is loosely typed JSON
export function localizedManifest(): any {
  const strings = manifestStrings();
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'), (_key, value: unknown) => {
    if (typeof value !== 'string') return value;
    const m = /^%([^%]+)%$/.exec(value);
    if (!m) return value;
    if (!(m[1] in strings)) throw new Error(`package.nls.json has no "${m[1]}"`);
    return strings[m[1]];
  });
}
