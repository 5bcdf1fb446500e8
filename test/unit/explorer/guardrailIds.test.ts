import * as assert from 'assert';
import { contextValues } from '../../../src/explorer/contextValues';
import { isInSubtree, nodeIds } from '../../../src/explorer/ids';

describe('ids and context values of the guardrail rows (issue 14)', () => {
  it('builds path-like ids from raw keys, the bin entries under their folder', () => {
    assert.strictEqual(nodeIds.allowedImages('us-east-1'), 'us-east-1/allowed-images');
    assert.strictEqual(nodeIds.recycleBin('us-east-1'), 'us-east-1/recycle-bin');
    const entry = nodeIds.recycleBinEntry('us-east-1', 'ami-0123456789abcdef0');
    assert.strictEqual(entry, 'us-east-1/recycle-bin/ami-0123456789abcdef0');
    assert.ok(isInSubtree(entry, nodeIds.recycleBin('us-east-1')));
    assert.ok(!isInSubtree(entry, nodeIds.imagesFolder('us-east-1')), 'refreshing Images does not drop the bin');
  });

  it('gives the bin entries a context value the Restore menu matches, and nothing else does', () => {
    const restore = /^recycleBinEntry\+(image|snapshot)$/;
    assert.ok(restore.test(contextValues.recycleBinEntry('image')));
    assert.ok(restore.test(contextValues.recycleBinEntry('snapshot')));
    for (const other of [contextValues.recycleBinFolder, contextValues.allowedImages, contextValues.snapshot(false)]) {
      assert.ok(!restore.test(other), other);
    }
  });
});
