import * as assert from 'assert';
import { EC2Client } from '@aws-sdk/client-ec2';
import { STSClient } from '@aws-sdk/client-sts';
import { DEFAULT_SIMULATOR_ACCOUNT, type SimulatorAccount } from '../../../src/simulator/accounts';
import { ManualClock } from '../../../src/simulator/clock';
import { SimulatorRequestHandler } from '../../../src/simulator/inProcessHandler';
import { Simulator, type SimulatorOptions } from '../../../src/simulator/simulator';

/**
 * A simulator for a test: in memory, on a ManualClock (pass `clock` to keep a handle on it),
 * images available on the next request unless `pendingDelayMs` says otherwise.
 */
export function newSimulator(opts: SimulatorOptions = {}): Simulator {
  return new Simulator({ clock: new ManualClock(), pendingDelayMs: 0, instanceTransitionMs: 0, ...opts });
}

/** A real EC2Client whose requests the simulator answers in process, signed as `account`. */
export function ec2(
  sim: Simulator,
  region = 'us-east-1',
  account: SimulatorAccount = DEFAULT_SIMULATOR_ACCOUNT,
): EC2Client {
  return new EC2Client({
    region,
    credentials: { accessKeyId: account.accessKeyId, secretAccessKey: account.secretAccessKey },
    requestHandler: new SimulatorRequestHandler(sim),
    maxAttempts: 1,
  });
}

/** A real STSClient answered in process by the simulator. */
export function sts(
  sim: Simulator,
  region = 'us-east-1',
  account: SimulatorAccount = DEFAULT_SIMULATOR_ACCOUNT,
): STSClient {
  return new STSClient({
    region,
    credentials: { accessKeyId: account.accessKeyId, secretAccessKey: account.secretAccessKey },
    requestHandler: new SimulatorRequestHandler(sim),
    maxAttempts: 1,
  });
}

/** What the SDK raises for an EC2 error response. */
export interface SdkError extends Error {
  $metadata?: { httpStatusCode?: number };
  Code?: string;
}

/**
 * Asserts that the promise rejects with EC2's error `code` (the SDK names the exception after it)
 * and, when given, the HTTP status. Returns the error for further checks.
 */
export async function expectEc2Error(promise: Promise<unknown>, code: string, status?: number): Promise<SdkError> {
  let result: unknown;
  try {
    result = await promise;
  } catch (e) {
    const error = e as SdkError;
    assert.strictEqual(error.name, code, `expected ${code}, got ${error.name}: ${error.message}`);
    if (status !== undefined) assert.strictEqual(error.$metadata?.httpStatusCode, status, `HTTP status of ${code}`);
    return error;
  }
  assert.fail(`expected the request to fail with ${code}, but it succeeded: ${JSON.stringify(result)?.slice(0, 300)}`);
}
