// `teleop-hub`: serve the hub, run the embedded default (`up`), manage
// enrolled robots, and build, pull and verify datasets.
import { spawn, type ChildProcess } from 'node:child_process';
import { getAddress, isAddress } from 'viem';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { HUB_OPTIONS, HubConfigError, OptionReader, publicHubUrl, readDatabaseUrl, readHubConfig } from './config.ts';
import { Hub } from './Hub.ts';
import { createLogger } from './log.ts';
import { RobotEnrollError, RobotRegistry, UnknownRobotError } from './robots/RobotRegistry.ts';
import { openStores, type DatabaseTarget } from './store/stores.ts';
import { DATASET_USAGE, datasetCommand } from './datasets/datasetCli.ts';
import { startLocalChain } from './chain/localChain.ts';
import { REWARDS_USAGE, rewardsCommand } from './rewards/rewardsCli.ts';
import { MIGRATE_USAGE, migrateCommand } from './migrate/migrateCli.ts';
import type { RunningAnvil } from '@teleop/contracts';
import { processesToWatch, stopOnSignals } from './process/shutdown.ts';
import { runningHubUrl } from './process/runningHub.ts';

const USAGE = `usage: teleop-hub <command> [options]

commands:
  serve                         run the hub (embedded MQTT broker unless --mqtt-url)
  up                            the embedded default: serve, plus a local chain (anvil, contracts deployed once)
                                and one enrolled simulated robot (npm start)
  robots enroll --name N --model M [--id ID] [--owner 0x...] [--json]
                                enroll a robot; prints its id, its secret (once) and the robot-agent command
  robots list [--json]          enrolled robots
  robots revoke ID              revoke a robot; it is disconnected and refused from then on
  robots rotate-secret ID       issue a new secret; the old one stops working
${DATASET_USAGE}
${REWARDS_USAGE}
${MIGRATE_USAGE}

every command takes --data DIR (default ./data), and --database-url postgres://... when the rows are in PostgreSQL.

serve / up options:
${Object.entries(HUB_OPTIONS)
  .map(([name, o]) => `  --${name.padEnd(20)} ${o.help}${'default' in o ? ` (default ${o.default})` : ''}  [${o.env}]`)
  .join('\n')}`;

const ROBOT_OPTIONS = {
  data: HUB_OPTIONS.data,
  'database-url': HUB_OPTIONS['database-url'],
  'public-url': { ...HUB_OPTIONS['public-url'], help: "hub URL for the printed agent command (default: the URL of the hub running on --data, else http://127.0.0.1:8080)" },
  name: { env: 'TELEOP_ROBOT_NAME', help: 'robot name' },
  model: { env: 'TELEOP_ROBOT_MODEL', help: 'robot model' },
  id: { env: 'TELEOP_ROBOT_ID', help: 'robot id (default: generated)' },
  owner: { env: 'TELEOP_ROBOT_OWNER', help: "owner's wallet address (0x...)" },
};

function agentCommand(hubUrl: string, robotId: string, secret: string, driver = 'sim'): string {
  return `npx robot-agent --hub ${hubUrl} --robot-id ${robotId} --secret ${secret} --driver ${driver}`;
}

async function withRegistry<T>(target: DatabaseTarget, run: (registry: RobotRegistry) => Promise<T>): Promise<T> {
  const stores = await openStores(target);
  try {
    return await run(new RobotRegistry(stores.robots));
  } finally {
    await stores.close();
  }
}

