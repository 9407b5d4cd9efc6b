#!/usr/bin/env node
// Runs the CLI from source when the sources and tsx are present (a clone after `npm install`),
// otherwise from the compiled dist/ (the Docker image, which ships no sources).
import { existsSync } from 'node:fs';

const source = new URL('../src/cli/main.ts', import.meta.url);
const compiled = new URL('../dist/cli/main.js', import.meta.url);

async function loadTsx() {
  try {
    const { register } = await import('tsx/esm/api');
    register();
    return true;
  } catch {
    return false;
  }
}

if (existsSync(source) && (await loadTsx())) {
  (await import(source.href)).main();
} else if (existsSync(compiled)) {
  (await import(compiled.href)).main();
} else {
  console.error('precis: no compiled build found; run `npm install` (and `npm run build` for production).');
  process.exit(1);
}
