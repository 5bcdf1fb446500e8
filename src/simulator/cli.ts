import * as os from 'os';
import * as path from 'path';
import { SIMULATOR_ACCOUNTS } from './accounts';
import { serveSimulator } from './server';
import { Simulator } from './simulator';
import { StateFileLockedError } from './stateLock';

const USAGE = `Usage: ami-explorer-simulator [--port 4599] [--state FILE | --memory] [--pending-delay SECONDS]
                              [--instance-transition SECONDS] [--large-region-images N]

Serves the AMI Explorer EC2 simulator (EC2 Query API + STS GetCallerIdentity) on 127.0.0.1.
  --port N                 port on 127.0.0.1 (default 4599; 0 picks a free one)
  --state FILE             where the state persists (default ~/.ami-explorer/simulator-state.json)
  --memory                 keep the state in memory only
  --pending-delay S        seconds a new image stays pending (default 5, as the extension's setting; 0 = instant)
  --instance-transition S  seconds an instance spends stopping, pending, … (default 3)
  --large-region-images N  scale the public catalog of us-east-1 to N images (benchmarks)`;

interface CliOptions {
  port: number;
  stateFile?: string;
  pendingDelayMs: number;
  instanceTransitionMs: number;
  largeRegionImages: number;
}

function parseArgs(argv: string[]): CliOptions {
  const options: CliOptions = {
    port: 4599,
    stateFile: path.join(os.homedir(), '.ami-explorer', 'simulator-state.json'),
    pendingDelayMs: 5_000,
    instanceTransitionMs: 3_000,
    largeRegionImages: 0,
  };
  const number = (flag: string, value: string | undefined): number => {
    const n = Number(value);
    if (value === undefined || !Number.isFinite(n) || n < 0) fail(`${flag} needs a non-negative number`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    switch (arg) {
      case '--port':
        options.port = number(arg, argv[++i]);
        break;
      case '--state':
        options.stateFile = argv[++i] ?? fail('--state needs a file');
        break;
      case '--memory':
        options.stateFile = undefined;
        break;
      case '--pending-delay':
        options.pendingDelayMs = number(arg, argv[++i]) * 1000;
        break;
      case '--instance-transition':
        options.instanceTransitionMs = number(arg, argv[++i]) * 1000;
        break;
      case '--large-region-images':
        options.largeRegionImages = number(arg, argv[++i]);
        break;
      case '-h':
      case '--help':
        console.log(USAGE);
        process.exit(0);
      default:
        fail(`Unknown option ${arg}`);
    }
  }
  return options;
}

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

/** A failure that is not about the command line: the message alone, no usage text. */
function die(message: string): never {
  console.error(`ami-explorer-simulator: ${message}`);
  process.exit(1);
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  let simulator: Simulator;
  try {
    simulator = new Simulator({
      stateFile: options.stateFile,
      pendingDelayMs: options.pendingDelayMs,
      instanceTransitionMs: options.instanceTransitionMs,
      largeRegionImages: options.largeRegionImages,
      onWarning: (message) => console.warn(`warning: ${message}`),
    });
  } catch (e) {
    if (!(e instanceof StateFileLockedError)) throw e;
    die(
      `${e.message}\nStop that simulator, or give this one its own state with --state <another file>, or run it with --memory. ` +
        `If no such process is running, delete ${e.stateFile}.lock.`,
    );
  }
  let server;
  try {
    server = await serveSimulator(simulator, options.port);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    die(
      code === 'EADDRINUSE'
        ? `Port ${options.port} on 127.0.0.1 is in use: pick another with --port.`
        : `Cannot listen on 127.0.0.1:${options.port}: ${(e as Error).message}`,
    );
  }
  const [main, ...others] = SIMULATOR_ACCOUNTS;
  console.log(`AMI Explorer EC2 simulator listening on ${server.url} (loopback only)`);
  console.log(`State: ${options.stateFile ?? 'in memory'}`);
  console.log('');
  console.log('Credentials (the secret is not checked; any other access key is the default account):');
  for (const account of SIMULATOR_ACCOUNTS) {
    console.log(`  ${account.label.padEnd(20)} account ${account.accountId}  AWS_ACCESS_KEY_ID=${account.accessKeyId}`);
  }
  console.log('');
  console.log('Try:');
  console.log(
    `  export AWS_ACCESS_KEY_ID=${main.accessKeyId} AWS_SECRET_ACCESS_KEY=${main.secretAccessKey} AWS_DEFAULT_REGION=us-east-1`,
  );
  console.log(`  aws --endpoint-url ${server.url} ec2 describe-images --owners amazon --max-items 5`);
  if (others.length) console.log(`  (switch account: AWS_ACCESS_KEY_ID=${others[0].accessKeyId})`);
  const stop = () => {
    void server.close().then(() => {
      simulator.dispose();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => die(e instanceof Error ? e.message : String(e)));
