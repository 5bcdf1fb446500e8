import { autoScalingActions } from './autoScalingActions';
import type { ActionHandler } from './context';
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
