// Every rule, explicitly, sorted by id. A rule missing here does not run; a test checks that every
// rule file is registered and has a docs page.
import type { RuleDefinition } from '../engine/rule';
import { commandInjection } from './command-injection';
import { deleteWithoutFilter } from './delete-without-filter';
import { destructiveMigration } from './destructive-migration';
import { environmentExposure } from './environment-exposure';
import { errorContextLost } from './error-context-lost';
import { floatingPromise } from './floating-promise';
import { hardcodedSecret } from './hardcoded-secret';
import { invalidSuppression } from './invalid-suppression';
import { llmCallInLoop } from './llm-call-in-loop';
import { llmCallWithoutLimit } from './llm-call-without-limit';
import { missingIdempotencyKey } from './missing-idempotency-key';
import { missingTimeout } from './missing-timeout';
import { missingTransaction } from './missing-transaction';
import { nPlusOne } from './n-plus-one';
import { readModifyWriteRace } from './read-modify-write-race';
import { retryWithoutBackoff } from './retry-without-backoff';
import { sensitiveDataLogged } from './sensitive-data-logged';
import { sqlInjection } from './sql-injection';
import { swallowedException } from './swallowed-exception';
import { syncIoInHandler } from './sync-io-in-handler';
import { tlsVerificationDisabled } from './tls-verification-disabled';
import { unboundedQuery } from './unbounded-query';
import { unboundedRetry } from './unbounded-retry';
import { unguardedStatusTransition } from './unguarded-status-transition';
import { unstableIdempotencyKey } from './unstable-idempotency-key';
import { weakJwtVerification } from './weak-jwt-verification';

export const RULES: readonly RuleDefinition<any>[] = [
  commandInjection,
  deleteWithoutFilter,
  destructiveMigration,
  environmentExposure,
  errorContextLost,
  floatingPromise,
  hardcodedSecret,
  invalidSuppression,
  llmCallInLoop,
  llmCallWithoutLimit,
  missingIdempotencyKey,
  missingTimeout,
  missingTransaction,
  nPlusOne,
  readModifyWriteRace,
  retryWithoutBackoff,
  sensitiveDataLogged,
  sqlInjection,
  swallowedException,
  syncIoInHandler,
  tlsVerificationDisabled,
  unboundedQuery,
  unboundedRetry,
  unguardedStatusTransition,
  unstableIdempotencyKey,
  weakJwtVerification,
].sort((a, b) => a.id.localeCompare(b.id));

export const RULE_IDS: ReadonlySet<string> = new Set(RULES.map((r) => r.id));

export function getRule(id: string): RuleDefinition<any> | undefined {
  return RULES.find((r) => r.id === id);
}
