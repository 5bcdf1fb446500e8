import { errors } from '../errors';

/** What the simulator takes from a SigV4 signature: who calls, for which region and service. */
export interface SignatureScope {
  accessKeyId: string;
  region: string;
  service: string;
}

const CREDENTIAL = /Credential=([^/,\s]+)\/(\d{8})\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request/;

/**
 * Reads the credential scope of the `Authorization` header. The signature itself is not
 * verified: the simulator accepts any secret. Credentials are taken from this header only,
 * never from a presigned query or form field (`X-Amz-Credential`): a web page can make a
 * browser send a form or a URL to the local endpoint, but it cannot set this header without a
 * CORS preflight, which the simulator never grants. The AWS CLI and the SDKs always send it.
 */
export function readSignature(authorization: string | undefined): SignatureScope {
  if (!authorization) {
    throw errors.authFailure(
      'AWS was not able to validate the provided access credentials: the request has no Authorization header (the simulator accepts only SigV4 header signatures).',
    );
  }
  if (!authorization.startsWith('AWS4-HMAC-SHA256 ')) {
    throw errors.authFailure(
      'AWS was not able to validate the provided access credentials: only AWS4-HMAC-SHA256 signatures are supported.',
    );
  }
  const match = CREDENTIAL.exec(authorization);
  if (!match || !/Signature=[0-9a-f]+/.test(authorization)) {
    throw errors.authFailure(
      'AWS was not able to validate the provided access credentials: the Authorization header is malformed.',
    );
  }
  return { accessKeyId: match[1], region: match[3], service: match[4] };
}
