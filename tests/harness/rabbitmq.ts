// A real RabbitMQ 3.10 (Debian package `rabbitmq-server`) with its MQTT plugin
// on 127.0.0.1, in a directory of its own: its own Erlang port mapper (epmd) on
// a free port, node name, cookie, database and logs, so it runs beside anything
// else (and as root or not). The hub's user is RabbitMQ's own (internal); every
// other user is asked of the hub through rabbitmq_auth_backend_http, as the
// README's "RabbitMQ" section configures it.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './mosquitto.ts';
import { PATIENCE_MS, TestProcess } from './processes.ts';
import { GroupProcess, waitForPort } from './serviceProcess.ts';

const RABBITMQ_SERVER = '/usr/lib/rabbitmq/bin/rabbitmq-server';

export interface RabbitMqOptions {
  /** The hub's own broker user (RabbitMQ internal user with every permission on vhost "/"). */
  hubUsername: string;
  hubPassword: string;
  /**
   * Base of the hub's RabbitMQ auth endpoints, e.g. `http://broker:TOKEN@127.0.0.1:8080/api/v1/broker/rabbitmq`
   * (`/user`, `/vhost`, `/resource`, `/topic` are appended). Unset: only the hub's user can connect.
   */
  authHttpBase?: string;
}

export interface RunningRabbitMq {
  /** mqtt://127.0.0.1:PORT */
  url: string;
  /** amqp://hub:...@127.0.0.1:PORT (AMQP 0-9-1 listener, for consumers of the same messages). */
  amqpUrl: string;
  /** Milliseconds from spawn until the MQTT listener accepted connections. */
  startedInMs: number;
  process: TestProcess;
  /** The Erlang VM's resident memory, bytes (from /proc). */
  residentBytes(): number;
  /** CPU seconds the broker's processes have used. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

export async function startRabbitMq(dir: string, options: RabbitMqOptions): Promise<RunningRabbitMq> {
  const base = join(dir, 'rabbitmq');
  mkdirSync(base, { recursive: true });
  const [mqttPort, amqpPort, distPort, epmdPort] = (await distinctFreePorts(4)) as [number, number, number, number];
  const conf = join(base, 'rabbitmq.conf');
  const lines = [
    `listeners.tcp.1 = 127.0.0.1:${amqpPort}`,
    `mqtt.listeners.tcp.1 = 127.0.0.1:${mqttPort}`,
    'mqtt.allow_anonymous = false',
    'mqtt.vhost = /',
    'mqtt.exchange = amq.topic',
    // The hub's user lives in RabbitMQ (so hubs connect whether or not a hub answers HTTP yet); robots are asked of the hub.
    `default_user = ${options.hubUsername}`,
    `default_pass = ${options.hubPassword}`,
    'default_permissions.configure = .*',
    'default_permissions.read = .*',
    'default_permissions.write = .*',
    'loopback_users = none',
    'auth_backends.1 = internal',
  ];
  if (options.authHttpBase) {
    lines.push(
      'auth_backends.2 = http',
      'auth_http.http_method = post',
      `auth_http.user_path = ${options.authHttpBase}/user`,
      `auth_http.vhost_path = ${options.authHttpBase}/vhost`,
      `auth_http.resource_path = ${options.authHttpBase}/resource`,
      `auth_http.topic_path = ${options.authHttpBase}/topic`,
    );
  }
  lines.push('log.console = true', 'log.console.level = warning', 'log.file = false', '');
  writeFileSync(conf, lines.join('\n'));

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // The Erlang cookie goes into HOME.
    HOME: base,
    ERL_EPMD_PORT: String(epmdPort),
    RABBITMQ_CONFIG_FILE: conf,
    RABBITMQ_NODENAME: `rabbit-${mqttPort}@localhost`,
    RABBITMQ_NODE_IP_ADDRESS: '127.0.0.1',
    RABBITMQ_NODE_PORT: String(amqpPort),
    RABBITMQ_DIST_PORT: String(distPort),
    RABBITMQ_MNESIA_BASE: join(base, 'mnesia'),
    RABBITMQ_LOG_BASE: join(base, 'log'),
    RABBITMQ_PLUGINS_EXPAND_DIR: join(base, 'plugins-expand'),
    RABBITMQ_ENABLED_PLUGINS_FILE: join(base, 'enabled_plugins'),
    RABBITMQ_ENABLED_PLUGINS: 'rabbitmq_mqtt,rabbitmq_auth_backend_http',
    RABBITMQ_PID_FILE: join(base, 'rabbit.pid'),
    // Erlang distribution on loopback only.
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS: '-kernel inet_dist_use_interface {127,0,0,1}',
  };
  // Our own port mapper, in the foreground, so that it stops with the broker (RabbitMQ would otherwise start a
  // daemonised one that outlives everything).
  const epmd = new GroupProcess('epmd', spawn('epmd', ['-port', String(epmdPort), '-address', '127.0.0.1'], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true }));
  await waitForPort(epmdPort, epmd, PATIENCE_MS);
  const started = Date.now();
  const rabbit = new GroupProcess('rabbitmq', spawn(RABBITMQ_SERVER, [], { env, cwd: base, stdio: ['ignore', 'pipe', 'pipe'], detached: true }));
  try {
    await waitForPort(mqttPort, rabbit, PATIENCE_MS);
  } catch (err) {
    await rabbit.stop();
    await epmd.stop();
    throw err;
  }
  const startedInMs = Date.now() - started;
  return {
    url: `mqtt://127.0.0.1:${mqttPort}`,
    amqpUrl: `amqp://${options.hubUsername}:${options.hubPassword}@127.0.0.1:${amqpPort}`,
    startedInMs,
    process: rabbit.process,
    residentBytes: () => rabbit.residentBytes('beam.smp'),
    cpuSeconds: () => rabbit.cpuSeconds(),
    async stop() {
      await rabbit.stop();
      await epmd.stop();
    },
  };
}

async function distinctFreePorts(n: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < n) ports.add(await freePort());
  return [...ports];
}
