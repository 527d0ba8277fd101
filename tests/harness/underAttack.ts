// What the DoS tests and the under-attack bench share: starting an attack in a process of its own, and
// timing the hub's answers to a health request and an e-stop while it runs.
// Latencies are timed from this process on 127.0.0.1, which runs nothing but
// the probes while the attack goes on elsewhere.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { OperatorClient } from './OperatorClient.ts';
import { TestProcess } from './processes.ts';

const ATTACKER = fileURLToPath(new URL('./attacker.ts', import.meta.url));

/** Starts one attack of attacker.ts; resolves once it is ready to go (signed in, connected). */
export async function startAttack(name: string, options: Record<string, unknown>): Promise<TestProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', ATTACKER, name, JSON.stringify(options)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const attack = new TestProcess(`attack ${name}`, child);
  await Promise.race([
    attack.waitForLog((l) => l.msg === 'attack ready'),
    attack.exited.then((code) => {
      throw new Error(`attack ${name} exited with ${code} before it was ready: ${JSON.stringify(attack.logs.slice(-3))}`);
    }),
  ]);
  return attack;
}

/** Resolves with the attack's last report once it is over; rejects if it failed. */
export async function attackOver(attack: TestProcess): Promise<Record<string, unknown>> {
  const code = await attack.exited;
  const last = attack.logs.find((l) => l.msg === 'attack done');
  if (code !== 0 || !last) throw new Error(`attack ${attack.name} ended with ${code}: ${JSON.stringify(attack.logs.slice(-3))}`);
  return last;
}

export interface Answers {
  healthMs: number[];
  estopMs: number[];
}

/** The 95th percentile (nearest rank). */
export function p95(samples: number[]): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.ceil(0.95 * sorted.length) - 1]!;
}

/**
 * Times health requests and e-stops of `robotId`, one after the other every `gapMs`, until `over` settles.
 * Each sample is the time from sending the request to the hub's answer.
 */
export async function timeAnswers(hubUrl: string, op: OperatorClient, robotId: string, over: Promise<unknown>, gapMs = 20): Promise<Answers> {
  let done = false;
  void over.then(
    () => (done = true),
    () => (done = true),
  );
  const answers: Answers = { healthMs: [], estopMs: [] };
  while (!done) {
    let t0 = performance.now();
    const res = await fetch(`${hubUrl}/api/v1/health`);
    await res.json();
    answers.healthMs.push(performance.now() - t0);
    if (!res.ok) throw new Error(`health answered ${res.status} under attack`);
    t0 = performance.now();
    await op.estop(robotId, 'latency probe');
    answers.estopMs.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, gapMs));
  }
  return answers;
}

/** One line for a test's log: sample counts, p95 and worst of each. */
export function describeAnswers(a: Answers): string {
  const f = (xs: number[]): string => `n=${xs.length} p95=${p95(xs).toFixed(1)} ms max=${Math.max(...xs).toFixed(1)} ms`;
  return `health ${f(a.healthMs)}; e-stop ${f(a.estopMs)}`;
}
