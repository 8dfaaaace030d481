// Precision and recall of the catalogue rules on a second, blind corpus (test/corpus/blind-rules/):
// one folder per rule, written from the rule definitions in the issue by hands that had not seen the
// rules, their tests or their docs. Labels as in corpusHarness.ts; a file can name the path it is
// analysed under with a first line `// corpus-path: <path>`. The scores before the fixes the corpus
// led to are in the CHANGELOG; the labels are the writers' own (where a label contradicts a
// documented decision it stays, and counts against the rule).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { RULES } from '../../src/core/rules/registry';
import { runCorpus } from './corpusHarness';

const dir = path.resolve(__dirname, '../../../test/corpus/blind-rules');
const ids = new Set(readdirSync(dir));
runCorpus(
  'catalogue rules on the second blind corpus',
  dir,
  RULES.filter((r) => ids.has(r.id)),
  {
    minPositive: 30,
    minNegative: 30,
    fileFor: (ruleId, name) => /^\/\/\s*corpus-path:\s*(\S+)/.exec(readFileSync(path.join(dir, ruleId, name), 'utf8'))?.[1] ?? `src/corpus/${name}`,
  },
);
