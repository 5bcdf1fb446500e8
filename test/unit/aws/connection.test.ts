import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SIMULATOR_ACCOUNT_CHOICES, type BackendConfig } from '../../../src/aws/clientFactory';
import type { ConnectionChange } from '../../../src/aws/connection';
import { Connection } from '../../../src/aws/connection';

const [DEFAULT, PARTNER] = SIMULATOR_ACCOUNT_CHOICES;

/** Backend switching and reconnecting as the settings drive them, without VS Code. */
describe('connection (backend switching and reconnect)', () => {
  let dir: string;
  let backend: BackendConfig;
  let simulator: Extract<BackendConfig, { kind: 'simulator' }>;
  let connection: Connection;
  let changes: ConnectionChange[];

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ami-explorer-connection-'));
    simulator = { kind: 'simulator', stateFile: path.join(dir, 'state.json'), pendingDelayMs: 0 };
    backend = simulator;
    connection = new Connection(() => backend);
    changes = [];
    connection.onDidChange.on((c) => changes.push(c));
  });

  afterEach(() => {
    connection.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the clients (and their caches) when the backend is the same', () => {
    const before = connection.clients();
    backend = { ...backend };
    assert.strictEqual(connection.reconnect(), undefined);
    assert.strictEqual(connection.clients(), before);
    assert.deepStrictEqual(changes, []);
  });

  it('switches to a profile: new clients, the old ones disposed, listeners told', async () => {
    const before = connection.clients();
    backend = { kind: 'aws', profile: 'work', stsRegion: 'eu-west-1' };
    const change = connection.reconnect();
    assert.strictEqual(change?.kind, 'backend');
    assert.notStrictEqual(connection.clients(), before);
    assert.strictEqual(connection.clients().backend.kind, 'aws');
    assert.strictEqual(connection.clients().simulator, undefined, 'no simulator controls on the real-AWS path');
    assert.deepStrictEqual(changes, [change]);
    await assert.rejects(before.ec2('us-east-1'), /connection was replaced/);
    assert.deepStrictEqual(connection.context(), {
      backend: 'aws',
      profile: 'work',
      endpoint: undefined,
      configFiles: connection.context().configFiles,
    });
  });

  it('switches to a custom endpoint when only the endpoint changes', () => {
    backend = { kind: 'aws', stsRegion: 'us-east-1', endpointUrl: 'http://127.0.0.1:4566' };
    connection.reconnect();
    const first = connection.clients();
    backend = { ...backend, endpointUrl: 'http://127.0.0.1:5000' };
    assert.strictEqual(connection.reconnect()?.kind, 'backend');
    assert.notStrictEqual(connection.clients(), first);
    assert.strictEqual(changes.length, 2);
  });

  it('acts as another simulated account on the same simulator without replacing the clients', async () => {
    const before = connection.clients();
    assert.strictEqual((await before.identity()).account, DEFAULT.accountId);
    backend = { ...simulator, accountId: PARTNER.accountId };
    const change = connection.reconnect();
    assert.deepStrictEqual(change, { kind: 'account', clients: before, accountId: PARTNER.accountId });
    assert.strictEqual(connection.clients(), before);
    const ec2 = await before.ec2('us-east-1');
    const caller = await ec2.config.credentials();
    assert.strictEqual(caller.accessKeyId, PARTNER.accessKeyId);
    // Back to the default account (settings value cleared).
    backend = { ...simulator, accountId: undefined };
    assert.strictEqual(connection.reconnect()?.kind, 'account');
    assert.strictEqual(connection.reconnect(), undefined, 'the account is remembered after a switch');
  });

  it('rebuilds the simulator when forced (tests change its clock) and when its delay changes', () => {
    const first = connection.clients();
    assert.strictEqual(connection.reconnect(true)?.kind, 'backend');
    const second = connection.clients();
    assert.notStrictEqual(second, first);
    backend = { ...simulator, pendingDelayMs: 5_000 };
    assert.strictEqual(connection.reconnect()?.kind, 'backend');
    assert.notStrictEqual(connection.clients(), second);
    assert.deepStrictEqual(connection.context(), { backend: 'simulator' });
  });
});
