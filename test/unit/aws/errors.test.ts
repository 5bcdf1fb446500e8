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

describe('AWS error → user text for configured connections', () => {
  it("gives the exact sign-in line for the SDK's expired SSO session", () => {
    const e = describeError(
      sdkError(
        'CredentialsProviderError',
        'The SSO session associated with this profile has expired. To refresh this SSO session run aws sso login with the corresponding profile.',
      ),
      { backend: 'aws', profile: 'corp' },
    );
    assert.strictEqual(e.kind, 'credentials');
    assert.match(e.fix ?? '', /`aws sso login --profile corp`/);
  });

  it('gives the exact sign-in line when the SSO session was never signed in or its token is not valid', () => {
    // The SDK's own messages (@aws-sdk/token-providers for sso_session profiles, credential-provider-sso for legacy ones).
    for (const raw of [
      "The SSO session token associated with profile=corp was not found or is invalid. To refresh this SSO session run 'aws sso login' with the corresponding profile.",
      'The SSO session associated with this profile is invalid. To refresh this SSO session run aws sso login with the corresponding profile.',
    ]) {
      const e = describeError(sdkError('CredentialsProviderError', raw), { backend: 'aws', profile: 'corp' });
      assert.strictEqual(e.kind, 'credentials');
      assert.strictEqual(e.message, 'The SSO session of profile "corp" is not signed in.');
      assert.strictEqual(e.fix, 'Sign in with `aws sso login --profile corp`, then refresh the view.');
    }
  });

  it('names the files and the profile read when no credentials were found', () => {
    const e = describeError(sdkError('CredentialsProviderError', 'Could not load credentials from any providers'), {
      backend: 'aws',
      profile: 'ghost',
      configFiles: { config: '/home/u/.aws/config', credentials: '/home/u/.aws/credentials' },
    });
    assert.match(e.message, /profile "ghost" \(read \/home\/u\/\.aws\/config and \/home\/u\/\.aws\/credentials\)/);
  });

  it('names the endpoint that was tried when it cannot be reached', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4566'), { code: 'ECONNREFUSED' });
    const e = describeError(refused, { backend: 'aws', endpoint: 'http://localhost:4566' });
    assert.strictEqual(e.kind, 'network');
    assert.match(e.message, /Cannot reach http:\/\/localhost:4566 \(ECONNREFUSED\)/);
    const dns = Object.assign(new Error('getaddrinfo ENOTFOUND ec2.us-east-1.amazonaws.com'), { code: 'ENOTFOUND' });
    assert.match(describeError(dns, { backend: 'aws' }).message, /ec2\.us-east-1\.amazonaws\.com/);
  });

  it('says which operation an endpoint does not implement', () => {
    const ours = describeError(
      sdkError('InvalidAction', 'The action DescribeImageReferences is not valid for this web service.'),
      { backend: 'aws', endpoint: 'http://localhost:4566' },
    );
    assert.strictEqual(ours.message, 'This endpoint does not support DescribeImageReferences.');
    const localstack = describeError(
      sdkError('InternalFailure', "API action 'GetImageBlockPublicAccessState' for service 'ec2' not yet implemented"),
      { backend: 'aws' },
    );
    assert.strictEqual(localstack.message, 'This endpoint does not support GetImageBlockPublicAccessState.');
  });
});
