// The 15 audit categories and their checklist items: pure data, written for an auditor to check
// one item at a time. Facts come from the framework in ../shared/seeds/ (the master checklist's
// category list and the engineering audit checklist's "what to check" lists); the wording is ours.
//
// Item ids are keys in a committed `.production-audit/audit.yaml`: they are chosen by hand
// (`<category>.<short-name>`), never derived from the text, and must never be renamed once
// released — rewording an item keeps its id. A removed item's id must not be reused.
//
// `rules` lists the rule ids whose findings are evidence for an item (the sidebar shows them
// under it); `probes` lists the workspace probes (probes.ts) whose facts support it.
import { CATEGORY_IDS, CATEGORY_TITLES, type CategoryId } from './model';

export interface ChecklistItem {
  /** Stable key, `<category-id>.<kebab-name>`; unique across all categories. */
  readonly id: string;
  /** One concrete, checkable statement that is true of a production-ready system. */
  readonly text: string;
  /** Ids of rules whose findings are evidence for (against) this item. */
  readonly rules: readonly string[];
  /** Ids of workspace probes that support this item. */
  readonly probes: readonly string[];
}

export interface Category {
  readonly id: CategoryId;
  /** The framework's numbering, 1–15. */
  readonly number: number;
  readonly title: string;
  /** What the category looks at, in one line. */
  readonly focus: string;
  /** What goes wrong in production when the category is neglected. */
  readonly risk: string;
  readonly items: readonly ChecklistItem[];
}

/** A checklist item together with the id of the category it belongs to. */
export interface CategorizedItem extends ChecklistItem {
  readonly category: CategoryId;
}

type CategoryContent = Omit<Category, 'id' | 'number' | 'title'>;

function item(id: string, text: string, rules: readonly string[] = [], probes: readonly string[] = []): ChecklistItem {
  return { id, text, rules, probes };
}

