import { allowedImagesActions } from './allowedImagesActions';
import type { ActionHandler } from './context';
import type { JsonService } from './jsonProtocol';
import { rbinService } from './rbinActions';
import { ssmService } from './ssmActions';
import { recycleBinActions } from './recycleBinActions';
import { imageActions } from './imageActions';
import { instanceActions } from './instanceActions';
import { regionActions } from './regionActions';
import { snapshotActions } from './snapshotActions';
import { stsActions } from './stsActions';
import { tagActions } from './tagActions';

/** Every EC2 action the simulator answers; any other gets `InvalidAction`. */
export const EC2_ACTIONS: Readonly<Record<string, ActionHandler>> = {
  ...regionActions,
  ...imageActions,
  ...instanceActions,
  ...snapshotActions,
  ...tagActions,
  ...allowedImagesActions,
  ...recycleBinActions,
};

/** STS actions (GetCallerIdentity, so a client can show which account it is). */
export const STS_ACTIONS: Readonly<Record<string, ActionHandler>> = stsActions;

/**
 * The JSON services, by the service name of the SigV4 credential scope (`…/rbin/aws4_request`).
 * Query services (EC2, STS) are told apart by the same name in simulator.ts.
 */
const JSON_SERVICES: Readonly<Record<string, JsonService>> = {
  rbin: rbinService,
  ssm: ssmService,
};

/** The JSON service a signed request is for, if any (read from the Authorization header only). */
export function jsonServiceOf(authorization: string | undefined): { name: string; service: JsonService } | undefined {
  const name = authorization
    ? /Credential=[^/,\s]+\/\d{8}\/[a-z0-9-]+\/([a-z0-9-]+)\//.exec(authorization)?.[1]
    : undefined;
  const service =
    name !== undefined && Object.prototype.hasOwnProperty.call(JSON_SERVICES, name) ? JSON_SERVICES[name] : undefined;
  return service && name ? { name, service } : undefined;
}
