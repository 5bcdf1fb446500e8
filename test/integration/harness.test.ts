// The harness's own checks: the suite runs in a real extension host, with the test env var,
// and the working copy is the development extension that activates.
import * as assert from 'assert';
import * as vscode from 'vscode';

const EXTENSION_ID = 'ami-explorer.ami-explorer';

describe('integration harness', () => {
  it('runs in the extension host with AMI_EXPLORER_TEST=1', () => {
    assert.strictEqual(process.env.AMI_EXPLORER_TEST, '1');
    assert.ok(vscode.version, 'no vscode API');
  });

  it(`loads and activates ${EXTENSION_ID} from the working copy`, async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not loaded`);
    await ext.activate();
    assert.ok(ext.isActive);
  });
});
