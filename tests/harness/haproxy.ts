// A real HAProxy 2.6 (Debian package `haproxy`) in front of N hubs on
// 127.0.0.1: health checks on /api/v1/health, sticky sessions by an inserted
// cookie (socket.io's polling requests and a browser's sign-in must reach the
// hub that holds the session), WebSocket upgrades passed through, and the
// stats page (CSV) for tests to read each hub's health as HAProxy sees it.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './mosquitto.ts';
import { PATIENCE_MS } from './processes.ts';
import { GroupProcess, waitForPort } from './serviceProcess.ts';

/** The cookie HAProxy inserts to pin a browser to a hub. */
export const STICKY_COOKIE = 'TELEOP_HUB';

export interface HaproxyBackend {
  /** Server name in HAProxy (and the sticky cookie's value). */
  name: string;
  /** host:port of the hub. */
  address: string;
}

export interface HaproxyOptions {
  /** Milliseconds between health checks of each hub. */
  checkIntervalMs?: number;
  /** Failed checks that take a hub out (and passed checks that put it back). */
  fall?: number;
  rise?: number;
}

export interface RunningHaproxy {
  /** http://127.0.0.1:PORT: the one address of the hubs. */
  url: string;
  port: number;
  /** HAProxy's view of each hub: "UP", "DOWN", "UP 1/2" (going down), "no check"... */
  serverStatus(): Promise<Record<string, string>>;
  stop(): Promise<void>;
}

/** The configuration for `backends` (exported for the README's "Running several hubs"). */
export function haproxyConfig(port: number, statsPort: number, backends: HaproxyBackend[], o: HaproxyOptions = {}): string {
  const inter = o.checkIntervalMs ?? 1000;
  return [
    'global',
    '  maxconn 2000',
    'defaults',
    '  mode http',
    '  option httplog',
    '  timeout connect 5s',
    '  timeout client 60s',
    '  timeout server 60s',
    // A WebSocket (socket.io, MQTT over WebSocket) is a tunnel once upgraded; socket.io pings every 25 s.
    '  timeout tunnel 1h',
    // A request pinned to a hub that is down goes to another.
    '  option redispatch',
    '  retries 2',
    'frontend hubs',
    `  bind 127.0.0.1:${port}`,
    '  default_backend hubs',
    'backend hubs',
    '  balance roundrobin',
    '  option httpchk GET /api/v1/health',
    '  http-check expect status 200',
    `  cookie ${STICKY_COOKIE} insert indirect nocache httponly`,
    `  default-server check inter ${inter} fall ${o.fall ?? 2} rise ${o.rise ?? 2}`,
    ...backends.map((b) => `  server ${b.name} ${b.address} cookie ${b.name}`),
    'frontend stats',
    `  bind 127.0.0.1:${statsPort}`,
    '  stats enable',
    '  stats uri /stats',
    '',
  ].join('\n');
}

export async function startHaproxy(dir: string, backends: HaproxyBackend[], options: HaproxyOptions = {}): Promise<RunningHaproxy> {
  const base = join(dir, 'haproxy');
  mkdirSync(base, { recursive: true });
  const port = await freePort();
  let statsPort = await freePort();
  while (statsPort === port) statsPort = await freePort();
  const conf = join(base, 'haproxy.cfg');
  writeFileSync(conf, haproxyConfig(port, statsPort, backends, options));
  // -db: foreground, no daemon; -W would add a master process we do not need.
  const haproxy = new GroupProcess('haproxy', spawn('haproxy', ['-db', '-f', conf], { stdio: ['ignore', 'pipe', 'pipe'], detached: true }));
  await waitForPort(port, haproxy, PATIENCE_MS);
  await waitForPort(statsPort, haproxy, PATIENCE_MS);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    async serverStatus() {
      const csv = await (await fetch(`http://127.0.0.1:${statsPort}/stats;csv`)).text();
      const [header, ...rows] = csv.replace(/^# /, '').trim().split('\n');
      const cols = header!.split(',');
      const px = cols.indexOf('pxname');
      const sv = cols.indexOf('svname');
      const st = cols.indexOf('status');
      const out: Record<string, string> = {};
      for (const row of rows) {
        const f = row.split(',');
        if (f[px] === 'hubs' && f[sv] !== 'BACKEND' && f[sv] !== 'FRONTEND') out[f[sv]!] = f[st]!;
      }
      return out;
    },
    stop: () => haproxy.stop(),
  };
}
