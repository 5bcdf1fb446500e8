import assert from 'node:assert/strict';
import { plural } from '../../../src/shared/plural';

describe('plural', function () {
  it('agrees with the count and never writes "(s)"', function () {
    assert.equal(plural(1, 'snapshot'), '1 snapshot');
    assert.equal(plural(0, 'snapshot'), '0 snapshots');
    assert.equal(plural(2, 'AMI'), '2 AMIs');
  });

  it('takes an irregular plural and groups thousands', function () {
    assert.equal(plural(3, 'family', 'families'), '3 families');
    assert.equal(plural(1200, 'image'), '1,200 images');
  });
});
