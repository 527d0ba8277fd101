#!/usr/bin/env node
// Regenerates proto/src/generated/teleop.{js,d.ts} from proto/schemas with
// protobufjs-cli. The output is committed; `generated.test.ts` fails when it
// is out of date with the schemas.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const protoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const schemaDir = join(protoRoot, 'schemas');

export function schemaFiles() {
  return readdirSync(join(schemaDir, 'teleop/v1'))
    .filter((f) => f.endsWith('.proto'))
    .sort()
    .map((f) => join(schemaDir, 'teleop/v1', f));
}

/** Generates into `outDir` and returns the paths of the two files. */
export function generate(outDir) {
  const require = createRequire(import.meta.url);
  const pbjs = join(dirname(require.resolve('protobufjs-cli/package.json')), 'bin/pbjs');
  mkdirSync(outDir, { recursive: true });
  const js = join(outDir, 'teleop.js');
  execFileSync(process.execPath, [pbjs, '-t', 'static-module', '-w', 'esm', '--force-long', '-d', '-p', schemaDir, '-o', js, ...schemaFiles()], {
    cwd: schemaDir,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  // The same schemas as a JSON bundle: recordings embed them (as a FileDescriptorSet) so MCAP files describe themselves.
  const json = join(outDir, 'teleop.json');
  execFileSync(process.execPath, [pbjs, '-t', 'json', '-p', schemaDir, '-o', json, ...schemaFiles()], { cwd: schemaDir, stdio: ['ignore', 'inherit', 'inherit'] });
  return { js, dts: join(outDir, 'teleop.d.ts'), json };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const tmp = mkdtempSync(join(tmpdir(), 'teleop-proto-'));
  try {
    const out = generate(tmp);
    const dest = join(protoRoot, 'src/generated');
    mkdirSync(dest, { recursive: true });
    writeFileSync(join(dest, 'teleop.js'), readFileSync(out.js));
    writeFileSync(join(dest, 'teleop.d.ts'), readFileSync(out.dts));
    writeFileSync(join(dest, 'teleop.json'), readFileSync(out.json));
    console.log(`generated ${dest}/teleop.{js,d.ts} from ${schemaFiles().length} schemas`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
