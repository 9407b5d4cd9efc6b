const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * Reads a human duration ("30s", "10m", "1h", "1h30m", "2d") as milliseconds; null when the
 * text is not one.
 *
 * @example
 *   parseDuration('10m'); // 600000
 *   parseDuration('ten minutes'); // null
 */
export function parseDuration(text: string): number | null {
  const trimmed = text.trim().toLowerCase();
  if (!/^(\d+(\.\d+)?\s*(ms|s|m|h|d)\s*)+$/.test(trimmed)) return null;
  let total = 0;
  for (const match of trimmed.matchAll(/(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)/g)) total += Number(match[1]) * (UNIT_MS[match[2] ?? 's'] ?? 0);
  return Math.round(total);
}

/**
 * A duration in its shortest readable form.
 *
 * @example
 *   formatDuration(5_400_000); // '1h30m'
 */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  let rest = Math.round(ms / 1000);
  let out = '';
  for (const [unit, size] of [['d', 86_400], ['h', 3600], ['m', 60], ['s', 1]] as const) {
    const count = Math.floor(rest / size);
    if (count) out += `${count}${unit}`;
    rest -= count * size;
  }
  return out;
}
