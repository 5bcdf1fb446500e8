import * as assert from 'assert';
import { emptyUsage, inUseWarning, isInUse, usageSummary, type ImageUsage } from '../../../src/shared/imageUsage';

describe('used-by summary', () => {
  const usage = (over: Partial<ImageUsage>): ImageUsage => ({ ...emptyUsage('ami-0123456789abcdef0'), ...over });

  it('counts instances, templates with their versions, and groups', () => {
    const u = usage({
      instances: ['i-1', 'i-2'],
      launchTemplates: [
        { launchTemplateId: 'lt-1', name: 'web-server', versions: [1, 2], defaultVersion: 2 },
        { launchTemplateId: 'lt-2', versions: [] },
      ],
      autoScalingGroups: [{ name: 'asg', launchTemplateId: 'lt-1', launchTemplateVersion: '$Default' }],
    });
    assert.strictEqual(
      usageSummary(u),
      '2 instances, 2 launch templates (web-server v1, v2 default; lt-2), 1 Auto Scaling group',
    );
    assert.strictEqual(
      inUseWarning(u, 'disabling'),
      '2 launch templates and 1 Auto Scaling group still launch this AMI: they will fail to launch after disabling.',
    );
  });

  it('does not call an image launched only by running instances in use', () => {
    const u = usage({ instances: ['i-1'] });
    assert.strictEqual(isInUse(u), false);
    assert.strictEqual(inUseWarning(u, 'deregistration'), undefined);
    assert.strictEqual(usageSummary(u), '1 instance');
    assert.strictEqual(usageSummary(usage({})), 'Not used by any instance, launch template or Auto Scaling group');
  });

  it('counts SSM parameters and recipes as launchers', () => {
    const u = usage({ others: [{ resourceType: 'ssm:Parameter', arn: 'arn:aws:ssm:us-east-1:1:parameter/golden' }] });
    assert.strictEqual(usageSummary(u), '1 SSM parameter');
    assert.strictEqual(
      inUseWarning(u, 'deregistration'),
      '1 other resource still launches this AMI: it will fail to launch after deregistration.',
    );
  });
});
