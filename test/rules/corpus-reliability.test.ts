// Precision and recall of the reliability rules over their hand-labelled corpus
// (test/corpus/reliability/<rule-id>/*), written from the definitions; the format is described in corpusHarness.ts.
import path from 'node:path';
import { errorContextLost } from '../../src/core/rules/error-context-lost';
import { floatingPromise } from '../../src/core/rules/floating-promise';
import { retryWithoutBackoff } from '../../src/core/rules/retry-without-backoff';
import { sensitiveDataLogged } from '../../src/core/rules/sensitive-data-logged';
import { syncIoInHandler } from '../../src/core/rules/sync-io-in-handler';
import { runGroupCorpus } from './corpusHarness';

runGroupCorpus('reliability rules on the labelled corpus', path.resolve(__dirname, '../../../test/corpus/reliability'), [floatingPromise, errorContextLost, sensitiveDataLogged, syncIoInHandler, retryWithoutBackoff], 25);