async function robotsCommand(argv: string[]): Promise<number> {
  const r = new OptionReader(argv, ROBOT_OPTIONS, process.env, ['json']);
  const [sub, arg] = r.positionals;
  const dataDir = resolve(r.string('data') ?? './data');
  const target: DatabaseTarget = { dataDir, databaseUrl: readDatabaseUrl(r) };
  const publicUrl = r.url('public-url', ['http:', 'https:']);
  r.check();
  // The agent command names the hub the robot should reach: the one serving this data directory, when one runs.
  const running = publicUrl ? null : runningHubUrl(dataDir);
  const hubUrl = running ?? publicHubUrl({ publicUrl, host: '127.0.0.1' }, 8080);
  if (!publicUrl && !running && (sub === 'enroll' || sub === 'rotate-secret')) {
    console.error(`teleop-hub: no hub is running on ${dataDir}; the agent command assumes ${hubUrl} (give --public-url to name another)`);
  }
  switch (sub) {
    case 'enroll': {
      const name = r.string('name');
      const model = r.string('model');
      if (!name || !model) throw new HubConfigError(['robots enroll needs --name and --model']);
      const owner = r.string('owner');
      if (owner !== undefined && !isAddress(owner)) throw new HubConfigError([`--owner must be a wallet address (0x followed by 40 hex digits), got "${owner}"`]);
      const { robot, secret } = await withRegistry(target, (reg) => reg.enroll({ name, model, id: r.string('id'), owner: owner ? getAddress(owner) : null }));
      const command = agentCommand(hubUrl, robot.id, secret);
      if (r.flag('json')) console.log(JSON.stringify({ robotId: robot.id, secret, command }));
      else {
        console.log(`enrolled ${robot.name} (${robot.model}) as ${robot.id}`);
        console.log(`secret (shown once, store it on the robot): ${secret}`);
        console.log(`run on the robot:\n  ${command}`);
      }
      return 0;
    }
    case 'list': {
      const robots = await withRegistry(target, (reg) => reg.list({ includeRevoked: true }));
      if (r.flag('json')) console.log(JSON.stringify(robots));
      else for (const x of robots) console.log(`${x.id}\t${x.name}\t${x.model}\t${x.revokedAt ? `revoked ${x.revokedAt}` : 'active'}`);
      return 0;
    }
    case 'revoke': {
      if (!arg) throw new HubConfigError(['robots revoke needs a robot id']);
      const changed = await withRegistry(target, (reg) => reg.revoke(arg));
      console.log(changed ? `revoked ${arg}` : `${arg} was already revoked`);
      return 0;
    }
    case 'rotate-secret': {
      if (!arg) throw new HubConfigError(['robots rotate-secret needs a robot id']);
      const secret = await withRegistry(target, (reg) => reg.rotateSecret(arg));
      if (r.flag('json')) console.log(JSON.stringify({ robotId: arg, secret, command: agentCommand(hubUrl, arg, secret) }));
      else console.log(`new secret for ${arg} (shown once): ${secret}\nrun on the robot:\n  ${agentCommand(hubUrl, arg, secret)}`);
      return 0;
    }
    default:
      throw new HubConfigError([`unknown robots command "${sub ?? ''}" (enroll, list, revoke, rotate-secret)`]);
  }
}

