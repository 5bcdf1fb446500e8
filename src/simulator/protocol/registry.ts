import { autoScalingActions } from './autoScalingActions';
import { allowedImagesActions } from './allowedImagesActions';
import type { ActionHandler } from './context';
import type { JsonService } from './jsonProtocol';
import { rbinService } from './rbinActions';
import { ssmService } from './ssmActions';
import { recycleBinActions } from './recycleBinActions';
import { imageActions } from './imageActions';
import { instanceActions } from './instanceActions';
import { launchTemplateActions } from './launchTemplateActions';
import { lineageActions } from './lineageActions';
import { regionActions } from './regionActions';
import { snapshotActions } from './snapshotActions';
import { stsActions } from './stsActions';
import { tagActions } from './tagActions';
import {
  autoScalingErrorResponse,
  autoScalingResponse,
  ec2ErrorResponse,
  ec2Response,
  stsErrorResponse,
  stsResponse,
} from './xml';

/** Every EC2 action the simulator answers; any other gets `InvalidAction`. */
export const EC2_ACTIONS: Readonly<Record<string, ActionHandler>> = {
  ...regionActions,
  ...imageActions,
  ...instanceActions,
  ...snapshotActions,
  ...tagActions,
  ...launchTemplateActions,
  ...lineageActions,
  ...allowedImagesActions,
  ...recycleBinActions,
};

/** STS actions (GetCallerIdentity, so a client can show which account it is). */
export const STS_ACTIONS: Readonly<Record<string, ActionHandler>> = stsActions;

/** Auto Scaling actions (a minimal Auto Scaling that records groups; see models/autoScaling.ts). */
export const AUTOSCALING_ACTIONS: Readonly<Record<string, ActionHandler>> = autoScalingActions;

/** One AWS service the simulator answers: its actions and its response and error envelopes. */
export interface ServiceProtocol {
  actions: Readonly<Record<string, ActionHandler>>;
  response(action: string, requestId: string, inner: string): string;
  errorResponse(code: string, message: string, requestId: string): string;
}

/**
 * The services, by the SigV4 credential scope's service name. A request signed for a service not
 * listed is answered as EC2 (as before this table existed).
 */
export const SERVICES: Readonly<Record<string, ServiceProtocol>> = {
  ec2: { actions: EC2_ACTIONS, response: ec2Response, errorResponse: ec2ErrorResponse },
  sts: { actions: STS_ACTIONS, response: stsResponse, errorResponse: stsErrorResponse },
  autoscaling: { actions: AUTOSCALING_ACTIONS, response: autoScalingResponse, errorResponse: autoScalingErrorResponse },
};

export function serviceProtocol(service: string): ServiceProtocol {
  return Object.prototype.hasOwnProperty.call(SERVICES, service) ? SERVICES[service] : SERVICES.ec2;
}

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
