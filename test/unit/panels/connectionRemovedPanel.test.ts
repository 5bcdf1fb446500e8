import * as assert from 'assert';
import { ConnectionRemovedPanel } from '../../../src/panels/connectionRemovedPanel';
import { PanelSession } from '../../../src/panels/panelSession';
import type { HostMessage } from '../../../src/shared/protocol/envelope';

describe('a panel whose connection was removed', () => {
  const args = {
    kind: 'imageDetails',
    region: 'us-east-1',
    imageId: 'ami-0123456789abcdef0',
    connection: 'partner',
  } as const;

  function session() {
    const posted: HostMessage<unknown, unknown>[] = [];
    const refused: string[] = [];
    const failed: unknown[] = [];
    const s = new PanelSession(new ConnectionRemovedPanel(args, 'partner'), (m) => posted.push(m), {
      refused: (reason) => refused.push(reason),
      failed: (e) => failed.push(e),
    });
    return { s, posted, refused, failed };
  }

  it('answers ready with what happened and what to do, in place of the form', async () => {
    const { s, posted } = session();
    await s.receive({ type: 'ready' });
    assert.strictEqual(posted.length, 1);
    const [message] = posted;
    assert.ok(message.type === 'refused');
    assert.match(message.message, /The connection "partner" was removed/);
    assert.match(message.message, /Add Connection/);
  });

  it('keeps what it is about, so the panel comes back when the connection is added again', () => {
    const controller = new ConnectionRemovedPanel(args, 'partner');
    assert.deepStrictEqual(controller.args, args);
    assert.strictEqual(controller.kind, 'imageDetails');
  });

  it('refuses every request, which has no connection to act on', async () => {
    const { s, posted, refused } = session();
    await s.receive({ type: 'ready' });
    await s.receive({ type: 'submit', requestId: 'r1', params: {} });
    assert.strictEqual(refused.length, 1);
    assert.ok(posted.at(-1)?.type === 'refused');
  });
});
