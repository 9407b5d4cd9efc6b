/**
 * The reference scorer's metrics (`../shared/eval/score.py --json` keys) in the order the quality benchmarks print
 * them, with the targets.
 */
export const METRICS: readonly { key: string; label: string; target?: number }[] = [
  { key: 'quote_recall', label: 'quote recall', target: 0.95 },
  { key: 'quote_precision', label: 'quote precision', target: 0.9 },
  { key: 'speaker_accuracy', label: 'speaker accuracy', target: 0.9 },
  { key: 'speaker_accuracy_persons', label: 'speaker accuracy (persons)' },
  { key: 'short_quote_leaks', label: 'short quote leaks' },
  { key: 'figure_recall', label: 'figure recall', target: 0.9 },
  { key: 'figure_recall_digits', label: 'figure recall (digits)' },
  { key: 'figure_precision', label: 'figure precision', target: 0.85 },
];
