import { randomUUID } from 'crypto';
import { accountForAccessKey } from './accounts';
import { systemClock, type Clock } from './clock';
import { Ec2Error, errors } from './errors';
import { finishPendingWork, settleRegion } from './models/lifecycle';
import type { SimState } from './models/types';
import { RequestContext } from './protocol/context';
import { QueryParams } from './protocol/query';
import { jsonErrorBody, parseJsonBody, type JsonService } from './protocol/jsonProtocol';
import { jsonServiceOf, serviceProtocol } from './protocol/registry';
import { readSignature } from './protocol/sigv4';
import { isNotOptedInRegion, isSimulatedRegion, SIMULATOR_REGIONS } from './regions';
import type { RegionCatalog } from './seed/regionCatalog';
import { createRegionCatalog, createSeedState, emptyRegionState, type SeedOptions } from './seed/seed';
import { lockStateFile, type StateLock } from './stateLock';
import { loadState, removeLeftoverTempFiles, saveState } from './store';
import { World } from './world';

export interface SimulatorOptions {
  /** Where the state persists between runs; without it the state lives in memory only. */
  stateFile?: string;
  clock?: Clock;
  /** How long new images stay `pending` (ms). Default 15 s; 0 makes them available at once. */
  pendingDelayMs?: number;
  /** How long an instance spends in each transitional state (ms). Default 3 s. */
  instanceTransitionMs?: number;
  /** Scales the public catalog of one region, for benchmarks (e.g. 100,000 images). */
  largeRegionImages?: number;
  largeRegion?: string;
  /** Told about things the user should know, e.g. a corrupt state file that was moved aside. */
  onWarning?: (message: string) => void;
}

/** One HTTP request as the simulator sees it (header names in lower case). */
export interface SimRequest {
  method: string;
  /** The URL path, percent-encoded as sent (REST-JSON services route by it); absent means `/`. */
  path?: string;
  /** The query string without `?` (GET requests and presigned URLs). */
  query?: string;
  headers: Record<string, string | undefined>;
  body: string;
}

export interface SimResponse {
  status: number;
  headers: Record<string, string>;
  /** The XML document, encoded once here: both transports send these bytes as they are. */
  body: Buffer;
}

/**
 * The embedded EC2 simulator: answers EC2 (and STS GetCallerIdentity) Query API requests
 * exactly as the wire protocol defines them, so any SDK or the AWS CLI can talk to it.
 */
export class Simulator {
  private readonly world: World;
  private readonly seedOptions: SeedOptions;
  /** True while saving the state file fails (warned once per failing streak). */
  private saveFailing = false;
  /** This simulator's ownership of the state file (see stateLock.ts). */
  private readonly lock: StateLock | undefined;
  private disposed = false;

  constructor(private readonly options: SimulatorOptions = {}) {
    this.seedOptions = {
      largeRegion: options.largeRegion ?? 'us-east-1',
      publicImagesInLargeRegion: options.largeRegionImages ?? 0,
    };
    const clock = options.clock ?? systemClock;
    // Before reading: a second simulator on the same file fails here, with the owner's pid.
    this.lock = options.stateFile ? lockStateFile(options.stateFile) : undefined;
    let state: SimState;
    try {
      state = this.loadOrSeed(clock);
    } catch (e) {
      this.lock?.release();
      throw e;
    }
    this.world = new World(state, this.buildCatalog(clock), clock, {
      pendingDelayMs: options.pendingDelayMs ?? 15_000,
      instanceTransitionMs: options.instanceTransitionMs ?? 3_000,
    });
  }

  /** Answers one request. Never throws: every failure becomes an EC2 error response. */
  async handle(request: SimRequest): Promise<SimResponse> {
    return this.handleSync(request);
  }

  handleSync(request: SimRequest): SimResponse {
    const requestId = randomUUID();
    const json = jsonServiceOf(request.headers['authorization']);
    if (json) return this.handleJson(json, request, requestId);
    let service = 'ec2';
    try {
      const scope = readSignature(request.headers['authorization']);
      service = scope.service;
      // A region the account has not opted in to answers as EC2's does (see regions.ts).
      if (isNotOptedInRegion(scope.region)) throw errors.authFailure();
      if (!isSimulatedRegion(scope.region)) {
        throw errors.authFailure(`The region '${scope.region}' does not exist in the simulator.`);
      }
      const params = QueryParams.parse(mergeQuery(request));
      const action = params.get('Action');
      if (!action) throw errors.missingAction();
      const table = serviceProtocol(service).actions;
      const handler = Object.prototype.hasOwnProperty.call(table, action) ? table[action] : undefined;
      if (!handler) throw errors.invalidAction(action);
      settleRegion(this.world, scope.region);
      const ctx = new RequestContext(
        action,
        params,
        accountForAccessKey(scope.accessKeyId),
        scope.region,
        requestId,
        this.world,
      );
      const inner = handler(ctx);
      this.persistIfChanged();
      const body = serviceProtocol(service).response(action, requestId, inner);
      return xmlResponse(200, body, requestId);
    } catch (e) {
      this.persistIfChanged();
      const error = e instanceof Ec2Error ? e : errors.internalError();
      if (!(e instanceof Ec2Error))
        this.options.onWarning?.(`Simulator internal error: ${(e as Error)?.stack ?? String(e)}`);
      const body = serviceProtocol(service).errorResponse(error.code, error.message, requestId);
      return xmlResponse(error.status, body, requestId);
    }
  }

