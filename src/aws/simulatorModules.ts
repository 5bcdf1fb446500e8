/**
 * The embedded simulator, in its own bundle (dist/simulator.js) reached only through
 * {@link loadSimulatorModules} (sdk.ts): real AWS never loads it, and it shares no code with
 * the SDK in dist/backend.js (the simulator speaks EC2's wire protocol, not the SDK's types).
 */
export { Simulator } from '../simulator/simulator';
export { SimulatorRequestHandler } from '../simulator/inProcessHandler';
export { serveSimulator } from '../simulator/server';
export { DEFAULT_SIMULATOR_ACCOUNT } from '../simulator/accounts';
export { ManualClock } from '../simulator/clock';
