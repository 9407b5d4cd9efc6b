/**
 * Quality of the digest engine on the second held-out proxy set (tests/fixtures/eval-extra2: 22 hand-labelled French
 * and English articles from sources nobody tuned on, labels committed before the engine was first run on them),
 * scored by the reference scorer `../shared/eval/score.py`.
 *
 * @example
 *   npm run bench -- quality-extra2
 */
import { runProxySetBench } from './_proxy-set.ts';

runProxySetBench({
  name: 'quality-extra2',
  folder: 'tests/fixtures/eval-extra2',
  title: 'the second held-out proxy set',
  closing: 'Diagnosis of the misses: tests/fixtures/eval-extra2/DIAGNOSIS.md',
});
