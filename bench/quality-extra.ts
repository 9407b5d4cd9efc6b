/**
 * Quality of the digest engine on the held-out proxy set (tests/fixtures/eval-extra: hand-labelled French and
 * English articles that the engine was not tuned on), scored by the reference scorer `../shared/eval/score.py`.
 *
 * @example
 *   npm run bench -- quality-extra
 */
import { runProxySetBench } from './_proxy-set.ts';

runProxySetBench({
  name: 'quality-extra',
  folder: 'tests/fixtures/eval-extra',
  title: 'the held-out proxy set',
  closing: 'Diagnosis of the misses: tests/fixtures/eval-extra/DIAGNOSIS.md',
});
