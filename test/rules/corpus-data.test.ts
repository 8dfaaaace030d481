// Precision and recall of the data-access rules over their hand-labelled corpus
// (test/corpus/data/<rule-id>/*), written from the definitions; the format is described in corpusHarness.ts.
import path from 'node:path';
import { deleteWithoutFilter } from '../../src/core/rules/delete-without-filter';
import { destructiveMigration } from '../../src/core/rules/destructive-migration';
import { missingTransaction } from '../../src/core/rules/missing-transaction';
import { readModifyWriteRace } from '../../src/core/rules/read-modify-write-race';
import { unboundedQuery } from '../../src/core/rules/unbounded-query';
import { unguardedStatusTransition } from '../../src/core/rules/unguarded-status-transition';
import { runGroupCorpus } from './corpusHarness';

runGroupCorpus('data-access rules on the labelled corpus', path.resolve(__dirname, '../../../test/corpus/data'), [deleteWithoutFilter, destructiveMigration, unboundedQuery, unguardedStatusTransition, readModifyWriteRace, missingTransaction], 25);
