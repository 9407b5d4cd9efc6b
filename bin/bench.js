#!/usr/bin/env node
// `npm run bench -- <name> [args]` runs bench/<name>.ts; with no name, every benchmark in turn.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const benchDir = new URL('../bench/', import.meta.url);
const available = readdirSync(benchDir)
  .filter((f) => f.endsWith('.ts') && !f.startsWith('_'))
  .map((f) => f.slice(0, -3))
  .sort();
const [name, ...rest] = process.argv.slice(2);
if (name && !available.includes(name)) {
  console.error(`bench: unknown benchmark "${name}"; available: ${available.join(', ')}`);
  process.exit(2);
}
let failed = 0;
for (const bench of name ? [name] : available) {
  console.log(`\n=== bench ${bench} ===`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', new URL(`${bench}.ts`, benchDir).pathname, ...rest], {
    stdio: 'inherit',
  });
  if (run.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
