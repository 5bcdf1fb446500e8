import type * as backendModules from './backendModules';
import type * as serviceModules from './serviceModules';
import type * as simulatorModules from './simulatorModules';

/** The lazily loaded SDK (see `backendModules.ts`). */
export type BackendModules = typeof backendModules;

let loaded: BackendModules | undefined;

/**
 * Loads the AWS SDK on first use. A plain `require` (not `import()`), so that the bundle can
 * keep backendModules in its own CommonJS file (dist/backend.js) that activation never parses;
 * in unit tests tsx resolves the TypeScript source.
 */
export async function loadBackendModules(): Promise<BackendModules> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('./backendModules') as BackendModules;
  return loaded;
}

/** The SDK classes, loaded on first use. */
export const loadSdk = loadBackendModules;

/** The clients of Auto Scaling, SSM and the Recycle Bin (see `serviceModules.ts`). */
export type ServiceModules = typeof serviceModules;

let services: ServiceModules | undefined;

/** Loads the other services' SDK clients on first use (dist/services.js in the bundle). */
export async function loadServiceModules(): Promise<ServiceModules> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  services ??= require('./serviceModules') as ServiceModules;
  return services;
}

/** The embedded simulator (see `simulatorModules.ts`). */
export type SimulatorModules = typeof simulatorModules;

let simulator: SimulatorModules | undefined;

/** Loads the simulator on first use (dist/simulator.js in the bundle): real AWS never does. */
export async function loadSimulatorModules(): Promise<SimulatorModules> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  simulator ??= require('./simulatorModules') as SimulatorModules;
  return simulator;
}
