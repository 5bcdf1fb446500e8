import * as assert from 'assert';
import { isInSubtree, nodeIds } from '../../../src/explorer/ids';

describe('node ids', () => {
  it('are path-like and built from raw keys', () => {
    assert.strictEqual(nodeIds.image('us-east-1', 'self', 'ebs', 'ami-0abc'), 'us-east-1/images/self/ebs/ami-0abc');
    assert.strictEqual(
      nodeIds.rootType('eu-west-1', 'amazon', 'instance-store'),
      'eu-west-1/images/amazon/instance-store',
    );
    assert.strictEqual(nodeIds.instance('us-east-1', 'i-0abc'), 'us-east-1/instances/i-0abc');
    assert.strictEqual(
      nodeIds.loadMore(nodeIds.rootType('us-east-1', 'public', 'ebs')),
      'us-east-1/images/public/ebs/load-more',
    );
  });

  it('nest: every id starts with its parent id', () => {
    const chain = [
      nodeIds.region('us-east-1'),
      nodeIds.imagesFolder('us-east-1'),
      nodeIds.ownerGroup('us-east-1', 'marketplace'),
      nodeIds.rootType('us-east-1', 'marketplace', 'ebs'),
      nodeIds.image('us-east-1', 'marketplace', 'ebs', 'ami-1'),
      nodeIds.usedBy(nodeIds.image('us-east-1', 'marketplace', 'ebs', 'ami-1')),
      nodeIds.usedByRow(nodeIds.usedBy(nodeIds.image('us-east-1', 'marketplace', 'ebs', 'ami-1')), 'instance', 'i-1'),
    ];
    for (let i = 1; i < chain.length; i++) {
      assert.ok(isInSubtree(chain[i], chain[i - 1]), `${chain[i]} under ${chain[i - 1]}`);
    }
  });

  it('keep a "Used by" row of a resource key apart from its siblings, whatever the key holds', () => {
    const section = nodeIds.usedBy('us-east-1/images/self/ebs/ami-1');
    assert.strictEqual(section, 'us-east-1/images/self/ebs/ami-1/used-by');
    assert.strictEqual(
      nodeIds.usedByRow(section, 'other', 'arn:aws:ssm:us-east-1:1:parameter/a/b'),
      'us-east-1/images/self/ebs/ami-1/used-by/other/arn%3Aaws%3Assm%3Aus-east-1%3A1%3Aparameter%2Fa%2Fb',
    );
  });

  it('isInSubtree does not confuse regions or groups sharing a prefix', () => {
    assert.ok(!isInSubtree('us-east-10/images', 'us-east-1'));
    assert.ok(!isInSubtree('us-east-1/images/self-x', 'us-east-1/images/self'));
    assert.ok(isInSubtree('us-east-1', 'us-east-1'));
  });
});
