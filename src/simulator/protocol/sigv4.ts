import { errors } from '../errors';

/** What the simulator takes from a SigV4 signature: who calls, for which region and service. */
export interface SignatureScope {
  accessKeyId: string;
  region: string;
  service: string;
}

const CREDENTIAL = /Credential=([^/,\s]+)\/(\d{8})\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request/;

/**
 * Reads the credential scope of the `Authorization` header (or of a presigned query's
 * `X-Amz-Credential`). The signature itself is not verified: the simulator accepts any secret.
 */
export function readSignature(authorization: string | undefined, presignedCredential?: string): SignatureScope {
  const source = authorization ?? (presignedCredential ? `Credential=${presignedCredential}` : undefined);
  if (!source) {
    throw errors.authFailure(
      'AWS was not able to validate the provided access credentials: the request is not signed.',
    );
  }
  if (authorization && !authorization.startsWith('AWS4-HMAC-SHA256 ')) {
    throw errors.authFailure(
      'AWS was not able to validate the provided access credentials: only AWS4-HMAC-SHA256 signatures are supported.',
    );
  }
  const match = CREDENTIAL.exec(source);
  if (!match || !/Signature=[0-9a-f]+/.test(source + (presignedCredential ? 'Signature=0' : ''))) {
    throw errors.authFailure(
      'AWS was not able to validate the provided access credentials: the Authorization header is malformed.',
    );
  }
  return { accessKeyId: match[1], region: match[3], service: match[4] };
}
