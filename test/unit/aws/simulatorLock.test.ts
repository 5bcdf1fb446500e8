import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createAwsClients, type AwsClients } from '../../../src/aws/clientFactory';
import { ActionableError, describeError } from '../../../src/aws/errors';

/** Two windows of VS Code share the extension's global storage, hence one simulator state file. */
describe('the in-process simulator on a state file another window uses', () => {
  let dir: string;
  const open: AwsClients[] = [];

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ami-explorer-lock-'));
  });

  afterEach(() => {
    for (const c of open.splice(0)) c.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const connect = () => {
    const clients = createAwsClients({ kind: 'simulator', stateFile: path.join(dir, 'state.json'), pendingDelayMs: 0 });
    open.push(clients);
    return clients;
  };

  it('fails with a message that names the file and says what to do, and works once the owner let go', async () => {
    const first = connect();
    await first.identity();
    const second = connect();
    const error = await second.identity().then(
      () => assert.fail('the second simulator on the same file must not start'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof ActionableError, String(error));
    assert.ok(error.message.includes(path.join(dir, 'state.json')), error.message);
    assert.match(error.message, /already used by another simulator/);
    assert.match(error.fix ?? '', /window/);
    assert.match(describeError(error, { backend: 'simulator' }).message, /already used/);

    // Replacing the connection (a settings change) hands the file over at once.
    first.dispose();
    const third = connect();
    assert.strictEqual((await third.identity()).account, '123456789012');
  });
});
