import assert from 'node:assert/strict';
import { spokenLabel } from '../../../src/explorer/spokenLabel';

describe('spoken tree labels', () => {
  it('say the label, then the description with its symbols as words', () => {
    assert.equal(spokenLabel('Snapshots', '9 · 2 unused ≈ $5.80/mo'), 'Snapshots, 9, 2 unused about $5.80 a month');
    assert.equal(
      spokenLabel('web-1', 'i-0abc · running · ⚠ AMI deprecated'),
      'web-1, i-0abc, running, warning: AMI deprecated',
    );
    assert.equal(spokenLabel('Images', undefined), 'Images');
  });
});
