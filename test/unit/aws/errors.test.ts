import * as assert from 'assert';
import { ActionableError, describeError } from '../../../src/aws/errors';

function sdkError(name: string, message = 'boom'): Error {
  const e = new Error(message);
  e.name = name;
  return e;
}

describe('AWS error → user text', () => {
  const sso = { backend: 'aws' as const, profile: 'dev-sso' };

  it('tells how to sign in again when credentials expired, naming the profile', () => {
    const e = describeError(sdkError('ExpiredToken', 'The security token included in the request is expired'), sso);
    assert.strictEqual(e.kind, 'credentials');
    assert.match(e.fix ?? '', /aws sso login --profile dev-sso/);
  });

  it('recognises an expired SSO session from the provider message', () => {
    const e = describeError(
      sdkError('Error', 'The SSO session associated with this profile has expired or is otherwise invalid.'),
      sso,
    );
    assert.match(e.fix ?? '', /aws sso login --profile dev-sso/);
  });

  it('says no credentials were found and how to configure them', () => {
    const e = describeError(sdkError('CredentialsProviderError', 'Could not load credentials from any providers'), {
      backend: 'aws',
    });
    assert.strictEqual(e.kind, 'credentials');
    assert.match(e.message, /default credentials/);
    assert.match(e.fix ?? '', /aws configure/);
  });

  it('maps access denial, disabled regions, throttling and network failures', () => {
    assert.strictEqual(
      describeError(
        sdkError(
          'UnauthorizedOperation',
          'You are not authorized to perform this operation. Encoded authorization failure message: XYZ',
        ),
        sso,
      ).kind,
      'access',
    );
    assert.ok(
      !describeError(
        sdkError('UnauthorizedOperation', 'No. Encoded authorization failure message: SECRETBLOB'),
        sso,
      ).message.includes('SECRETBLOB'),
    );
    assert.match(describeError(sdkError('OptInRequired'), sso).fix ?? '', /Select Regions/);
    assert.strictEqual(describeError(sdkError('RequestLimitExceeded'), sso).kind, 'throttled');
    const net = Object.assign(new Error('getaddrinfo ENOTFOUND ec2.us-east-1.amazonaws.com'), { code: 'ENOTFOUND' });
    assert.strictEqual(describeError(net, sso).kind, 'network');
  });

  it("keeps EC2's own message for refused input and names the rule", () => {
    const e = describeError(
      sdkError('InvalidAMIName.Malformed', 'AMI names must be between 3 and 128 characters long'),
      { backend: 'simulator' },
    );
    assert.strictEqual(e.kind, 'input');
    assert.match(e.message, /3 and 128/);
    assert.match(e.fix ?? '', /letters, digits/);
    assert.match(
      describeError(sdkError('InvalidAMIName.Duplicate'), { backend: 'simulator' }).fix ?? '',
      /another name/,
    );
  });

  it('passes the extension’s own worded errors through unchanged', () => {
    const e = describeError(new ActionableError('No region is selected.', 'Run Select Regions first.'), {
      backend: 'simulator',
    });
    assert.deepStrictEqual(e, { kind: 'input', message: 'No region is selected.', fix: 'Run Select Regions first.' });
  });
});

describe('AWS error → user text for regions', () => {
  it('recognises a region the account cannot use, and suggests removing it', () => {
    const e = describeError(
      sdkError(
        'AuthFailure',
        "The region 'me-central-1' is not enabled for this account or does not exist in the simulator.",
      ),
      { backend: 'simulator' },
    );
    assert.strictEqual(e.kind, 'region');
    assert.match(e.fix ?? '', /Select Regions/);
  });
});
