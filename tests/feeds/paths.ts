import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** tests/fixtures/feeds/ */
export const fixturesDir = fileURLToPath(new URL('../fixtures/feeds/', import.meta.url));

/** ../shared/eval/dev/feeds beside the repository, or null when this checkout has none. */
export const sharedFeedsDir: string | null = (() => {
  const dir = fileURLToPath(new URL('../../../shared/eval/dev/feeds/', import.meta.url));
  return existsSync(dir) ? dir : null;
})();

/** The bytes of a fixture feed. */
export function fixture(name: string): Buffer {
  return readFileSync(`${fixturesDir}${name}`);
}
