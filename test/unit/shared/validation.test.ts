import * as assert from 'assert';
import {
  checkAccountId,
  checkAmiName,
  checkDescription,
  checkImageId,
  checkOrganizationalUnitArn,
  checkOrganizationArn,
  checkRegion,
  checkTagKey,
} from '../../../src/shared/validation';

describe('shared validation (EC2 input rules)', () => {
  it('accepts AMI names made of the characters EC2 allows', () => {
    assert.strictEqual(checkAmiName("web-server (prod) [v1.2] /base @team_a 'x'"), undefined);
    assert.strictEqual(checkAmiName('abc'), undefined);
    assert.strictEqual(checkAmiName('a'.repeat(128)), undefined);
  });

  it('refuses AMI names that are too short, too long or hold other characters, saying why', () => {
    assert.match(checkAmiName('ab')!, /at least 3/);
    assert.match(checkAmiName('a'.repeat(129))!, /at most 128/);
    assert.match(checkAmiName('web#1')!, /"#" is not allowed/);
    assert.match(checkAmiName('naïve')!, /"ï" is not allowed/);
  });

  it('limits descriptions to 255 characters', () => {
    assert.strictEqual(checkDescription('d'.repeat(255)), undefined);
    assert.match(checkDescription('d'.repeat(256))!, /at most 255/);
  });

  it('wants account ids of exactly 12 digits', () => {
    assert.strictEqual(checkAccountId('210987654321'), undefined);
    for (const bad of ['21098765432', '2109876543210', '21098765432a', ' 210987654321']) {
      assert.ok(checkAccountId(bad), bad);
    }
  });

  it('recognises organization and OU ARNs', () => {
    assert.strictEqual(
      checkOrganizationArn('arn:aws:organizations::123456789012:organization/o-abcdef1234'),
      undefined,
    );
    assert.ok(checkOrganizationArn('arn:aws:organizations::123456789012:ou/o-abcdef1234/ou-ab12-abcdefgh'));
    assert.strictEqual(
      checkOrganizationalUnitArn('arn:aws:organizations::123456789012:ou/o-abcdef1234/ou-ab12-abcdefgh'),
      undefined,
    );
    assert.ok(checkOrganizationalUnitArn('arn:aws:organizations::123456789012:organization/o-abcdef1234'));
  });

  it('recognises region names and AMI ids', () => {
    assert.strictEqual(checkRegion('eu-central-1'), undefined);
    assert.strictEqual(checkRegion('us-gov-west-1'), undefined);
    assert.ok(checkRegion('Europe'));
    assert.strictEqual(checkImageId('ami-0123456789abcdef0'), undefined);
    assert.strictEqual(checkImageId('ami-12345678'), undefined);
    assert.ok(checkImageId('ami-xyz'));
  });

  it('reserves the aws: tag prefix', () => {
    assert.ok(checkTagKey('aws:cloudformation:stack'));
    assert.strictEqual(checkTagKey('Name'), undefined);
  });
});
