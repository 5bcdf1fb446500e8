import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { parseWith } from '../../../src/shared/messageValidation';
import { DEFAULT_RULES, readCleanupRules } from '../../../src/shared/cleanup/rules';
import {
  lineOfPath,
  readRulesFile,
  RULES_SCHEMA_ID,
  withRuleSet,
  writeRulesFile,
} from '../../../src/shared/cleanup/rulesFile';

const ROOT = path.resolve(__dirname, '../../..');

const web = {
  name: 'web servers',
  images: { namePattern: 'web-server-*', tags: [{ key: 'team', value: 'web' }] },
  keep: { newestPerFamily: 3, youngerThanDays: 30, launchedWithinDays: 14, inUse: true },
};

describe('cleanup rules file', function () {
  it('round-trips: what is written reads back the same', function () {
    const text = writeRulesFile([web]);
    assert.deepEqual(readRulesFile(text), { ok: true, ruleSets: [web] });
    assert.ok(text.includes(`"$schema": "${RULES_SCHEMA_ID}"`));
    assert.ok(text.endsWith('}\n'));
  });

  it('fills fields left out with the defaults', function () {
    const read = readRulesFile('{ "ruleSets": [ { "name": "all" } ] }');
    assert.deepEqual(read, { ok: true, ruleSets: [{ name: 'all', ...DEFAULT_RULES }] });
  });

  it('says on which line and in which field the file is wrong', function () {
    const text = [
      '{',
      '  "ruleSets": [',
      '    { "name": "a" },',
      '    {',
      '      "name": "b",',
      '      "keep": {',
      '        "newestPerFamily": 3,',
      '        "inUse": "yes"',
      '      }',
      '    }',
      '  ]',
      '}',
    ].join('\n');
    const read = readRulesFile(text);
    assert.deepEqual(read, {
      ok: false,
      error: 'line 8: ruleSets[1].keep.inUse must be true or false, not string.',
    });
  });

  it('names an unknown field, a negative number, a repeated name and broken JSON', function () {
    const unknown = readRulesFile('{\n "ruleSets": [\n  { "name": "a", "keep": { "newest": 3 } }\n ]\n}');
    assert.equal(unknown.ok, false);
    assert.match(!unknown.ok ? unknown.error : '', /^line 3: ruleSets\[0\]\.keep\.newest is not a field/);
    const negative = readRulesFile('{"ruleSets":[{"name":"a","keep":{"youngerThanDays":-1}}]}');
    assert.match(!negative.ok ? negative.error : '', /youngerThanDays must be between 0 and 36500/);
    const twice = readRulesFile('{"ruleSets":[{"name":"a"},{"name":"a"}]}');
    assert.match(!twice.ok ? twice.error : '', /ruleSets\[1\]\.name repeats the name "a"/);
    const broken = readRulesFile('{\n  "ruleSets": [\n    { "name": "a", }\n  ]\n}');
    assert.equal(broken.ok, false);
    assert.match(!broken.ok ? broken.error : '', /^line 3: not valid JSON/);
    const missing = readRulesFile('{}');
    assert.match(!missing.ok ? missing.error : '', /is missing the field "ruleSets"/);
  });

  it('finds the line of a path, including array items and nested keys', function () {
    const text = '{\n  "a": [\n    1,\n    { "b": {\n      "c": true } }\n  ],\n  "d": "x"\n}';
    assert.equal(lineOfPath(text, '.a[0]'), 3);
    assert.equal(lineOfPath(text, '.a[1].b.c'), 5);
    assert.equal(lineOfPath(text, '.d'), 7);
    assert.equal(lineOfPath(text, '.a[1].b.missing'), 4, 'the deepest part that exists');
  });

  it('replaces a rule set of the same name, or adds it', function () {
    const other = { ...web, name: 'other' };
    const changed = { ...web, keep: { ...web.keep, newestPerFamily: 1 } };
    assert.deepEqual(withRuleSet([web, other], changed), [changed, other]);
    assert.deepEqual(withRuleSet([other], web), [other, web]);
  });

  it('webview messages must carry every field (no defaults there)', function () {
    assert.equal(parseWith(readCleanupRules, { images: web.images, keep: web.keep }).ok, true);
    const partial = parseWith(readCleanupRules, { images: web.images, keep: { inUse: true } });
    assert.equal(partial.ok, false);
  });

  it('the JSON schema contributed to the editor describes the same fields and limits', function () {
    const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas/ami-cleanup.schema.json'), 'utf8'));
    const set = schema.properties.ruleSets.items;
    assert.deepEqual(Object.keys(set.properties).sort(), ['images', 'keep', 'name']);
    assert.deepEqual(Object.keys(set.properties.keep.properties).sort(), Object.keys(DEFAULT_RULES.keep).sort());
    assert.deepEqual(Object.keys(set.properties.images.properties).sort(), Object.keys(DEFAULT_RULES.images).sort());
    for (const [key, value] of Object.entries(DEFAULT_RULES.keep)) {
      assert.equal(set.properties.keep.properties[key].default, value, `default of keep.${key}`);
    }
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.ok(
      pkg.contributes.jsonValidation.some(
        (v: { fileMatch: string; url: string }) =>
          v.fileMatch === '.vscode/ami-cleanup.json' && v.url === './schemas/ami-cleanup.schema.json',
      ),
    );
  });
});
