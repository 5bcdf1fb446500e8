import * as assert from 'assert';
import { testApiRequested } from '../../src/api';

/** The test API replaces prompts and resets the simulator: it is not the product's API. */
describe('test API gate', () => {
  it('returns no test API when AMI_EXPLORER_TEST is unset', () => {
    assert.strictEqual(testApiRequested({}), false);
    assert.strictEqual(testApiRequested({ PATH: '/usr/bin' }), false);
  });

  it('returns no test API for any value other than 1', () => {
    for (const value of ['', '0', 'true', 'yes', ' 1']) {
      assert.strictEqual(testApiRequested({ AMI_EXPLORER_TEST: value }), false, value);
    }
  });

  it('returns the test API to the integration tests and the benchmark (AMI_EXPLORER_TEST=1)', () => {
    assert.strictEqual(testApiRequested({ AMI_EXPLORER_TEST: '1' }), true);
  });
});