/** Serves until SIGINT/SIGTERM; `withSimRobot` also enrolls (once) and runs a simulated robot agent. */
async function serveCommand(argv: string[], withSimRobot: boolean): Promise<number> {
  const config = readHubConfig(new OptionReader(argv, HUB_OPTIONS, process.env));
  const logger = createLogger(config.logLevel);
  let anvil: RunningAnvil | null = null;
  if (withSimRobot && !config.chain) {
    // The embedded default brings its own chain, and settles rewards every minute unless told otherwise.
    mkdirSync(config.dataDir, { recursive: true });
    const local = await startLocalChain({ dataDir: config.dataDir, chainId: config.chainId, logger: logger.child({ room: 'chain' }) });
    anvil = local.anvil;
    config.chain = { rpcUrl: local.anvil.rpcUrl, contracts: local.contracts, hubKey: local.hubKey, devFaucet: true };
    if (!argv.some((a) => a.startsWith('--epoch-interval-s')) && process.env.TELEOP_EPOCH_INTERVAL_S === undefined) config.epochIntervalS = 60;
  }
  // The embedded default's simulated robot is the first signed-in wallet's (README: The embedded default).
  if (withSimRobot) config.embeddedDefault = true;
  let hub: Hub;
  try {
    hub = await Hub.start(config, logger);
  } catch (err) {
    await anvil?.stop();
    throw err;
  }
  let agent: ChildProcess | null = null;
  let robotId: string | null = null;
  let stopping = false;
  if (withSimRobot) {
    const creds = await simRobotCredentials(hub);
    robotId = creds.robotId;
    await hub.embeddedClaim?.robotIs(creds.robotId);
    // The agent stops when our end of its stdin closes: it never outlives this process, even a killed one.
    const agentArgs = ['--hub', hub.url, '--robot-id', creds.robotId, '--driver', 'sim', '--log-level', config.logLevel, '--exit-with-parent', 'stdin', '--state-dir', join(hub.config.dataDir, 'sim-robot')];
    // The simulated arm's camera: a rendered view of the arm, streamed live.
    agentArgs.push('--camera', 'name=front,source=sim,size=640x480,fps=30,codec=vp8');
    if (config.ice.hostAddresses.length > 0) agentArgs.push('--ice-host-addresses', config.ice.hostAddresses.join(','));
    agent = spawn('robot-agent', agentArgs, {
      stdio: ['pipe', 'inherit', 'inherit'],
      env: { ...process.env, TELEOP_ROBOT_SECRET: creds.secret },
    });
    agent.on('error', (err) => logger.error({ err: err.message }, 'could not start robot-agent (run through `npm start` or `npx teleop-hub up` so it is on PATH)'));
    agent.on('exit', (code, signal) => {
      if (!stopping) logger.error({ code, signal }, 'the simulated robot agent exited');
    });
  }
  const chainLine = anvil ? `\nLocal chain (anvil) at ${anvil.rpcUrl}, chain id ${config.chainId}; contracts in ${join(config.dataDir, 'chain.json')}` : '';
  console.log(`\nTeleop Hub running at ${hub.url}${robotId ? `  (simulated robot ${robotId})` : ''}${chainLine}\nPress Ctrl-C to stop.\n`);

  // `up` (npm start) never outlives what launched it, even killed (its launcher includes its parent);
  // `serve` only when asked (--exit-with-parent).
  const exitWith = withSimRobot ? 'launcher' : config.exitWithParent;
  stopOnSignals(
    async () => {
      stopping = true;
      if (agent && agent.exitCode === null) {
        agent.kill('SIGTERM');
        await new Promise((r) => {
          agent!.once('exit', r);
          setTimeout(() => {
            agent!.kill('SIGKILL');
            r(undefined);
          }, 3000).unref();
        });
      }
      await hub.close();
      await anvil?.stop();
    },
    { logger, ...(exitWith ? { watch: processesToWatch(exitWith) } : {}) },
  );
  return -1; // runs until stopOnSignals exits the process
}

/** The simulated robot of the embedded default keeps its credentials in the data directory (local dev only). */
async function simRobotCredentials(hub: Hub): Promise<{ robotId: string; secret: string }> {
  const file = join(hub.config.dataDir, 'sim-robot.json');
  if (existsSync(file)) {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { robotId: string; secret: string };
    const auth = await hub.registry.authenticate(saved.robotId, saved.secret);
    if (auth.ok) return saved;
  }
  const { robot, secret } = await hub.registry.enroll({ name: 'Simulated arm', model: 'so101_sim' });
  hub.fleet.adopt(robot);
  writeFileSync(file, JSON.stringify({ robotId: robot.id, secret }, null, 2));
  chmodSync(file, 0o600);
  return { robotId: robot.id, secret };
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'serve':
        return await serveCommand(rest, false);
      case 'up':
        return await serveCommand(rest, true);
      case 'robots':
        return await robotsCommand(rest);
      case 'dataset':
        return await datasetCommand(rest);
      case 'rewards':
        return await rewardsCommand(rest);
      case 'migrate':
        return await migrateCommand(rest);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        console.log(USAGE);
        return command === undefined ? 2 : 0;
      default:
        console.error(`unknown command "${command}"\n\n${USAGE}`);
        return 2;
    }
  } catch (err) {
    if (err instanceof HubConfigError || err instanceof RobotEnrollError || err instanceof UnknownRobotError) {
      console.error(`teleop-hub: ${err.message}`);
      return 2;
    }
    if ((err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`teleop-hub: ${(err as Error).message}\n\n${USAGE}`);
      return 2;
    }
    console.error(`teleop-hub: ${(err as Error).message}`);
    return 1;
  }
}

const code = await main(process.argv.slice(2));
if (code >= 0) process.exit(code);
