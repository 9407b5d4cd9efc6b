import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** ../shared beside the repository (evaluation set), or null when this checkout has none. */
export const sharedDir: string | null = (() => {
  const dir = fileURLToPath(new URL('../../../shared/', import.meta.url));
  return existsSync(dir) ? dir : null;
})();

/** The reference article as plain text (title on the first line). */
export const referenceArticlePath = sharedDir ? `${sharedDir}eval/dev/articles/seed-fr.txt` : null;