  /** A request to one of the JSON services (Recycle Bin, Systems Manager): JSON in, JSON out. */
  private handleJson(
    json: { name: string; service: JsonService },
    request: SimRequest,
    requestId: string,
  ): SimResponse {
    try {
      const scope = readSignature(request.headers['authorization']);
      if (isNotOptedInRegion(scope.region)) {
        // The JSON services' answer in a disabled region (unverified: the STS-issued token is
        // not valid there, as for EC2's AuthFailure).
        throw errors.unrecognizedClient('The security token included in the request is invalid.');
      }
      if (!isSimulatedRegion(scope.region)) {
        throw errors.unrecognizedClient(`The region '${scope.region}' does not exist in the simulator.`);
      }
      settleRegion(this.world, scope.region);
      const answer = json.service.handle({
        world: this.world,
        account: accountForAccessKey(scope.accessKeyId),
        region: scope.region,
        request: {
          method: request.method.toUpperCase(),
          path: request.path ?? '/',
          query: new URLSearchParams(request.query ?? ''),
          headers: request.headers,
          body: parseJsonBody(request.body),
        },
      });
      this.persistIfChanged();
      const body = answer.body === undefined ? '' : JSON.stringify(answer.body);
      return jsonResponse(answer.status, json.service.contentType, body, requestId);
    } catch (e) {
      this.persistIfChanged();
      const error = e instanceof Ec2Error ? e : errors.internalError();
      if (!(e instanceof Ec2Error))
        this.options.onWarning?.(`Simulator internal error: ${(e as Error)?.stack ?? String(e)}`);
      const response = jsonResponse(
        error.status,
        json.service.contentType,
        jsonErrorBody(json.service, error),
        requestId,
      );
      response.headers['x-amzn-errortype'] = error.code;
      return response;
    }
  }

  /** Restores the seed state (the "Reset simulator" command). */
  reset(): void {
    this.world.state = createSeedState(this.seedOptions, this.world.clock.now());
    this.world.markChanged();
    this.persistIfChanged();
  }

  /**
   * Finishes every pending image and instance transition now, in every region and account
   * (the "Settle Pending Work Now" command). Returns how many were moving.
   */
  settleAllNow(): number {
    const moving = finishPendingWork(this.world);
    this.persistIfChanged();
    return moving;
  }

  /**
   * Gives up the state file: later changes stay in memory only, and another simulator may now
   * open the file. Call it before creating a new simulator on the same file in this process.
   */
  dispose(): void {
    this.disposed = true;
    this.lock?.release();
  }

  /** The clock the simulator runs on (a ManualClock in tests). */
  get clock(): Clock {
    return this.world.clock;
  }

  private loadOrSeed(clock: Clock): SimState {
    const file = this.options.stateFile;
    if (file) {
      removeLeftoverTempFiles(file);
      const loaded = loadState(file, clock.now());
      // A state saved when the simulator modelled fewer regions gets the new ones, empty.
      if (loaded.kind === 'loaded') return withEveryRegion(loaded.state);
      if (loaded.kind === 'corrupt') {
        this.options.onWarning?.(
          `The simulator state file could not be read (${loaded.reason}). It was moved to ${loaded.movedTo} and the simulator starts from its seed.`,
        );
      }
    }
    const state = createSeedState(this.seedOptions, clock.now());
    if (file) saveState(file, state);
    return state;
  }

  /** Each region's catalog is built on first use: a session rarely visits all 17 regions. */
  private buildCatalog(clock: Clock) {
    const seedOptions = this.seedOptions;
    return new (class extends Map<string, RegionCatalog> {
      override get(region: string) {
        let catalog = super.get(region);
        if (!catalog && SIMULATOR_REGIONS.includes(region)) {
          super.set(region, (catalog = createRegionCatalog(region, seedOptions, clock.now())));
        }
        return catalog;
      }
    })();
  }

  private persistIfChanged(): void {
    if (!this.world.takeChanged() || !this.options.stateFile || this.disposed) return;
    // A failed save must not fail the request (the change is made, and the SDK would retry an
    // InternalError and repeat it): the state stays in memory, the user is told once, and the
    // next change that saves writes everything.
    try {
      saveState(this.options.stateFile, this.world.state);
      this.saveFailing = false;
    } catch (e) {
      if (!this.saveFailing) {
        this.options.onWarning?.(
          `The simulator state could not be saved to ${this.options.stateFile} (${(e as Error).message}); changes are kept in memory only until it can be written again.`,
        );
      }
      this.saveFailing = true;
    }
  }
}

function mergeQuery(request: SimRequest): string {
  if (!request.query) return request.body;
  return request.body ? `${request.query}&${request.body}` : request.query;
}

function jsonResponse(status: number, contentType: string, text: string, requestId: string): SimResponse {
  const body = Buffer.from(text, 'utf8');
  return {
    status,
    headers: { 'content-type': contentType, 'x-amzn-requestid': requestId, 'content-length': String(body.length) },
    body,
  };
}

function xmlResponse(status: number, text: string, requestId: string): SimResponse {
  const body = Buffer.from(text, 'utf8');
  return {
    status,
    headers: {
      'content-type': 'text/xml;charset=UTF-8',
      'x-amzn-requestid': requestId,
      'content-length': String(body.length),
      server: 'AmazonEC2',
    },
    body,
  };
}

function withEveryRegion(state: SimState): SimState {
  for (const region of SIMULATOR_REGIONS) state.regions[region] ??= emptyRegionState();
  return state;
}
