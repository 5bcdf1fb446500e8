import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { createPanelController } from '../../../src/panels/panelTable';
import { panelKey } from '../../../src/panels/panelTable';
import { parseWith } from '../../../src/shared/messageValidation';
import { readPanelArgs } from '../../../src/panels/panelTable';
import type { PanelArgs } from '../../../src/panels/panelTable';
import { PANEL_KINDS } from '../../../src/panels/panelTable';
import { fakeServices } from './fakes';

const ALL: PanelArgs[] = [
  { kind: 'createImage', region: 'us-east-1', instanceId: 'i-0123456789abcdef0' },
  { kind: 'deregister', region: 'us-east-1', imageIds: ['ami-0123456789abcdef0', 'ami-12345678'] },
  { kind: 'launchPermissions', region: 'us-east-1', imageId: 'ami-0123456789abcdef0' },
  { kind: 'copyImage', region: 'us-east-1', imageId: 'ami-0123456789abcdef0' },
  { kind: 'launchInstance', region: 'us-east-1', imageId: 'ami-0123456789abcdef0' },
  { kind: 'imageDetails', region: 'us-east-1', imageId: 'ami-0123456789abcdef0' },
  { kind: 'allowedImages', region: 'us-east-1' },
  { kind: 'cleanup', region: 'us-east-1' },
];

describe('panel table: factory, keys and saved state', () => {
  it('builds a controller of the right kind for every panel, about the same resource', () => {
    assert.deepStrictEqual(
      ALL.map((a) => a.kind),
      [...PANEL_KINDS],
    );
    for (const args of ALL) {
      const c = createPanelController(args, fakeServices());
      assert.strictEqual(c.kind, args.kind);
      assert.deepStrictEqual(c.args, args);
    }
  });

  it("keeps a panel's connection in the args its webview saves, so a restore acts on the same connection", () => {
    for (const args of ALL) {
      const onPartner = { ...args, connection: 'partner' } as PanelArgs;
      const saved = createPanelController(onPartner, fakeServices()).args as PanelArgs;
      assert.deepStrictEqual(saved, onPartner);
      assert.deepStrictEqual(parseWith(readPanelArgs, saved), { ok: true, value: onPartner });
      assert.strictEqual(panelKey(saved), panelKey(onPartner));
    }
  });

  it('gives one key per resource, independent of the order of a selection', () => {
    assert.strictEqual(
      panelKey({ kind: 'deregister', region: 'r', imageIds: ['ami-b', 'ami-a'] }),
      panelKey({ kind: 'deregister', region: 'r', imageIds: ['ami-a', 'ami-b'] }),
    );
    assert.notStrictEqual(panelKey(ALL[2]), panelKey(ALL[3]));
  });

  it('validates the state a webview saved before restoring a panel from it', () => {
    for (const args of ALL) assert.deepStrictEqual(parseWith(readPanelArgs, args), { ok: true, value: args });
    assert.ok(!parseWith(readPanelArgs, { kind: 'createImage', region: 'us-east-1', instanceId: 'i-0123; rm -rf' }).ok);
    assert.ok(!parseWith(readPanelArgs, { kind: 'launch', region: 'us-east-1' }).ok);
    assert.ok(!parseWith(readPanelArgs, undefined).ok);
    assert.ok(!parseWith(readPanelArgs, { ...ALL[2], extra: 1 }).ok);
  });

  it('has one webview bundle entry per panel of the table, and no other', () => {
    const root = path.resolve(__dirname, '../../..');
    const entries = fs
      .readdirSync(path.join(root, 'webview-ui/src'))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => f.slice(0, -'.ts'.length));
    assert.deepStrictEqual(entries.sort(), [...PANEL_KINDS].sort());
  });
});
