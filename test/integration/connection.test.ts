// Switching backends: "Connect to AWS…" lists the shared-config profiles and uses the real AWS
// code path; with a profile that has no credentials it fails with the fix, offline, and
// "Use Simulator" switches back. No request leaves the machine (no credentials, IMDS disabled).
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { AmiExplorerApi } from '../../src/api';
import {
  children,
  contextValue,
  description,
  freshExplorer,
  label,
  nodeAt,
  run,
  runExpectingError,
  ScriptedInput,
  waitFor,
} from './support';

describe('backends', () => {
  let api: AmiExplorerApi;
  let dir: string;
  const saved: Record<string, string | undefined> = {};
  const env = (name: string, value: string) => {
    saved[name] = process.env[name];
    process.env[name] = value;
  };

  before(async () => {
    api = await freshExplorer();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ami-explorer-aws-'));
    fs.writeFileSync(
      path.join(dir, 'config'),
      '[profile ghost]\nregion = us-east-1\n\n[profile corp-sso]\nsso_session = corp\n\n[sso-session corp]\nsso_start_url = https://example.invalid/start\n',
    );
    fs.writeFileSync(path.join(dir, 'credentials'), '');
    env('AWS_CONFIG_FILE', path.join(dir, 'config'));
    env('AWS_SHARED_CREDENTIALS_FILE', path.join(dir, 'credentials'));
    env('AWS_EC2_METADATA_DISABLED', 'true');
    env('AWS_ACCESS_KEY_ID', '');
    env('AWS_SECRET_ACCESS_KEY', '');
  });

  after(async () => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await vscode.workspace
      .getConfiguration('amiExplorer')
      .update('backend', 'simulator', vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('amiExplorer').update('profile', '', vscode.ConfigurationTarget.Global);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lists the shared-config profiles, and a profile without credentials fails with the fix', async () => {
    const input = new ScriptedInput().pickLabel('ghost');
    api.setUserInput(input);
    const error = await runExpectingError(api, 'amiExplorer.connectToAws');
    input.assertDone();
    assert.deepStrictEqual(input.prompts[0].items, ['Default credential chain', 'corp-sso', 'ghost']);
    assert.match(error.message, /profile "ghost"/);
    assert.match(error.fix ?? '', /aws (configure|sso login) --profile ghost/);
    assert.strictEqual(vscode.workspace.getConfiguration('amiExplorer').get('backend'), 'aws');
  });

  it('shows the same advice as an error row in each region', async () => {
    const rows = await children(api, await nodeAt(api, ['us-east-1', 'Images', 'Amazon']));
    assert.strictEqual(rows.length, 1);
    assert.strictEqual(contextValue(rows[0]), 'error');
    assert.match(label(rows[0]), /No AWS credentials were found for profile "ghost"/);
    assert.match(description(rows[0]), /--profile ghost/);
  });

  it('switches back to the simulator', async () => {
    api.setUserInput(new ScriptedInput());
    await run(api, 'amiExplorer.useSimulator');
    assert.strictEqual(vscode.workspace.getConfiguration('amiExplorer').get('backend'), 'simulator');
    await waitFor('images from the simulator', async () => {
      const rows = await children(api, await nodeAt(api, ['us-east-1', 'Images', 'Amazon', 'EBS-backed']));
      return rows.length > 0 && /^image\+/.test(contextValue(rows[0]));
    });
  });
});
