import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

interface MenuEntry {
  command: string;
  when?: string;
  group?: string;
}

const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as {
  contributes: { menus: Record<string, MenuEntry[]> };
};

describe('connection commands in the AMIs view', () => {
  it("offers Add and Remove Connection in the view's toolbar menu (issue 11), Remove also on each added row", () => {
    const toolbar = manifest.contributes.menus['view/title'].filter((m) =>
      m.when?.startsWith('view == amiExplorer.amis'),
    );
    for (const command of ['amiExplorer.addConnection', 'amiExplorer.removeConnection']) {
      assert.ok(
        toolbar.some((m) => m.command === command),
        `${command} is in the toolbar`,
      );
    }
    const rows = manifest.contributes.menus['view/item/context'];
    assert.ok(
      rows.some((m) => m.command === 'amiExplorer.removeConnection' && /connection\\\+added/.test(m.when ?? '')),
    );
  });
});
