import type { SimulatorAccount } from '../accounts';
import { errors } from '../errors';
import type { World } from '../world';
import type { QueryParams } from './query';

/** Everything an action handler needs to answer one request. */
export class RequestContext {
  constructor(
    readonly action: string,
    readonly params: QueryParams,
    readonly account: SimulatorAccount,
    readonly region: string,
    readonly requestId: string,
    readonly world: World,
  ) {}

  get accountId(): string {
    return this.account.accountId;
  }

  /**
   * Call after validating the request and checking permissions, before changing anything:
   * with `DryRun=true` it answers `DryRunOperation`, as EC2 does. A parameter the handler has
   * not read by then is one the simulator does not implement: refused here, before any change.
   */
  checkDryRun(): void {
    const dryRun = this.params.bool('DryRun');
    this.params.refuseUnread();
    if (dryRun) throw errors.dryRun();
  }
}

/** Handles one EC2 action: returns the XML inside the `<ActionResponse>` envelope (after requestId). */
export type ActionHandler = (ctx: RequestContext) => string;
