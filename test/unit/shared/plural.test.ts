import assert from 'node:assert/strict';
import { counted, plural } from '../../../src/shared/plural';

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

describe('counted', function () {
  it('picks the translated form that agrees with the count and puts the count where the translation says', function () {
    // A translation may put the count after the noun.
    assert.equal(counted(1, 'AMI: {0}', 'AMIs: {0}'), 'AMI: 1');
    assert.equal(counted(0, 'AMI: {0}', 'AMIs: {0}'), 'AMIs: 0');
    assert.equal(counted(1200, '{0} image', '{0} images'), '1,200 images');
  });
});
