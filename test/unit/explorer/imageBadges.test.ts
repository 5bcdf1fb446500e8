import * as assert from 'assert';
import { daysSinceLaunch, isDeprecatedSoon } from '../../../src/ec2/imageBadgeRules';
import { badgeLines } from '../../../src/explorer/imageBadges';
import { emptyUsage } from '../../../src/shared/imageUsage';

describe('image badges', () => {
  const now = Date.parse('2026-11-30T00:00:00Z');

  it('call an image deprecated soon within 30 days, not once deprecated or further away', () => {
    assert.ok(isDeprecatedSoon({ DeprecationTime: '2026-12-20T00:00:00Z' }, now));
    assert.ok(!isDeprecatedSoon({ DeprecationTime: '2027-02-01T00:00:00Z' }, now));
    assert.ok(!isDeprecatedSoon({ DeprecationTime: '2026-11-01T00:00:00Z' }, now), 'already deprecated');
    assert.ok(!isDeprecatedSoon({}, now));
  });

  it('count the days since the last launch, and nothing when EC2 recorded none', () => {
    assert.strictEqual(daysSinceLaunch({ LastLaunchedTime: '2026-11-20T00:00:00Z' }, now), 10);
    assert.strictEqual(daysSinceLaunch({}, now), undefined);
  });

  it('show free tier, last launch, in use (only when read), deprecated soon, billing and the parent', () => {
    const lines = badgeLines(
      {
        ImageId: 'ami-1',
        FreeTierEligible: true,
        LastLaunchedTime: '2026-11-30T00:00:00Z',
        DeprecationTime: '2026-12-01T00:00:00Z',
        PlatformDetails: 'Linux/UNIX',
        UsageOperation: 'RunInstances',
      },
      {
        now,
        usage: {
          available: true,
          usage: {
            ...emptyUsage('ami-1'),
            launchTemplates: [{ launchTemplateId: 'lt-1', name: 'web', versions: [1] }],
          },
        },
        parent: { imageId: 'ami-0', name: 'base_image' },
      },
    );
    assert.deepStrictEqual(lines, [
      'Built from: base\\_image \\(ami-0\\)  ',
      'Free tier: eligible  ',
      'Last launched: 2026-11-30 \\(today\\)  ',
      'In use: yes: 1 launch template \\(web v1\\)  ',
      'Deprecated soon: on 2026-12-01  ',
      'Billing: Linux/UNIX \\(RunInstances\\)  ',
    ]);
    assert.deepStrictEqual(badgeLines({ ImageId: 'ami-2' }, { now }), [], 'nothing known, nothing said');
  });
});
