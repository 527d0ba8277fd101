// `robot-agent`: connects a robot to a hub.
import { Agent } from './Agent.ts';
import { AGENT_OPTIONS, AgentConfigError, parseAgentConfig } from './config.ts';
import { createLogger } from './log.ts';
import { FfmpegMissingError } from './cameras/ffmpeg.ts';
import { feetech } from '@teleop/proto';
import { calibrateCommand, camerasCommand, emulateBusCommand, ToolError } from './tools.ts';
import { So101Error } from './drivers/feetech/So101Driver.ts';
import { SerialPortError } from './drivers/feetech/SerialTransport.ts';

/** How long a clean stop (recording sealed, cameras and encoders closed) may take before the agent exits anyway. */
const STOP_DEADLINE_MS = 15_000;

function usage(): string {
  const rows = Object.entries(AGENT_OPTIONS).map(
    ([name, o]) => `  --${name.padEnd(20)} ${o.help}${o.default ? ` (default ${o.default})` : ''}  [${o.env}]`,
  );
  return [
    'usage: robot-agent --hub URL --robot-id ID --secret SECRET [--driver sim|so101 --port DEV] [options]',
    '       robot-agent calibrate --driver so101 --port /dev/ttyACM0 [--calibration FILE | --state-dir DIR]',
    '       robot-agent cameras [--json]          list V4L2 cameras with their formats and sizes',
    '       robot-agent emulate-bus [--link PATH] an emulated SO-101 servo bus on a pseudo-terminal (needs socat)',
    '',
    'options:',
    ...rows,
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const tools: Record<string, (a: string[]) => Promise<number> | number> = { calibrate: calibrateCommand, cameras: camerasCommand, 'emulate-bus': emulateBusCommand };
  const tool = argv[0] ? tools[argv[0]] : undefined;
  if (tool) {
    try {
      return await tool(argv.slice(1));
    } catch (err) {
      if (err instanceof ToolError || err instanceof SerialPortError || err instanceof So101Error || err instanceof feetech.FeetechProtocolError || err instanceof feetech.CalibrationError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
        console.error(`robot-agent ${argv[0]}: ${(err as Error).message}`);
        return 2;
      }
      throw err;
    }
  }
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(usage());
    return 0;
  }
  let config;
  try {
    config = parseAgentConfig(argv);
  } catch (err) {
    if (err instanceof AgentConfigError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`${(err as Error).message}\n\n${usage()}`);
      return 2;
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  let agent: Agent;
  try {
    agent = new Agent(config, logger);
  } catch (err) {
    if (err instanceof So101Error) {
      logger.fatal(err.message);
      console.error(`robot-agent: ${err.message}`);
      return 2;
    }
    throw err;
  }
  // Ends once: on a signal, or when the supervising process is gone (its end of our stdin closed, or we were
  // handed to another parent); exits within STOP_DEADLINE_MS even if some part hangs; a second signal exits at once.
  let stopping = false;
  const stop = (why: string, signal?: NodeJS.Signals): void => {
    if (stopping) {
      if (signal) process.exit(signal === 'SIGINT' ? 130 : 143);
      return;
    }
    stopping = true;
    logger.info({ why }, 'stopping');
    setTimeout(() => {
      logger.error(`could not stop cleanly within ${STOP_DEADLINE_MS / 1000} s; exiting anyway`);
      process.exit(1);
    }, STOP_DEADLINE_MS);
    agent.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'error while stopping');
        process.exit(1);
      },
    );
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => stop(signal, signal));
  if (config.exitWithParent === 'stdin') {
    process.stdin.on('end', () => stop('stdin closed'));
    process.stdin.on('error', () => stop('stdin closed'));
    process.stdin.resume();
  } else if (config.exitWithParent === 'parent') {
    const parent = process.ppid;
    setInterval(() => {
      if (process.ppid !== parent) stop(`the process that started the agent (pid ${parent}) is gone`);
    }, 500).unref();
  }
  try {
    await agent.start();
  } catch (err) {
    if (err instanceof FfmpegMissingError || err instanceof So101Error || err instanceof SerialPortError || err instanceof feetech.FeetechProtocolError) {
      const message = (err as Error).message;
      logger.fatal(message);
      console.error(`robot-agent: ${message}`);
      return 2;
    }
    throw err;
  }
  logger.info({ robotId: config.robotId, driver: config.driver }, 'robot agent running');
  return -1;
}

const code = await main(process.argv.slice(2));
if (code >= 0) process.exit(code);
