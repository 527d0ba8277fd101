// `robot-agent`: connects a robot to a hub.
import { Agent } from './Agent.ts';
import { AGENT_OPTIONS, AgentConfigError, parseAgentConfig } from './config.ts';
import { createLogger } from './log.ts';
import { FfmpegMissingError } from './cameras/ffmpeg.ts';

function usage(): string {
  const rows = Object.entries(AGENT_OPTIONS).map(
    ([name, o]) => `  --${name.padEnd(20)} ${o.help}${o.default ? ` (default ${o.default})` : ''}  [${o.env}]`,
  );
  return ['usage: robot-agent --hub URL --robot-id ID --secret SECRET [--driver sim] [options]', '', 'options:', ...rows].join('\n');
}

export async function main(argv: string[]): Promise<number> {
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
  const agent = new Agent(config, logger);
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
    if (err instanceof FfmpegMissingError) {
      logger.fatal(err.message);
      console.error(`robot-agent: ${err.message}`);
      return 2;
    }
    throw err;
  }
  logger.info({ robotId: config.robotId, driver: config.driver }, 'robot agent running');
  return -1;
}

const code = await main(process.argv.slice(2));
if (code >= 0) process.exit(code);