const CONTENT: Readonly<Record<CategoryId, CategoryContent>> = {
  security: {
    focus: 'Authentication, authorization, input validation, injection, secrets and encryption.',
    risk: 'Someone with a copy of your dependency list and a month of patience reads other customers\' data, runs their own queries, or walks off with your keys.',
    items: [
      item(
        'security.no-secrets-in-source',
        'No credential appears in the repository, in example env files or in client-side bundles; secrets come from a secrets manager at run time and are rotated on a schedule.',
        ['hardcoded-secret'],
      ),
      item(
        'security.input-validated-at-boundary',
        'Every input is validated where it enters the system (request handler, queue consumer, webhook), not several calls deeper.',
      ),
      item(
        'security.context-encoding',
        'Values are encoded for the context they enter: parameterised SQL, escaped HTML, argument arrays for child processes — never string concatenation.',
        ['sql-injection', 'command-injection'],
      ),
      item(
        'security.authorization-every-request',
        'Authorization is its own layer, runs on every request and denies by default; being signed in never implies being allowed.',
      ),
      item(
        'security.dependency-scanning',
        'Dependencies are pinned by a committed lockfile and checked for known vulnerabilities on a schedule; a critical advisory opens a ticket within a day.',
        [],
        ['lockfile-present'],
      ),
      item(
        'security.security-headers',
        'HTTP responses carry security headers (Content-Security-Policy, Strict-Transport-Security, X-Frame-Options, Referrer-Policy), verified by an automated check in CI.',
        [],
        ['security-headers'],
      ),
      item(
        'security.tls-verified',
        'Outgoing TLS connections verify the server certificate; verification is never switched off, not for one client and not in one environment.',
        ['tls-verification-disabled'],
      ),
      item(
        'security.no-internals-exposed',
        'No endpoint, error response or log line in production reveals the environment, configuration or secrets (debug routes included).',
        ['environment-exposure'],
      ),
    ],
  },
  'ui-ux-safety': {
    focus: 'Destructive actions, error messages and progress feedback that protect users from mistakes.',
    risk: 'Users lose work to a single misclick, wait on spinners that never finish, or see raw stack traces and retry actions that already went through.',
    items: [
      item(
        'ui-ux-safety.destructive-confirmation',
        'Destructive actions ask for confirmation that names what will be lost, and confirming is never the default button.',
      ),
      item(
        'ui-ux-safety.actionable-errors',
        'Error messages say what failed and what the user can do next; stack traces, raw error codes and internal ids never reach the screen.',
      ),
      item(
        'ui-ux-safety.progress-feedback',
        'Long operations show progress or a clear pending state, and the triggering control cannot be used again while they run.',
      ),
      item(
        'ui-ux-safety.degraded-mode-message',
        'When a dependency is down the interface says so and keeps the parts that still work usable instead of failing the whole page.',
      ),
      item(
        'ui-ux-safety.unsaved-work-guard',
        'Leaving a screen with unsaved changes warns before the changes are thrown away.',
      ),
    ],
  },
  'code-quality': {
    focus: 'Linting, type safety, tests that assert behaviour on the critical paths, dead code.',
    risk: 'Regressions reach users because nothing checks types, tests confirm that functions were called rather than that the system worked, and a slow or flaky suite is ignored.',
    items: [
      item('code-quality.strict-types', 'The TypeScript compiler runs in strict mode, and type checking is a required CI step.', [], ['typescript-strict', 'ci-workflow']),
      item('code-quality.linter-blocks-merge', 'A linter is configured and a lint error blocks the merge.', [], ['linter-configured', 'ci-workflow']),
      item(
        'code-quality.critical-path-tests',
        'The most important user journeys (sign-up, sign-in, the core action, billing, account deletion) have end-to-end tests that check outcomes, not just that code ran.',
        [],
        ['tests-present'],
      ),
      item(
        'code-quality.contract-tests',
        'Each service boundary has a contract test, so a change that breaks a consumer fails the build instead of production.',
      ),
      item(
        'code-quality.fast-trusted-ci',
        'The critical-path tests finish in CI in about 15 minutes or less, and a flaky test is fixed as a bug rather than re-run until it passes.',
        [],
        ['ci-workflow'],
      ),
      item(
        'code-quality.no-dead-code',
        'Dead code is removed, and a feature flag is deleted within about a month of reaching all users.',
      ),
    ],
  },
  'data-integrity': {
    focus: 'Referential integrity, orphaned rows, cascade rules and safe schema migrations.',
    risk: 'Records point at rows that no longer exist, related writes land half-done, and a careless migration destroys data no redeploy can bring back.',
    items: [
      item(
        'data-integrity.constraints-in-database',
        'Relationships and invariants are enforced by the database (foreign keys, unique and not-null constraints), not by application code alone.',
      ),
      item(
        'data-integrity.related-writes-in-transaction',
        'Writes that must succeed or fail together (for example order, stock and payment records) run inside one transaction.',
        ['missing-transaction'],
      ),
      item(
        'data-integrity.deliberate-cascades',
        'Every on-delete rule (cascade, restrict, set null) was chosen on purpose, and a scheduled check looks for orphaned rows.',
      ),
      item(
        'data-integrity.expand-contract-migrations',
        'Schema changes follow expand/contract: add the new shape, write to both, backfill, read from the new one, and drop the old shape only in a later release.',
        ['destructive-migration'],
      ),
      item(
        'data-integrity.migrations-reviewed',
        'Schema changes are versioned migrations in the repository, reviewed by a second engineer, and changes to large tables are planned so they never lock reads during busy hours.',
        [],
        ['migrations-folder'],
      ),
    ],
  },
  reliability: {
    focus: 'Timeouts, bounded retries, fault tolerance and graceful degradation.',
    risk: 'One slow dependency stalls every request, retries turn a short blip into a long outage, and errors vanish without a trace.',
    items: [
      item(
        'reliability.explicit-timeouts',
        'Every outgoing network call sets an explicit timeout; none relies on a library default.',
        ['missing-timeout'],
      ),
      item(
        'reliability.bounded-retries',
        'Every retry stops after a maximum number of attempts and waits with exponential backoff plus jitter between them.',
        ['unbounded-retry', 'retry-without-backoff'],
      ),
      item(
        'reliability.circuit-breakers',
        'Dependencies that can fail for minutes at a time sit behind a circuit breaker, so a dead service is not hammered by every request.',
      ),
      item(
        'reliability.errors-not-swallowed',
        'No catch block or promise rejection handler discards an error silently: each rethrows it, handles it, or logs it.',
        ['swallowed-exception'],
      ),
      item(
        'reliability.unhandled-rejections',
        'Every promise is awaited or given a rejection handler, and a process-level handler reports any rejection or exception that still escapes.',
        ['floating-promise'],
      ),
      item(
        'reliability.dead-letter-queues',
        'Every asynchronous job queue has a dead-letter queue, and an alert fires when it starts to fill.',
      ),
      item(
        'reliability.graceful-degradation',
        'When a dependency fails the system degrades: reads keep working, writes are queued, and the backlog drains without manual help once it recovers.',
      ),
    ],
  },
  throughput: {
    focus: 'N+1 queries, pagination, caching and behaviour under realistic load.',
    risk: 'Pages that are quick with ten rows time out with ten thousand, and the first traffic spike saturates the database.',
    items: [
      item(
        'throughput.no-n-plus-one',
        'No request path runs a query or remote call once per element of a collection; related data is fetched in one batched call.',
        ['n-plus-one'],
      ),
      item('throughput.paginated-lists', 'Every list endpoint and list query is paginated or has a hard upper limit.', ['unbounded-query']),
      item(
        'throughput.no-blocking-io-in-handlers',
        'Request handlers never block the event loop with synchronous file, crypto or child-process calls.',
        ['sync-io-in-handler'],
      ),
      item(
        'throughput.load-tested',
        'A load test with production-shaped traffic, payload sizes and data volume has been run, and p50/p95/p99 latency budgets are written down per endpoint.',
      ),
      item(
        'throughput.indexes-match-queries',
        'Indexes match the queries the system runs today, and the slow-query log is reviewed regularly.',
      ),
      item(
        'throughput.cache-invalidation',
        'Each cache has an explicit invalidation rule (versioned keys, invalidation on write), and the cold-cache path has been tried under load.',
      ),
      item(
        'throughput.capacity-model',
        'The team knows what saturates first when traffic doubles and how much headroom is left.',
      ),
    ],
  },
  recovery: {
    focus: 'Interrupted workflows, checkpoints, resuming, rollback and restore.',
    risk: 'A crash or deploy in the middle of a job forces it to start over or leaves it half done, user input is lost, and an unrehearsed restore takes days.',
    items: [
      item(
        'recovery.checkpointed-jobs',
        'Long-running jobs record progress at checkpoints and resume from the last one after a crash or redeploy instead of starting again.',
      ),
      item(
        'recovery.graceful-shutdown',
        'Workers finish or hand back in-flight work when they are told to stop, so a deploy does not orphan jobs.',
      ),
      item(
        'recovery.stuck-work-reclaimed',
        'Work left "in progress" by a worker that died is noticed (lease or heartbeat expiry) and picked up again.',
      ),
      item(
        'recovery.user-work-survives',
        'What a user entered in a multi-step flow (form, cart, checkout) survives a reload, a dropped connection or an expired session.',
      ),
      item(
        'recovery.rpo-rto-defined',
        'The recovery point and recovery time objectives are written down and agreed by someone accountable for the business.',
      ),
      item(
        'recovery.restore-rehearsed',
        'Backups allow point-in-time recovery, are kept outside the primary region, and have been restored into a fresh environment within the last 90 days.',
      ),
      item(
        'recovery.fast-rollback',
        'A bad deploy can be rolled back in about five minutes, and the deploy\'s runbook says how.',
      ),
    ],
  },
  concurrency: {
    focus: 'Race conditions, locking and duplicate prevention.',
    risk: 'Two requests read the same value and both write it back, so stock goes negative, balances drift and users overwrite each other\'s work.',
    items: [
      item(
        'concurrency.atomic-updates',
        'Read-modify-write sequences on shared records use an atomic update, a row lock or an optimistic version check.',
        ['read-modify-write-race'],
      ),
      item(
        'concurrency.unique-constraints',
        'Duplicates are prevented by unique constraints in the database, not by checking first and inserting afterwards.',
      ),
      item(
        'concurrency.single-job-execution',
        'A scheduled or queued job cannot run twice at the same time for the same entity (lock, lease or unique job id).',
      ),
      item(
        'concurrency.conflicting-edits-detected',
        'Simultaneous edits to the same record are detected and reported to the user rather than the last write silently winning.',
      ),
      item(
        'concurrency.contention-tested',
        'The busiest write paths (stock, balances, counters) have been exercised with many simultaneous requests.',
      ),
    ],
  },
  'state-machine': {
    focus: 'State definitions, allowed transitions and impossible states.',
    risk: 'Orders get refunded twice, jobs sit in "processing" forever, and records end up in combinations of states no code expects.',
    items: [
      item(
        'state-machine.states-defined',
        'Each stateful entity (order, job, subscription) has its states and allowed transitions defined in one place in the code.',
      ),
      item(
        'state-machine.guarded-transitions',
        'A transition is applied only from the states it is allowed from, checked atomically against the current state when writing.',
        ['unguarded-status-transition'],
      ),
      item(
        'state-machine.no-stuck-states',
        'Every non-final state has a way out: work that stays in it too long is timed out, retried or escalated.',
      ),
      item(
        'state-machine.impossible-states-prevented',
        'Contradictory combinations (shipped but unpaid, complete without a result) are ruled out by types or constraints, and a scheduled check looks for them.',
      ),
      item(
        'state-machine.transitions-recorded',
        'Every state change is recorded with when it happened and what caused it, so a wrong state can be traced back.',
      ),
    ],
  },
  idempotency: {
    focus: 'Retry safety, webhook deduplication and payment safety.',
    risk: 'A network blip between a request and its response charges a customer twice, sends the same email three times or creates duplicate orders.',
    items: [
      item(
        'idempotency.keys-on-retried-writes',
        'Every write that can be retried (payments, orders, calls to paid providers) carries an idempotency key.',
        ['missing-idempotency-key'],
      ),
      item(
        'idempotency.stable-keys',
        'Idempotency keys come from the operation itself (order id, client request id), never from a timestamp or a random value made fresh for each attempt.',
        ['unstable-idempotency-key'],
      ),
      item(
        'idempotency.webhook-dedupe',
        'Incoming webhooks are deduplicated by the sender\'s event id and are handled correctly when they arrive late, twice or out of order.',
      ),
      item(
        'idempotency.resubmission-safe',
        'Submitting the same form or request twice has the effect of submitting it once.',
      ),
      item(
        'idempotency.redelivery-safe-consumers',
        'Queue consumers tolerate redelivery: handling a message twice leaves the same result as handling it once.',
      ),
      item(
        'idempotency.documented-retry-contract',
        'Public endpoints state which operations are safe to retry, and those that create things accept a client-supplied idempotency key.',
      ),
    ],
  },
  observability: {
    focus: 'Logging, metrics, tracing, alerting and health checks.',
    risk: 'Customers notice the incident first, and engineers spend hours searching free-text logs with no way to follow a single request.',
    items: [
      item(
        'observability.structured-logs',
        'Logs are structured (JSON with consistent field names), and log levels keep real signals from drowning in routine noise.',
        [],
        ['structured-logger', 'no-console-in-server-code'],
      ),
      item(
        'observability.correlation-id',
        'Every log line carries a correlation id that follows one request through each service and background worker it touches.',
      ),
      item(
        'observability.golden-signals',
        'Request rate, error rate, p95 latency and saturation of the most contended resource are visible on one dashboard.',
      ),
      item(
        'observability.tracing',
        'Traces cross every synchronous service boundary and continue into the asynchronous worker tier.',
        [],
        ['tracing-configured'],
      ),
      item(
        'observability.symptom-alerts',
        'Alerts fire on what users experience (errors, latency) rather than on causes such as CPU, and each links to a runbook that works.',
      ),
      item(
        'observability.errors-logged-with-context',
        'Every handled error is logged with the original error and enough context to reproduce it.',
        ['swallowed-exception', 'error-context-lost'],
      ),
      item(
        'observability.health-checks',
        'Each service exposes a health check that covers its critical dependencies.',
        [],
        ['health-check-route'],
      ),
      item('observability.slos-defined', 'Service level objectives are written down where anyone on the team can read them.'),
    ],
  },
  'cost-control': {
    focus: 'Runaway spend on paid APIs, retry storms, quotas and caching.',
    risk: 'A loop or a retry storm against a paid API runs all night, and the first sign of it is the invoice.',
    items: [
      item(
        'cost-control.retries-capped',
        'Retries of paid calls are capped, so a failing provider cannot multiply the bill.',
        ['unbounded-retry'],
      ),
      item(
        'cost-control.output-limits',
        'Every call to a paid generation API sets an upper bound on its output (tokens, duration, resolution).',
        ['llm-call-without-limit'],
      ),
      item(
        'cost-control.per-tenant-quotas',
        'Usage is limited per user, tenant or API client by rate limits and quotas shared across all instances, checked before the paid work starts.',
        [],
        ['rate-limiting'],
      ),
      item(
        'cost-control.spend-alerts',
        'Spend is monitored, and a budget alert fires within hours rather than at the end of the billing period.',
      ),
      item(
        'cost-control.duplicate-calls-cached',
        'Identical paid calls are cached or deduplicated, and the cache hit rate is measured.',
      ),
      item(
        'cost-control.batch-guards',
        'Batch jobs and loops that call paid services have a maximum item count or a budget check.',
        ['llm-call-in-loop'],
      ),
    ],
  },
  permissions: {
    focus: 'Access control, tenant isolation and the spread of role changes.',
    risk: 'A user of one tenant reads or changes another tenant\'s data, or keeps access after their role was taken away.',
    items: [
      item(
        'permissions.tenant-scoped-queries',
        'Every query on tenant data is scoped on the server by the tenant of the authenticated session, never by a client-supplied id alone.',
      ),
      item(
        'permissions.cross-tenant-tested',
        'Cross-tenant access has been tried: a user of one tenant asking for another tenant\'s resources by id is refused.',
      ),
      item(
        'permissions.object-level-checks',
        'Every endpoint checks that the caller may act on the specific object requested, not only that they are signed in or hold a role.',
      ),
      item(
        'permissions.revocation-takes-effect',
        'Removing a user or changing a role takes effect on the next request, including existing sessions, tokens and shared links.',
      ),
      item(
        'permissions.least-privilege-keys',
        'API keys and service accounts carry only the permissions they need and can be revoked one at a time.',
      ),
      item(
        'permissions.tokens-verified',
        'Access tokens are verified (signature, expected algorithm, expiry) before they are trusted, never merely decoded.',
        ['weak-jwt-verification'],
      ),
    ],
  },
  'data-lifecycle': {
    focus: 'Duplication, deletion, export, retention and versioning of data.',
    risk: 'Personal data outlives its retention period, a deletion request cannot be met on time, and nobody knows where copies of customer data live.',
    items: [
      item(
        'data-lifecycle.pii-inventory',
        'A current inventory lists each kind of personal data, where it is stored, who can read it and how long it is kept.',
      ),
      item(
        'data-lifecycle.deletion-requests',
        'A user\'s deletion request (GDPR, CCPA) can be completed within the legal deadline, including copies in logs, backups and third-party services.',
      ),
      item(
        'data-lifecycle.retention-enforced',
        'Retention periods are enforced by scheduled jobs, and soft-deleted records holding personal data are purged when their time runs out.',
      ),
      item(
        'data-lifecycle.encryption',
        'Data is encrypted in transit and at rest; payment, health and identity data is encrypted per field, with keys stored apart from the data.',
      ),
      item(
        'data-lifecycle.export-import',
        'Users can export their data in a documented format, and imports validate and deduplicate what they bring in.',
      ),
      item(
        'data-lifecycle.no-sensitive-data-in-logs',
        'Passwords, tokens, card numbers and other personal data never appear in logs.',
        ['sensitive-data-logged'],
      ),
      item(
        'data-lifecycle.versioned-assets',
        'Generated assets and documents are versioned, and copies nothing refers to any more are cleaned up.',
      ),
    ],
  },
  'human-error': {
    focus: 'Accidental actions, undo, soft delete and operator safety.',
    risk: 'One wrong click or command deletes data for good, repeats an expensive action, or takes production down with no way back.',
    items: [
      item(
        'human-error.soft-delete',
        'Main entities are soft-deleted with a restore window before anything is removed permanently.',
      ),
      item(
        'human-error.undo',
        'Common destructive and bulk actions can be undone for a while after they are made.',
      ),
      item(
        'human-error.bulk-action-limits',
        'Bulk operations show how many records they will touch and refuse to run without a filter.',
        ['delete-without-filter'],
      ),
      item(
        'human-error.accidental-repeat',
        'Expensive or irreversible actions (re-generation, refunds, cancellations) are guarded against being repeated by accident.',
      ),
      item(
        'human-error.production-access-guarded',
        'Direct production access (database shells, admin consoles) is restricted, logged and unmistakably marked as production.',
      ),
      item(
        'human-error.one-change-per-deploy',
        'A deploy changes one kind of thing at a time (schema, code, configuration, cache), so a failure partway leaves a known state.',
      ),
      item(
        'human-error.incident-rehearsed',
        'Runbooks for the likely incidents are current and have been walked through in a tabletop exercise.',
      ),
    ],
  },
};

