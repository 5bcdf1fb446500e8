import * as assert from 'assert';
import { describeError } from '../../../src/aws/errors';

const ec2Error = (code: string, message: string) => Object.assign(new Error(message), { name: code, Code: code });
const SIM = { backend: 'simulator' as const };

describe('governance and snapshot errors', () => {
  it("keeps EC2's message for a snapshot in use and says to deregister the AMI first", () => {
    const e = describeError(
      ec2Error(
        'InvalidSnapshot.InUse',
        'The snapshot snap-0123456789abcdef0 is currently in use by ami-0123456789abcdef0',
      ),
      SIM,
    );
    assert.strictEqual(e.kind, 'state');
    assert.match(e.message, /currently in use by ami-0123456789abcdef0/);
    assert.match(e.fix ?? '', /Deregister the AMI/);
  });

  it('explains deregistration protection, the tag limit and a wrong image state', () => {
    const protectedError = describeError(
      ec2Error('OperationNotPermitted', 'Image ami-1 has deregistration protection enabled.'),
      SIM,
    );
    assert.match(protectedError.fix ?? '', /Turn off its deregistration protection.*24 more hours/);
    assert.match(
      describeError(ec2Error('TagLimitExceeded', 'The maximum number of Tags for a resource has been reached.'), SIM)
        .fix ?? '',
      /at most 50 tags/,
    );
    assert.strictEqual(
      describeError(ec2Error('IncorrectState', "The image 'ami-1' is in the 'disabled' state"), SIM).kind,
      'state',
    );
  });
});
