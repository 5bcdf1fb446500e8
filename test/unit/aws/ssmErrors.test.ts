import * as assert from 'assert';
import { describeSsmError } from '../../../src/aws/ssmErrors';

describe('SSM errors, per feature', () => {
  const ctx = { backend: 'aws' as const, profile: 'dev' };

  it('says the endpoint lacks SSM for the answers of endpoints without Systems Manager', () => {
    const answers = [
      Object.assign(new Error('The operation AmazonSSM.GetParametersByPath is not supported'), {
        name: 'UnknownOperationException',
      }),
      Object.assign(new Error('UnknownError'), { name: 'Error', $metadata: { httpStatusCode: 404 } }),
      Object.assign(new Error('The action X is not valid for this web service.'), { name: 'InvalidAction' }),
      Object.assign(new Error('Unexpected token < in JSON at position 0'), { name: 'SyntaxError' }),
    ];
    for (const answer of answers) {
      const e = describeSsmError(answer, 'GetParametersByPath', ctx);
      assert.strictEqual(e.message, 'This endpoint does not support SSM GetParametersByPath.', answer.message);
    }
  });

  it('words other failures as usual (expired credentials keep their sign-in advice)', () => {
    const e = describeSsmError(
      Object.assign(new Error('expired'), { name: 'ExpiredTokenException' }),
      'GetParameter',
      ctx,
    );
    assert.strictEqual(e.kind, 'credentials');
    assert.match(e.fix ?? '', /aws sso login --profile dev/);
  });
});
