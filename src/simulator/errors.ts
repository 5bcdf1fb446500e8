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
  /** EC2's answer to too many filter values or too long a value (see protocol/limits.ts). */
  filterLimitExceeded: (message: string) => new Ec2Error('FilterLimitExceeded', message),
  /** A list parameter with more entries than one request may carry (wording unverified). */
  tooManyValues: (param: string, max: number) =>
    new Ec2Error('InvalidParameterValue', `The request lists more than ${max} values for ${param}.`),
  descriptionTooLong: () =>
    new Ec2Error('InvalidParameterValue', 'The description must be at most 255 characters long'),
  /**
   * A parameter holding a character XML cannot carry (a control character other than tab and
   * line breaks, or a non-character): refused so it is never stored nor echoed. The value itself
   * is not repeated (wording unverified).
   */
  invalidCharacter: (param: string) =>
    new Ec2Error(
      'InvalidParameterValue',
      `Value for parameter ${param} is invalid: it contains a control character or another character that is not allowed.`,
    ),
  /** The local endpoint refuses a request a web page made (see localGuard.ts; the simulator's own rule). */
  localEndpointRefused: (message: string) => new Ec2Error('UnauthorizedOperation', message, 403),
  /**
   * A parameter EC2's model defines that the simulator does not implement (or one the model
   * lacks): refused by name instead of ignored. Simulator-only: EC2 acts on every parameter it
   * accepts and answers `UnknownParameter` for names outside its model; the code here is unverified.
   */
  unsupportedParameter: (name: string) =>
    new Ec2Error('UnsupportedOperation', `The parameter ${name} is not supported by the simulator.`),
  dryRun: () => new Ec2Error('DryRunOperation', 'Request would have succeeded, but DryRun flag is set.', 412),
};
