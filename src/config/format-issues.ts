import type { z } from 'zod';

/** Renders a zod path the way a YAML user reads it: `feeds[0].url`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(top level)';
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}

/**
 * One readable line per zod issue, e.g. `schedule.cron: "61 8 * * *" is not a valid cron expression`
 * or `digest.colour: unknown key (expected one of: stories, quotesPerStory)`.
 */
export function formatIssues(issues: readonly z.core.$ZodIssue[], input: unknown, knownKeys: (path: readonly PropertyKey[]) => string[]): string[] {
  const lines: string[] = [];
  for (const issue of issues) {
    const value = valueAt(input, issue.path);
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys) {
          const known = knownKeys(issue.path);
          const hint = known.length ? ` (expected one of: ${known.join(', ')})` : '';
          lines.push(`${formatPath([...issue.path, key])}: unknown key${hint}`);
        }
        break;
      case 'invalid_type':
        lines.push(
          value === undefined
            ? `${formatPath(issue.path)}: is required (expected ${issue.expected})`
            : `${formatPath(issue.path)}: expected ${issue.expected}, got ${describe(value)}`,
        );
        break;
      case 'too_small':
      case 'too_big':
        lines.push(
          `${formatPath(issue.path)}: ${JSON.stringify(value)} ${issue.message.replace(/^Too (small|big): expected \w+ to (have )?/, 'must be ').replace(/must be be /, 'must be ').replace(/([<>]=?)(\d)/, '$1 $2')}`,
        );
        break;
      default:
        lines.push(
          value === undefined || typeof value === 'object'
            ? `${formatPath(issue.path)}: ${issue.message}`
            : `${formatPath(issue.path)}: ${JSON.stringify(value)} ${issue.message}`,
        );
    }
  }
  return [...new Set(lines)];
}
