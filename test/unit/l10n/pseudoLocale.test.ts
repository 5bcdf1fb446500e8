import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as l10n from '@vscode/l10n';
import { describeError } from '../../../src/aws/errors';
import { ownerGroupLabel } from '../../../src/ec2/ownerGroups';
import { imageDescription } from '../../../src/explorer/presentation';
import { describeReferences } from '../../../src/shared/cleanup/engine';
import { usageSummary } from '../../../src/shared/imageUsage';
import { parseWith, str } from '../../../src/shared/messageValidation';
import { trustExplanation, trustLabel } from '../../../src/shared/trust';
import { checkAmiName } from '../../../src/shared/validation';

const BUNDLE = path.resolve(__dirname, '../../../l10n/bundle.l10n.json');

/**
 * The committed bundle with every message marked ⟦…⟧, keyed as `@vscode/l10n` looks messages up
 * (a message with a comment is keyed `message/comment`), so an English text in the output is one
 * that did not go through the bundle.
 */
function pseudoBundle(): Record<string, string> {
  const english = JSON.parse(fs.readFileSync(BUNDLE, 'utf8')) as Record<string, string | { message: string }>;
  return Object.fromEntries(
    Object.entries(english).map(([key, value]) => [key, `⟦${typeof value === 'string' ? value : value.message}⟧`]),
  );
}

describe('the host texts of modules without vscode go through the translation bundle', () => {
  before(() => l10n.config({ contents: pseudoBundle() }));
  after(() => l10n.config({ contents: {} }));

  it('an AWS error and its fix', () => {
    const e = describeError({ name: 'OptInRequired', message: 'not subscribed' }, { backend: 'aws' });
    assert.strictEqual(e.message, '⟦This region is not enabled for your account.⟧');
    assert.strictEqual(
      e.fix,
      '⟦Enable it in the AWS console (Account → AWS Regions), or remove it with "AMI Explorer: Select Regions…".⟧',
    );
    const expired = describeError({ name: 'ExpiredToken', message: 'expired' }, { backend: 'aws', profile: 'dev' });
    assert.strictEqual(expired.message, '⟦The AWS credentials of profile "dev" have expired.⟧');
    assert.match(expired.fix ?? '', /^⟦Sign in again with `aws sso login --profile dev`.*⟧$/);
  });

  it('the trust level and its explanation', () => {
    assert.strictEqual(trustLabel('unknown'), '⟦Unknown publisher⟧');
    assert.strictEqual(trustLabel('amazon'), '⟦Amazon⟧');
    assert.match(trustExplanation('unknown', { OwnerId: '111122223333' }), /^⟦Owner 111122223333 is not Amazon.*⟧$/);
  });

  it('a validation message, alone and inside a refusal of a panel message', () => {
    assert.strictEqual(checkAmiName('ab'), '⟦An AMI name needs at least 3 characters.⟧');
    const refused = parseWith(str(5), 42);
    assert.strictEqual(refused.ok, false);
    assert.strictEqual(
      !refused.ok && refused.reason,
      '⟦Refused a message from the panel: ⟦message ⟦must be a string, not number.⟧⟧⟧',
    );
  });

  it('an owner group label, while its key stays the group', () => {
    assert.strictEqual(ownerGroupLabel('self'), '⟦Owned by me⟧');
    assert.strictEqual(ownerGroupLabel('amazon'), '⟦Amazon⟧');
  });

  it('counted phrases, in both forms', () => {
    assert.strictEqual(
      describeReferences([{ resourceType: 'ec2:Instance' }, { resourceType: 'ec2:Instance' }, { resourceType: 'ec2:LaunchTemplate' }]),
      '⟦2 instances⟧, ⟦1 launch template⟧',
    );
    const usage = { imageId: 'ami-1', instances: [{}], launchTemplates: [], autoScalingGroups: [], others: [], notices: [] };
    assert.strictEqual(usageSummary(usage as never), '⟦1 instance⟧');
  });

  it('words of a tree row description, not the EC2 values in it', () => {
    const description = imageDescription(
      { ImageId: 'ami-1', Architecture: 'arm64', State: 'available', ImageAllowed: false },
      Date.now(),
    );
    assert.strictEqual(description, 'arm64 · ami-1 · ⟦not allowed⟧');
  });
});

describe('after the pseudo bundle is reset', () => {
  it('the texts are English again', () => {
    assert.strictEqual(ownerGroupLabel('self'), 'Owned by me');
    assert.strictEqual(checkAmiName('ab'), 'An AMI name needs at least 3 characters.');
  });
});
