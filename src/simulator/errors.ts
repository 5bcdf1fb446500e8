/**
 * An error the simulator answers with EC2's own error XML. `code` and `message` follow
 * what EC2 returns, so the SDK raises the same exception class against both backends.
 */
export class Ec2Error extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = code;
  }
}

/** Shorthands for the errors most handlers raise. */
export const errors = {
  missingParameter: (name: string) =>
    new Ec2Error('MissingParameter', `The request must contain the parameter ${name}`),
  invalidParameterValue: (message: string) => new Ec2Error('InvalidParameterValue', message),
  invalidParameterCombination: (message: string) => new Ec2Error('InvalidParameterCombination', message),
  amiMalformed: (id: string) => new Ec2Error('InvalidAMIID.Malformed', `Invalid id: "${id}" (expecting "ami-...")`),
  amiNotFound: (id: string) => new Ec2Error('InvalidAMIID.NotFound', `The image id '[${id}]' does not exist`),
  amiUnavailable: (id: string) =>
    new Ec2Error('InvalidAMIID.Unavailable', `The image id '[${id}]' is no longer available`),
  authFailure: (message = 'AWS was not able to validate the provided access credentials') =>
    new Ec2Error('AuthFailure', message, 401),
  unauthorized: (message = 'You are not authorized to perform this operation.') =>
    new Ec2Error('UnauthorizedOperation', message, 403),
  /** STS's input validation error (AWS's "1 validation error detected: …" wording). */
  stsValidation: (message: string) => new Ec2Error('ValidationError', `1 validation error detected: ${message}`),
  /** STS's refusal to assume a role the caller may not assume (format as in STS's AccessDenied). */
  assumeRoleDenied: (callerArn: string, roleArn: string) =>
    new Ec2Error(
      'AccessDenied',
      `User: ${callerArn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
      403,
    ),
  dryRun: () => new Ec2Error('DryRunOperation', 'Request would have succeeded, but DryRun flag is set.', 412),
};
