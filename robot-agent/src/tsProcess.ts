// A child process whose entry is one of our TypeScript modules: node starts
// it with tsx's loader, as the agent's own entry is loaded, and an IPC
// channel to this process.
import { fork, type ChildProcess, type ForkOptions } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export function forkTs(entry: URL, options: Omit<ForkOptions, 'execArgv'> = {}): ChildProcess {
  const pkg = createRequire(import.meta.url).resolve('tsx/package.json');
  const loader = pathToFileURL(join(dirname(pkg), 'dist/loader.mjs')).href;
  return fork(fileURLToPath(entry), [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'], ...options, execArgv: ['--import', loader] });
}
