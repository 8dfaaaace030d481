// Precision and recall of the idempotency and LLM cost rules on their hand-labelled corpus
// (test/corpus/idempotency-llm/), written from the definitions before the rules were read.
// The labelling format and the scoring are described in corpusHarness.ts.
import path from 'node:path';
import { llmCallInLoop } from '../../src/core/rules/llm-call-in-loop';
import { llmCallWithoutLimit } from '../../src/core/rules/llm-call-without-limit';
import { missingIdempotencyKey } from '../../src/core/rules/missing-idempotency-key';
import { unstableIdempotencyKey } from '../../src/core/rules/unstable-idempotency-key';
import { runCorpus } from './corpusHarness';

runCorpus(
  'idempotency and LLM cost rules on the labelled corpus',
  path.resolve(__dirname, '../../../test/corpus/idempotency-llm'),
  [missingIdempotencyKey, unstableIdempotencyKey, llmCallWithoutLimit, llmCallInLoop],
  { minPositive: 30, minNegative: 30 },
);
