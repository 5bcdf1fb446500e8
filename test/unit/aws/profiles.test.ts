import * as assert from 'assert';
import { parseProfiles } from '../../../src/aws/profiles';

const CONFIG = `
[default]
region = us-east-1

[profile dev-sso]
sso_session = corp
sso_account_id = 111111111111
region = eu-west-1

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start

[profile admin]
role_arn = arn:aws:iam::111111111111:role/Admin
source_profile = default
`;
const CREDENTIALS = `
[default]
aws_access_key_id = AKIAEXAMPLEEXAMPLE00
aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY

[ci]
aws_access_key_id = AKIAEXAMPLEEXAMPLE01
aws_secret_access_key = another-secret
`;

describe('shared config profiles', () => {
  it('lists profiles of both files, default first, with how they get credentials', () => {
    assert.deepStrictEqual(parseProfiles(CONFIG, CREDENTIALS), [
      { name: 'default', kind: 'keys', region: 'us-east-1' },
      { name: 'admin', kind: 'role', region: undefined },
      { name: 'ci', kind: 'keys', region: undefined },
      { name: 'dev-sso', kind: 'sso', region: 'eu-west-1' },
    ]);
  });

  it('never keeps secret values', () => {
    const text = JSON.stringify(parseProfiles(CONFIG, CREDENTIALS));
    assert.ok(!text.includes('wJalr') && !text.includes('another-secret') && !text.includes('AKIA'));
  });

  it('does not list sso-session sections as profiles', () => {
    assert.ok(!parseProfiles(CONFIG, '').some((p) => p.name.includes('corp')));
  });
});
