// Precision and recall of the six security rules over their hand-labelled corpus
// (test/corpus/security/<rule-id>/*); the format is described in corpusHarness.ts.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { commandInjection } from '../../src/core/rules/command-injection';
import { environmentExposure } from '../../src/core/rules/environment-exposure';
import { hardcodedSecret } from '../../src/core/rules/hardcoded-secret';
import { sqlInjection } from '../../src/core/rules/sql-injection';
import { tlsVerificationDisabled } from '../../src/core/rules/tls-verification-disabled';
import { weakJwtVerification } from '../../src/core/rules/weak-jwt-verification';
import { loadGroupCorpus, runGroupCorpus, scoreGroupRule } from './corpusHarness';

const corpusDir = path.resolve(__dirname, '../../../test/corpus/security');

runGroupCorpus('security rules on the labelled corpus', corpusDir, [sqlInjection, commandInjection, hardcodedSecret, tlsVerificationDisabled, weakJwtVerification, environmentExposure], 30);

describe('hardcoded-secret messages on the corpus', () => {
  const corpus = loadGroupCorpus(corpusDir);
  const score = scoreGroupRule;
  it('hardcoded-secret never repeats the secret in its message', () => {
    const s = score(hardcodedSecret, corpus);
    assert.ok(s.findings.length > 0);
    for (const { file, finding } of s.findings) {
      const line = file.lines[finding.line - 1];
      // no string literal of 12+ characters on the flagged line (nor its middle part) may appear in the message
      for (const m of line.matchAll(/(['"`])((?:(?!\1).){12,}?)\1/g)) {
        const secret = m[2];
        const middle = secret.slice(Math.floor(secret.length / 2) - 4, Math.floor(secret.length / 2) + 4);
        assert.ok(!finding.message.includes(secret), `${file.rel}:${finding.line} message repeats the literal: ${finding.message}`);
        assert.ok(!finding.message.includes(middle), `${file.rel}:${finding.line} message shows the middle of the literal: ${finding.message}`);
      }
    }
  });
});
