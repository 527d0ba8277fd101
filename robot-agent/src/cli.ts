// `robot-agent`: connects a robot to a hub.
import { Agent } from './Agent.ts';
import { AGENT_OPTIONS, AgentConfigError, parseAgentConfig } from './config.ts';
import { createLogger } from './log.ts';
import { FfmpegMissingError } from './cameras/ffmpeg.ts';
import { feetech } from '@teleop/proto';
import { calibrateCommand, camerasCommand, emulateBusCommand, ToolError } from './tools.ts';
import { So101Error } from './drivers/feetech/So101Driver.ts';
import { SerialPortError } from './drivers/feetech/SerialTransport.ts';

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
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    agent.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'error while stopping');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  if (config.exitWithStdin) {
    process.stdin.on('end', () => stop('stdin closed'));
    process.stdin.on('error', () => stop('stdin closed'));
    process.stdin.resume();
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
