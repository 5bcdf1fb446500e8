import * as assert from 'assert';
import {
  checkDeprecationTime,
  parseUtcMinute,
  protectionState,
  suggestedDeprecation,
} from '../../../src/ec2/deprecation';

const NOW = Date.parse('2026-11-23T12:00:00Z');
const PRIVATE = { Public: false, CreationDate: '2026-01-01T00:00:00.000Z' };
const PUBLIC_OLD = { Public: true, CreationDate: '2025-06-01T00:00:00.000Z' };

describe('deprecation time input', () => {
  it('reads YYYY-MM-DD HH:MM as UTC and refuses dates that do not exist', () => {
    assert.strictEqual(parseUtcMinute('2027-01-31 14:30'), Date.parse('2027-01-31T14:30:00Z'));
    assert.strictEqual(parseUtcMinute(' 2027-01-31T14:30 UTC '), Date.parse('2027-01-31T14:30:00Z'));
    assert.strictEqual(parseUtcMinute('2027-02-30 10:00'), undefined);
    assert.strictEqual(parseUtcMinute('2027-01-31 24:00'), undefined);
    assert.strictEqual(parseUtcMinute('next week'), undefined);
  });

  it("applies EC2's limits: in the future, at most 10 years ahead, a public AMI at most 2 years after creation", () => {
    assert.strictEqual(checkDeprecationTime('2027-01-31 14:30', PRIVATE, NOW), undefined);
    assert.match(checkDeprecationTime('2026-11-23 11:59', PRIVATE, NOW) ?? '', /future/);
    assert.match(checkDeprecationTime('2036-11-24 12:00', PRIVATE, NOW) ?? '', /10 years/);
    assert.strictEqual(checkDeprecationTime('2036-11-20 12:00', PRIVATE, NOW), undefined);
    assert.match(
      checkDeprecationTime('2027-06-02 00:00', PUBLIC_OLD, NOW) ?? '',
      /2 years after its creation.*2027-06-01 00:00/,
    );
    assert.strictEqual(checkDeprecationTime('2027-05-31 00:00', PUBLIC_OLD, NOW), undefined);
    assert.match(checkDeprecationTime('31/01/2027', PRIVATE, NOW) ?? '', /YYYY-MM-DD HH:MM/);
  });

  it('suggests a valid time: in 30 days, or the latest allowed when sooner', () => {
    assert.strictEqual(suggestedDeprecation(PRIVATE, NOW), '2026-12-23 12:00');
    const nearlyTwoYears = { Public: true, CreationDate: '2024-12-01T00:00:00.000Z' };
    assert.strictEqual(suggestedDeprecation(nearlyTwoYears, NOW), '2026-12-01 00:00');
    assert.strictEqual(checkDeprecationTime(suggestedDeprecation(nearlyTwoYears, NOW), nearlyTwoYears, NOW), undefined);
  });

  it("reads EC2's deregistration protection states", () => {
    assert.strictEqual(protectionState({}), 'off');
    assert.strictEqual(protectionState({ DeregistrationProtection: 'disabled' }), 'off');
    assert.strictEqual(protectionState({ DeregistrationProtection: 'enabled-without-cooldown' }), 'on');
    assert.strictEqual(protectionState({ DeregistrationProtection: 'enabled-with-cooldown' }), 'onWithCooldown');
    assert.strictEqual(
      protectionState({ DeregistrationProtection: 'disabled-until 2026-11-24T12:00:00.000Z' }),
      'cooldown',
    );
  });
});
