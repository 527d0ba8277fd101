// The database handle stays inside store/: a check of the import graph of
// every TypeScript module of the hub, its tests and the repository's tests.
// A module outside hub/src/store/ that imports the database module, Kysely or
// better-sqlite3 (statically, by re-export or dynamically) fails it.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../../..');
const storeDir = here + sep;
const DATABASE_MODULE = join(here, 'database.ts');
const DATABASE_PACKAGES = ['kysely', 'better-sqlite3'];

function modules(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...modules(p));
    else if (/\.(ts|tsx|mts)$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** Every module specifier a file names: import/export ... from '...', import '...', import('...'). */
export function specifiers(source: string): string[] {
  const out: string[] = [];
  const patterns = [/\b(?:import|export)\s[^'"`;]*?\sfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const re of patterns) for (const m of source.matchAll(re)) out.push(m[1]!);
  return out;
}

function reachesDatabase(file: string, spec: string): boolean {
  if (DATABASE_PACKAGES.some((p) => spec === p || spec.startsWith(`${p}/`))) return true;
  if (!spec.startsWith('.')) return false;
  const target = resolve(dirname(file), spec);
  return target === DATABASE_MODULE || target === DATABASE_MODULE.replace(/\.ts$/, '') || target === DATABASE_MODULE.replace(/\.ts$/, '.js');
}

describe('the database handle', () => {
  it('finds the imports it looks for (the check itself can fail)', () => {
    expect(specifiers(`import type { HubDb } from '../store/database.ts';\nexport { x } from "./y.ts";\nconst k = await import('kysely');\nimport 'better-sqlite3';`)).toEqual([
      '../store/database.ts',
      './y.ts',
      'better-sqlite3',
      'kysely',
    ]);
    expect(reachesDatabase(join(repo, 'hub/src/episodes/x.ts'), '../store/database.ts')).toBe(true);
    expect(reachesDatabase(join(repo, 'hub/src/episodes/x.ts'), '../store/EpisodeStore.ts')).toBe(false);
  });

  it('is imported by no module outside hub/src/store/', () => {
    const files = [...modules(join(repo, 'hub')), ...modules(join(repo, 'tests')), ...modules(join(repo, 'robot-agent')), ...modules(join(repo, 'operator-ui'))];
    expect(files.length).toBeGreaterThan(50);
    const offenders = files
      .filter((f) => !f.startsWith(storeDir))
      .flatMap((f) => specifiers(readFileSync(f, 'utf8')).filter((s) => reachesDatabase(f, s)).map((s) => `${relative(repo, f)} imports ${s}`));
    expect(offenders).toEqual([]);
  });
});
