// Precision and recall of the four core rules on their hand-labelled corpus (test/corpus/core/).
// The labelling format and the scoring are described in corpusHarness.ts.
import path from 'node:path';
import { missingTimeout } from '../../src/core/rules/missing-timeout';
import { nPlusOne } from '../../src/core/rules/n-plus-one';
import { swallowedException } from '../../src/core/rules/swallowed-exception';
import { unboundedRetry } from '../../src/core/rules/unbounded-retry';
import { runCorpus } from './corpusHarness';

runCorpus('core rules on the labelled corpus', path.resolve(__dirname, '../../../test/corpus/core'), [swallowedException, missingTimeout, unboundedRetry, nPlusOne], { minPositive: 40, minNegative: 40 });
