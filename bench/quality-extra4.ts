/**
 * Quality of the digest engine on the fourth held-out proxy set (tests/fixtures/eval-extra4: 16 hand-labelled French
 * and English articles from sources nobody tuned on, labels committed before the engine was first run on them),
 * scored by the reference scorer `../shared/eval/score.py`.
 *
 * @example
 *   npm run bench -- quality-extra4
 */
import { runProxySetBench } from './_proxy-set.ts';

runProxySetBench({
  name: 'quality-extra4',
  folder: 'tests/fixtures/eval-extra4',
  title: 'the fourth held-out proxy set',
  closing: 'Blind when first scored (tests/fixtures/eval-extra4/README.md); diagnosis, when written: tests/fixtures/eval-extra4/DIAGNOSIS.md',
});
