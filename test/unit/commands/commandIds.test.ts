import { localizedManifest } from '../l10n/manifest';
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { COMMAND_IDS } from '../../../src/commands/commandIds';
import { PANEL_KINDS } from '../../../src/panels/panelTable';

const ROOT = path.resolve(__dirname, '../../..');
const pkg = localizedManifest();

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('commands', () => {
  const contributed: string[] = pkg.contributes.commands.map((c: { command: string }) => c.command);

  it('every registered command is contributed in package.json, and vice versa', () => {
    assert.deepStrictEqual([...contributed].sort(), [...COMMAND_IDS].sort());
  });

  it('every command id used in the source is registered', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(path.join(ROOT, 'src'))) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:command:\s*|executeCommand\(\s*)['"](amiExplorer\.[A-Za-z]+)['"]/g)) {
        used.add(m[1]);
      }
    }
    assert.ok(used.size > 0, 'no command ids found in the source');
    const unknown = [...used].filter((id) => !(COMMAND_IDS as readonly string[]).includes(id));
    assert.deepStrictEqual(unknown, []);
  });

  it('every menu, keybinding and welcome link refers to a contributed command', () => {
    const menus = Object.values(pkg.contributes.menus as Record<string, { command: string }[]>).flat();
    const refs = [
      ...menus.map((m) => m.command),
      ...pkg.contributes.keybindings.map((k: { command: string }) => k.command),
      ...[...JSON.stringify(pkg.contributes.viewsWelcome).matchAll(/command:(amiExplorer\.[A-Za-z]+)/g)].map(
        (m) => m[1],
      ),
    ];
    assert.deepStrictEqual(
      refs.filter((id) => !contributed.includes(id)),
      [],
    );
  });

  it('every command has a title, the AMI Explorer category and a codicon', () => {
    for (const c of pkg.contributes.commands) {
      assert.strictEqual(c.category, 'AMI Explorer', c.command);
      assert.match(c.icon, /^\$\([a-z-]+\)$/, c.command);
      assert.ok(c.title.length > 0, c.command);
    }
  });

  it('activates only on the view, a command or a restored panel, never on startup', () => {
    for (const event of pkg.activationEvents as string[]) {
      assert.ok(
        event.startsWith('onCommand:amiExplorer.') || /^onWebviewPanel:amiExplorer\.panel\.[A-Za-z]+$/.test(event),
        event,
      );
    }
  });

  it('lists no activation event VS Code derives itself (its status bar warns about them)', () => {
    // Since VS Code 1.74 a contributed view activates its extension on its own: "onView:" is redundant.
    assert.ok(!(pkg.activationEvents as string[]).some((e) => e.startsWith('onView:')), pkg.activationEvents.join());
    const views = Object.values(pkg.contributes.views as Record<string, { id: string }[]>).flat();
    assert.ok(views.some((v) => v.id === 'amiExplorer.amis'));
  });

  it('activates when VS Code restores any of the panels', () => {
    const restored = (pkg.activationEvents as string[])
      .filter((e) => e.startsWith('onWebviewPanel:'))
      .map((e) => e.slice('onWebviewPanel:'.length));
    assert.deepStrictEqual(restored.sort(), PANEL_KINDS.map((k) => `amiExplorer.panel.${k}`).sort());
  });
});
