// A worker thread whose entry is one of our TypeScript modules: the thread
// loads it through tsx, as the agent's own entry is loaded (worker threads do
// not inherit the loader of the thread that starts them).
import { Worker, type WorkerOptions } from 'node:worker_threads';

export function tsWorker(entry: URL, options: Omit<WorkerOptions, 'eval'> = {}): Worker {
  const tsx = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(code, { ...options, eval: true });
}


/**
 * Ends a thread politely: `request` asks it to finish, `done` settles when it has (its last message, or its
 * exit); after `timeoutMs` it is terminated however far it got.
 */
export async function endWorker(worker: Worker, request: () => void, done: Promise<void>, timeoutMs: number): Promise<void> {
  request();
  const timer = setTimeout(() => void worker.terminate(), timeoutMs);
  await done;
  clearTimeout(timer);
  await worker.terminate();
}
