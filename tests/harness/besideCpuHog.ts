// Runs a command beside CPU hogs: one busy process per core (or --hogs N), at
// normal priority and in the same session as the command, so the command gets
// roughly half the machine it would have idle. The hogs die with this process,
// even a killed one (each watches its parent), and the command's exit code is
// passed on. Used to check that the suite and the benchmarks hold on a busy
// machine:
//   node --import tsx tests/harness/besideCpuHog.ts [--hogs N] -- npm test
import { spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';

const argv = process.argv.slice(2);
const sep = argv.indexOf('--');
const own = sep >= 0 ? argv.slice(0, sep) : [];
const command = sep >= 0 ? argv.slice(sep + 1) : argv;
const hogsFlag = own.indexOf('--hogs');
const hogs = hogsFlag >= 0 ? Number(own[hogsFlag + 1]) : availableParallelism();
if (command.length === 0 || !Number.isInteger(hogs) || hogs < 0) {
  console.error('usage: node --import tsx tests/harness/besideCpuHog.ts [--hogs N] -- <command> [args...]');
  process.exit(2);
}

// A busy loop that checks every few million turns whether its parent is still there.
const HOG = `const p = process.ppid; let i = 0; for (;;) { if (++i % 5e6 === 0 && process.ppid !== p) process.exit(0); }`;
const hogProcs: ChildProcess[] = [];
for (let i = 0; i < hogs; i++) hogProcs.push(spawn(process.execPath, ['-e', HOG], { stdio: 'ignore' }));
const stopHogs = (): void => {
  for (const h of hogProcs) if (h.exitCode === null) h.kill('SIGKILL');
};
process.on('exit', stopHogs);

console.error(`[besideCpuHog] ${hogs} busy process(es) beside: ${command.join(' ')} (load ${loadavg().map((l) => l.toFixed(2)).join(' ')})`);
const started = Date.now();
const loads: number[] = [];
const sampler = setInterval(() => loads.push(loadavg()[0]!), 10_000);
// The command runs in a process group of its own, so a signal to this runner reaches everything it started
// (npm's children outlive a signalled npm).
const child = spawn(command[0]!, command.slice(1), { stdio: 'inherit', detached: true });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      child.kill(signal);
    }
  });
}
child.on('exit', (code, signal) => {
  clearInterval(sampler);
  stopHogs();
  const mean = loads.length ? loads.reduce((a, b) => a + b, 0) / loads.length : loadavg()[0]!;
  console.error(`[besideCpuHog] ${command.join(' ')} ended with ${code ?? signal} after ${((Date.now() - started) / 1000).toFixed(0)} s beside ${hogs} hog(s); 1-min load average: mean ${mean.toFixed(2)}, max ${Math.max(0, ...loads).toFixed(2)}`);
  process.exit(code ?? 1);
});
