import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { manifestPlaceholders, manifestStrings } from './manifest';

describe('the manifest translation (package.nls.json)', () => {
  it('has the text of every %placeholder% in package.json, and no text nothing uses', () => {
    const used = manifestPlaceholders();
    const strings = manifestStrings();
    assert.deepStrictEqual(
      used.filter((k) => !(k in strings)),
      [],
    );
    assert.deepStrictEqual(
      Object.keys(strings).filter((k) => !used.includes(k)),
      [],
    );
  });

  it('leaves no user-facing text of the contributions untranslatable', () => {
    const raw = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8'));
    const literal: string[] = [];
    const visit = (value: unknown, at: string[]): void => {
      if (Array.isArray(value)) value.forEach((v, i) => visit(v, [...at, String(i)]));
      else if (value && typeof value === 'object')
        for (const [k, v] of Object.entries(value)) visit(v, [...at, k]);
      else if (typeof value === 'string' && !/^%[^%]+%$/.test(value)) {
        const field = at[at.length - 1];
        const inList = /^\d+$/.test(field) ? at[at.length - 2] : '';
        const shown = ['displayName', 'title', 'shortTitle', 'name', 'contextualTitle', 'contents', 'altText', 'label'].includes(field) ||
          /description$|Description$|deprecationMessage$|DeprecationMessage$/i.test(field) ||
          /enumDescriptions$/i.test(inList);
        if (shown) literal.push(`${at.join('.')}: ${value.slice(0, 50)}`);
      }
    };
    visit({ displayName: raw.displayName, description: raw.description, contributes: raw.contributes }, []);
    assert.deepStrictEqual(literal, []);
  });
});
