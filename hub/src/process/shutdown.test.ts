// stopOnSignals in a real child process: a clean stop exits 0, a stop that hangs is cut off at the deadline,
// a second signal exits at once, and the process stops by itself when its parent is gone.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const shutdownModule = new URL('./shutdown.ts', import.meta.url).href;
const tsx = import.meta.resolve('tsx/esm/api');

/** A process that runs stopOnSignals with `stop` (JS source of an async function) and prints "ready". */
function child(stop: string, extra = '', deadlineMs = 1000) {
  const code = `
    const { register } = await import(${JSON.stringify(tsx)}); register();
    const { stopOnSignals, processesToWatch } = await import(${JSON.stringify(shutdownModule)});
    const logger = { info: (o, m) => console.log(JSON.stringify({ level: 'info', ...o, msg: m })), warn: (o, m) => console.log(JSON.stringify({ level: 'warn', ...o, msg: m })), error: (o, m) => console.log(JSON.stringify({ level: 'error', ...o, msg: m })) };
    stopOnSignals(${stop}, { logger, deadlineMs: ${deadlineMs} ${extra} });
    setInterval(() => {}, 1000);
    console.log('ready');`;
  const p = spawn(process.execPath, ['--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  p.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
  const ready = new Promise<void>((resolve) => p.stdout.on('data', () => out.includes('ready') && resolve()));
  const exited = new Promise<number | null>((resolve) => p.once('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))));
  return { p, ready, exited, output: () => out };
}

describe('stopOnSignals', () => {
  it('runs the stop once and exits 0 when it finishes', async () => {
    const c = child(`async () => { console.log('stopped cleanly'); }`);
    await c.ready;
    c.p.kill('SIGTERM');
    expect(await c.exited).toBe(0);
    expect(c.output()).toContain('stopped cleanly');
  });

  it('exits 1 at the deadline when the stop hangs, saying so', async () => {
    const c = child(`() => new Promise(() => {})`, '', 300);
    await c.ready;
    c.p.kill('SIGINT');
    expect(await c.exited).toBe(1);
    expect(c.output()).toContain('could not stop cleanly within 0.3 s');
  });

  it('exits at once on a second signal while stopping', async () => {
    const c = child(`() => new Promise(() => {})`, '', 600_000);
    await c.ready;
    c.p.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 200));
    c.p.kill('SIGTERM');
    expect(await c.exited).toBe(143);
    expect(c.output()).toContain('second signal while stopping');
  });

  it('stops when the process that started it is gone', async () => {
    // A shell starts the watched process and is then killed: the process is handed to another parent.
    const code = `
      const { register } = await import(${JSON.stringify(tsx)}); register();
      const { stopOnSignals, processesToWatch } = await import(${JSON.stringify(shutdownModule)});
      const logger = { info: (o, m) => console.log(JSON.stringify({ ...o, msg: m })), warn: () => {}, error: () => {} };
      stopOnSignals(async () => { console.log('stopped: ' + 'parent gone'); }, { logger, watch: processesToWatch('parent') });
      setInterval(() => {}, 1000);
      console.log('ready ' + process.pid);`;
    const shell = spawn('/bin/sh', ['-c', `"$0" --input-type=module -e "$1" & wait`, process.execPath, code], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    shell.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
    const pid = await new Promise<number>((resolve) => shell.stdout.on('data', () => /ready (\d+)/.test(out) && resolve(Number(/ready (\d+)/.exec(out)![1]))));
    shell.kill('SIGKILL');
    const gone = async (): Promise<boolean> => {
      try {
        process.kill(pid, 0);
        return false;
      } catch {
        return true;
      }
    };
    while (!(await gone())) await new Promise((r) => setTimeout(r, 50));
    expect(out).toContain('is gone');
  });
});
