import { allowedImagesActions } from './allowedImagesActions';
import type { ActionHandler } from './context';
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
};

/** STS actions (GetCallerIdentity, so a client can show which account it is). */
export const STS_ACTIONS: Readonly<Record<string, ActionHandler>> = stsActions;
