import assert from 'node:assert/strict';
import { counted } from '../../../src/shared/plural';

describe('counted', function () {
  it('picks the translated form that agrees with the count and puts the count where the translation says', function () {
    // A translation may put the count after the noun.
    assert.equal(counted(1, 'AMI: {0}', 'AMIs: {0}'), 'AMI: 1');
    assert.equal(counted(0, 'AMI: {0}', 'AMIs: {0}'), 'AMIs: 0');
    assert.equal(counted(1200, '{0} image', '{0} images'), '1,200 images');
  });
});
