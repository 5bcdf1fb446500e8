import * as assert from 'assert';
import { trustExplanation, trustLevelOf } from '../../../src/shared/trust';

describe('trust level of an image', () => {
  const own = new Set(['123456789012', '210987654321']);

  it("puts an image of one of the user's accounts first, whatever its alias", () => {
    assert.strictEqual(trustLevelOf({ OwnerId: '210987654321' }, own), 'own');
    assert.strictEqual(trustLevelOf({ OwnerId: '123456789012', ImageOwnerAlias: 'amazon' }, own), 'own');
  });

  it('reads Amazon and the Marketplace from the owner alias and marketplace product codes', () => {
    assert.strictEqual(trustLevelOf({ OwnerId: '137112412989', ImageOwnerAlias: 'amazon' }, own), 'amazon');
    assert.strictEqual(
      trustLevelOf({ OwnerId: '679593333241', ImageOwnerAlias: 'aws-marketplace' }, own),
      'marketplace',
    );
    assert.strictEqual(
      trustLevelOf({ OwnerId: '999999999999', ProductCodes: [{ ProductCodeType: 'marketplace' }] }, own),
      'marketplace',
    );
    assert.strictEqual(
      trustLevelOf({ OwnerId: '999999999999', ProductCodes: [{ ProductCodeType: 'devpay' }] }, own),
      'unknown',
      'only marketplace codes count',
    );
  });

  it('knows the documented publisher accounts, and calls any other owner an unknown publisher', () => {
    assert.strictEqual(trustLevelOf({ OwnerId: '099720109477' }, own), 'verified');
    assert.match(trustExplanation('verified', { OwnerId: '099720109477' }), /Canonical/);
    assert.strictEqual(trustLevelOf({ OwnerId: '447151476420' }, own), 'unknown');
    assert.strictEqual(trustLevelOf({}, own), 'unknown');
    assert.strictEqual(trustLevelOf({ OwnerId: '123456789012' }, new Set()), 'unknown', 'no connection: not own');
  });
});