/** The 15 categories in the framework's order (its numbering 1–15). */
export const CATEGORIES: readonly Category[] = CATEGORY_IDS.map((id, index) => ({
  id,
  number: index + 1,
  title: CATEGORY_TITLES[id],
  ...CONTENT[id],
}));

/** Every checklist item, category by category in framework order. */
export const ALL_ITEMS: readonly CategorizedItem[] = CATEGORIES.flatMap((category) =>
  category.items.map((it) => ({ ...it, category: category.id })),
);

const CATEGORY_BY_ID: ReadonlyMap<CategoryId, Category> = new Map(CATEGORIES.map((c) => [c.id, c]));
const ITEM_BY_ID: ReadonlyMap<string, CategorizedItem> = new Map(ALL_ITEMS.map((it) => [it.id, it]));

/** The category with this id (every CategoryId has one). */
export function getCategory(id: CategoryId): Category {
  const category = CATEGORY_BY_ID.get(id);
  if (!category) throw new RangeError(`Unknown category id: ${String(id)}`);
  return category;
}

/** The checklist item with this id, or undefined (e.g. a stale id in a hand-edited audit.yaml). */
export function getItem(itemId: string): CategorizedItem | undefined {
  return ITEM_BY_ID.get(itemId);
}

/** The checklist items a rule gives evidence for, in framework order. */
export function itemsForRule(ruleId: string): readonly CategorizedItem[] {
  return ALL_ITEMS.filter((it) => it.rules.includes(ruleId));
}

/** The checklist items a workspace probe supports, in framework order. */
export function itemsForProbe(probeId: string): readonly CategorizedItem[] {
  return ALL_ITEMS.filter((it) => it.probes.includes(probeId));
}
