// The kinds of system the audit framework prioritises for. Each orders the 15 categories and puts
// them in four tiers (CRITICAL = week 1, HIGH = week 2, MEDIUM = week 3, STANDARD = week 4); the
// four named types copy their order and tiers from the master checklist in ../shared/seeds/, the
// rationales are our own words. `general` (no type chosen) keeps the framework's numbering; its
// tiers are derived from the four seed orders (see GENERAL below and docs/scoring.md).
//
// suggestSystemType reads package.json files and names the evidence for a type. It only suggests:
// the caller shows the suggestion and the auditor decides.
import { getCategory, type Category } from './categories';
import { SYSTEM_TYPE_IDS, type CategoryId, type SystemTypeId } from './model';

export type { SystemTypeId } from './model';

export const TIERS = ['CRITICAL', 'HIGH', 'MEDIUM', 'STANDARD'] as const;
export type Tier = (typeof TIERS)[number];

/** The audit week the framework schedules each tier for. */
export const TIER_WEEK: Readonly<Record<Tier, number>> = { CRITICAL: 1, HIGH: 2, MEDIUM: 3, STANDARD: 4 };

export interface SystemTypeCategory {
  readonly category: CategoryId;
  readonly tier: Tier;
  /** Why the category matters this much for this kind of system, in one line. */
  readonly rationale: string;
}

export interface SystemType {
  readonly id: SystemTypeId;
  /** e.g. "AI / media pipeline". */
  readonly title: string;
  /** Typical systems of this type. */
  readonly examples: string;
  /** All 15 categories, in audit priority order. */
  readonly categories: readonly SystemTypeCategory[];
}

/** One category as it appears in a system type's order. */
export interface OrderedCategory {
  /** 1-based position in the system type's order. */
  readonly position: number;
  readonly tier: Tier;
  readonly rationale: string;
  readonly category: Category;
}

function entry(category: CategoryId, tier: Tier, rationale: string): SystemTypeCategory {
  return { category, tier, rationale };
}

const AI_PIPELINE: SystemType = {
  id: 'ai-pipeline',
  title: 'AI / media pipeline',
  examples: 'image generation, video processing, content pipelines',
  categories: [
    entry('cost-control', 'CRITICAL', 'Every generation is a paid call; a runaway loop or retry storm can spend a month\'s budget overnight.'),
    entry('idempotency', 'CRITICAL', 'A retried generation must not bill the user, or the provider, a second time.'),
    entry('reliability', 'CRITICAL', 'Jobs run for minutes against flaky providers and have to survive their failures.'),
    entry('recovery', 'CRITICAL', 'A pipeline interrupted halfway should continue from where it stopped, not pay for every step again.'),
    entry('state-machine', 'HIGH', 'Job states drive what users see and what gets retried, so they must be accurate and reachable.'),
    entry('observability', 'HIGH', 'Support needs to follow one generation through the queue, the workers and the provider.'),
    entry('throughput', 'HIGH', 'Batch submissions have to scale without starving interactive work.'),
    entry('concurrency', 'MEDIUM', 'Many users generating at once compete for the same quotas and workers.'),
    entry('data-lifecycle', 'MEDIUM', 'Generated assets pile up: they need versions, clean-up and export.'),
    entry('permissions', 'MEDIUM', 'Shared projects must not leak assets or prompts between tenants.'),
    entry('security', 'STANDARD', 'Ordinary authentication and input validation, with prompts treated as untrusted input.'),
    entry('human-error', 'STANDARD', 'An accidental re-generation costs money; deleting an asset should be recoverable.'),
    entry('ui-ux-safety', 'STANDARD', 'Users need progress for long jobs and clear messages when one fails.'),
    entry('code-quality', 'STANDARD', 'A general assessment of technical debt.'),
    entry('data-integrity', 'STANDARD', 'Check that jobs, assets and owners still reference each other correctly.'),
  ],
};

const SAAS: SystemType = {
  id: 'saas',
  title: 'SaaS platform',
  examples: 'project management, CRM, collaboration tools',
  categories: [
    entry('permissions', 'CRITICAL', 'One tenant seeing another\'s data ends the business; isolation comes first.'),
    entry('security', 'CRITICAL', 'Sign-in, sessions and injection defences protect every tenant at once.'),
    entry('concurrency', 'CRITICAL', 'Several people edit the same records at the same time, often in real time.'),
    entry('state-machine', 'CRITICAL', 'Workflow states encode the business rules customers rely on.'),
    entry('data-integrity', 'HIGH', 'Many related entities must keep pointing at each other correctly.'),
    entry('recovery', 'HIGH', 'What a user was working on has to survive crashes and dropped connections.'),
    entry('observability', 'HIGH', 'Debugging a multi-tenant system needs a correlation id per request and tenant.'),
    entry('throughput', 'MEDIUM', 'Dashboards and lists slow down as tenants accumulate data.'),
    entry('human-error', 'MEDIUM', 'Users expect undo, soft delete and safe navigation.'),
    entry('idempotency', 'MEDIUM', 'Forms get submitted twice and webhooks arrive more than once.'),
    entry('reliability', 'STANDARD', 'Background jobs should ride out failures of the services they call.'),
    entry('data-lifecycle', 'STANDARD', 'Tenants ask to export, import, archive and restore their data.'),
    entry('cost-control', 'STANDARD', 'Per-tenant resource quotas keep one customer from driving up costs.'),
    entry('ui-ux-safety', 'STANDARD', 'Clear errors and guards on destructive actions.'),
    entry('code-quality', 'STANDARD', 'A general assessment of technical debt.'),
  ],
};

const ECOMMERCE: SystemType = {
  id: 'ecommerce',
  title: 'E-commerce platform',
  examples: 'online store, marketplace, subscription service',
  categories: [
    entry('idempotency', 'CRITICAL', 'Charging a customer twice is the one failure that cannot be tolerated.'),
    entry('security', 'CRITICAL', 'Payment data and customers\' personal data must be protected.'),
    entry('state-machine', 'CRITICAL', 'The order lifecycle (paid, shipped, refunded) must never take an illegal step.'),
    entry('concurrency', 'CRITICAL', 'Flash sales race for the last items in stock.'),
    entry('reliability', 'HIGH', 'Checkout must never fail silently.'),
    entry('recovery', 'HIGH', 'Carts and checkouts have to survive interruptions.'),
    entry('permissions', 'HIGH', 'Customers must only ever see their own orders and details.'),
    entry('throughput', 'MEDIUM', 'Sales events bring traffic spikes the system has to absorb.'),
    entry('observability', 'MEDIUM', 'Payments and orders have to be traceable when something goes wrong.'),
    entry('data-integrity', 'MEDIUM', 'Orders, stock and payments must agree with each other.'),
    entry('cost-control', 'STANDARD', 'Shipping-rate lookups and email volume carry per-call costs.'),
    entry('data-lifecycle', 'STANDARD', 'Order history must be kept, and personal data deleted on request (GDPR).'),
    entry('human-error', 'STANDARD', 'Cancellations and refunds must be hard to trigger by mistake.'),
    entry('ui-ux-safety', 'STANDARD', 'Checkout errors must tell the customer what happened to their payment.'),
    entry('code-quality', 'STANDARD', 'A general assessment of technical debt.'),
  ],
};

const API_PLATFORM: SystemType = {
  id: 'api-platform',
  title: 'API platform',
  examples: 'developer API, integration platform, data service',
  categories: [
    entry('idempotency', 'CRITICAL', 'Clients will retry, so every endpoint must be safe to call again.'),
    entry('security', 'CRITICAL', 'API keys, authentication and rate limits are the front door.'),
    entry('throughput', 'CRITICAL', 'Many clients calling concurrently define the load, not the UI.'),
    entry('observability', 'CRITICAL', 'Each client\'s requests and errors must be traceable on their own.'),
    entry('concurrency', 'HIGH', 'Several clients write to the same resources at once.'),
    entry('reliability', 'HIGH', 'Webhook delivery and asynchronous jobs must survive failures.'),
    entry('cost-control', 'HIGH', 'Per-client quotas keep abuse from turning into cost.'),
    entry('state-machine', 'MEDIUM', 'Asynchronous operations need an accurate status lifecycle.'),
    entry('permissions', 'MEDIUM', 'Each key must reach only the resources its owner holds.'),
    entry('recovery', 'MEDIUM', 'Long-running asynchronous operations must be resumable.'),
    entry('data-integrity', 'STANDARD', 'Bulk operations must keep references consistent.'),
    entry('data-lifecycle', 'STANDARD', 'Data retention, export and deletion (GDPR) apply to API data too.'),
    entry('human-error', 'STANDARD', 'Clear error responses protect clients from misusing the API.'),
    entry('ui-ux-safety', 'STANDARD', 'The dashboard and admin panel need guards on destructive actions.'),
    entry('code-quality', 'STANDARD', 'SDK quality and accurate documentation.'),
  ],
};

// `general`: the framework's own order, 1–15. Tiers: rank the categories by their average
// position across the four seed orders (ties by framework number) and give ranks 1–4 CRITICAL,
// 5–7 HIGH, 8–10 MEDIUM, 11–15 STANDARD — the same tier sizes as the seed orders. A unit test
// recomputes this derivation.
const GENERAL: SystemType = {
  id: 'general',
  title: 'General',
  examples: 'no system type chosen: the framework\'s own order',
  categories: [
    entry('security', 'CRITICAL', 'CRITICAL for three of the four system types; every system has an attack surface.'),
    entry('ui-ux-safety', 'STANDARD', 'Matters most once the riskier back-end categories are covered.'),
    entry('code-quality', 'STANDARD', 'Technical debt is last in every seed order; assess it after the rest.'),
    entry('data-integrity', 'STANDARD', 'Ranked high only for SaaS; referential checks come after the critical paths.'),
    entry('reliability', 'HIGH', 'Timeouts and bounded retries protect every request path.'),
    entry('throughput', 'HIGH', 'N+1 queries and unbounded lists hurt any system as data grows.'),
    entry('recovery', 'HIGH', 'Interrupted work must resume in every kind of system.'),
    entry('concurrency', 'CRITICAL', 'CRITICAL for SaaS and e-commerce; races corrupt data silently.'),
    entry('state-machine', 'CRITICAL', 'CRITICAL for SaaS and e-commerce; illegal transitions break business rules.'),
    entry('idempotency', 'CRITICAL', 'CRITICAL for three of the four system types; retries happen everywhere.'),
    entry('observability', 'MEDIUM', 'Needed to debug anything, but ranked mid-table across the seed orders.'),
    entry('cost-control', 'MEDIUM', 'Existential for AI pipelines, HIGH for API platforms, low for SaaS and e-commerce.'),
    entry('permissions', 'MEDIUM', 'Existential for multi-tenant SaaS, mid-table for the other types.'),
    entry('data-lifecycle', 'STANDARD', 'Retention, export and deletion: important, rarely urgent.'),
    entry('human-error', 'STANDARD', 'Undo and soft delete reduce the damage of mistakes.'),
  ],
};

/** The five system types, in SYSTEM_TYPE_IDS order. */
export const SYSTEM_TYPES: readonly SystemType[] = [AI_PIPELINE, SAAS, ECOMMERCE, API_PLATFORM, GENERAL];

export function isSystemTypeId(value: unknown): value is SystemTypeId {
  return typeof value === 'string' && (SYSTEM_TYPE_IDS as readonly string[]).includes(value);
}

export function getSystemType(id: SystemTypeId): SystemType {
  const type = SYSTEM_TYPES.find((t) => t.id === id);
  if (!type) throw new RangeError(`Unknown system type: ${String(id)}`);
  return type;
}

/** The system type named by a possibly missing or unknown value (e.g. audit.yaml's `systemType`); `general` otherwise. */
export function resolveSystemType(value: unknown): SystemType {
  return getSystemType(isSystemTypeId(value) ? value : 'general');
}

/** The 15 categories in the system type's priority order, each with its tier and rationale. */
export function orderedCategories(systemTypeId: SystemTypeId): readonly OrderedCategory[] {
  return getSystemType(systemTypeId).categories.map((c, index) => ({
    position: index + 1,
    tier: c.tier,
    rationale: c.rationale,
    category: getCategory(c.category),
  }));
}

/** The tier of a category for a system type. */
export function tierOf(systemTypeId: SystemTypeId, categoryId: CategoryId): Tier {
  const found = getSystemType(systemTypeId).categories.find((c) => c.category === categoryId);
  if (!found) throw new RangeError(`Category ${categoryId} missing from system type ${systemTypeId}`);
  return found.tier;
}

// ---------------------------------------------------------------- suggestion from package.json

/** A dependency (exact name, or every package of a scope when it ends in `/`) that hints at a system type. */
interface Signal {
  readonly type: Exclude<SystemTypeId, 'general'>;
  readonly match: readonly string[];
  /** What the dependency is, as shown to the auditor. */
  readonly what: string;
  /** Counts only when one of these is a dependency too. */
  readonly with?: readonly string[];
  readonly withWhat?: string;
}

const ORMS = ['prisma', '@prisma/client', 'typeorm', 'sequelize', 'mongoose', 'drizzle-orm', 'knex', '@mikro-orm/core'];
const JOB_QUEUES = ['bullmq', 'bull', 'bee-queue', 'pg-boss', 'agenda', '@temporalio/client', 'inngest'];

const SIGNALS: readonly Signal[] = [
  {
    type: 'ecommerce',
    what: 'payment SDK',
    match: [
      'stripe', '@stripe/', 'braintree', 'braintree-web', '@paypal/', 'paypal-rest-sdk', '@adyen/',
      'square', '@square/', 'razorpay', '@mollie/', 'checkout-sdk-node', 'authorizenet',
    ],
  },
  {
    type: 'ecommerce',
    what: 'commerce platform',
    match: ['@shopify/', 'shopify-api-node', '@medusajs/', '@commercetools/', '@vendure/', '@saleor/', '@bigcommerce/'],
  },
  {
    type: 'ai-pipeline',
    what: 'LLM / generative AI SDK',
    match: [
      'openai', '@anthropic-ai/sdk', '@google/genai', '@google/generative-ai', '@mistralai/mistralai', 'cohere-ai',
      'replicate', 'langchain', '@langchain/', 'ai', '@ai-sdk/', 'groq-sdk', 'together-ai', '@huggingface/inference',
      'llamaindex', '@fal-ai/client', '@aws-sdk/client-bedrock-runtime',
    ],
  },
  {
    type: 'ai-pipeline',
    what: 'video / audio processing',
    match: ['fluent-ffmpeg', '@ffmpeg/ffmpeg', 'ffmpeg-static', '@ffmpeg-installer/ffmpeg'],
  },
  {
    type: 'ai-pipeline',
    what: 'image processing',
    match: ['sharp', 'jimp'],
    with: JOB_QUEUES,
    withWhat: 'a job queue',
  },
  {
    type: 'saas',
    what: 'hosted auth / multi-tenant identity',
    match: [
      'next-auth', '@auth/', '@clerk/', '@auth0/', 'auth0', '@workos-inc/', '@kinde-oss/', 'stytch', '@stytch/',
      '@propelauth/', '@frontegg/', 'better-auth', 'lucia', 'supertokens-node', '@supabase/auth-helpers-nextjs',
    ],
  },
  {
    type: 'saas',
    what: 'session authentication',
    match: ['passport'],
    with: ORMS,
    withWhat: 'a database ORM for user accounts',
  },
  {
    type: 'api-platform',
    what: 'rate limiting',
    match: ['express-rate-limit', '@fastify/rate-limit', 'fastify-rate-limit', '@nestjs/throttler', 'rate-limiter-flexible', 'hono-rate-limiter'],
  },
  {
    type: 'api-platform',
    what: 'OpenAPI / API documentation',
    match: [
      '@nestjs/swagger', '@fastify/swagger', 'fastify-swagger', 'swagger-ui-express', 'swagger-jsdoc', 'tsoa',
      'express-openapi-validator', '@hono/zod-openapi', 'openapi-backend', '@asteasolutions/zod-to-openapi',
    ],
  },
  {
    type: 'api-platform',
    what: 'API key authentication',
    match: ['passport-headerapikey', '@unkey/api'],
  },
];

/** When two types have the same number of signals, the first in this list wins. */
const TIE_ORDER: readonly Exclude<SystemTypeId, 'general'>[] = ['ai-pipeline', 'ecommerce', 'saas', 'api-platform'];

export interface SystemTypeSuggestion {
  readonly type: SystemTypeId;
  /** The evidence, one dependency each: `stripe (payment SDK)`. */
  readonly reasons: readonly string[];
  /** Other types that had signals too, strongest first. */
  readonly alsoMatched: readonly { readonly type: SystemTypeId; readonly reasons: readonly string[] }[];
}

function matches(pattern: string, name: string): boolean {
  return pattern.endsWith('/') ? name.startsWith(pattern) : name === pattern;
}

function dependencyNames(packageJsonText: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(packageJsonText);
  } catch {
    return []; // a broken package.json is not evidence of anything
  }
  if (typeof parsed !== 'object' || parsed === null) return [];
  const names: string[] = [];
  for (const field of ['dependencies', 'devDependencies'] as const) {
    const deps = (parsed as Record<string, unknown>)[field];
    if (typeof deps === 'object' && deps !== null && !Array.isArray(deps)) names.push(...Object.keys(deps));
  }
  return names;
}

/**
 * Suggests a system type from the dependencies and devDependencies of the workspace's package.json
 * files (their texts; unparsable ones are ignored). Each dependency that signals a type counts once,
 * however many files list it; the type with the most signals wins, ties broken in TIE_ORDER.
 * Undefined when nothing signals a type. Never applied by itself: the auditor confirms.
 */
export function suggestSystemType(packageJsonTexts: readonly string[]): SystemTypeSuggestion | undefined {
  const deps = new Set<string>();
  for (const text of packageJsonTexts) for (const name of dependencyNames(text)) deps.add(name);
  const sorted = [...deps].sort();

  const reasonsByType = new Map<SystemTypeId, string[]>();
  for (const signal of SIGNALS) {
    const companion = signal.with ? sorted.find((name) => signal.with!.includes(name)) : undefined;
    if (signal.with && !companion) continue;
    for (const name of sorted) {
      if (!signal.match.some((pattern) => matches(pattern, name))) continue;
      const reason = companion
        ? `${name} (${signal.what}) with ${companion} (${signal.withWhat})`
        : `${name} (${signal.what})`;
      const list = reasonsByType.get(signal.type) ?? [];
      list.push(reason);
      reasonsByType.set(signal.type, list);
    }
  }

  const ranked = TIE_ORDER.filter((type) => reasonsByType.has(type))
    .map((type) => ({ type, reasons: reasonsByType.get(type)! }))
    .sort((a, b) => b.reasons.length - a.reasons.length); // stable: ties keep TIE_ORDER
  const [best, ...rest] = ranked;
  if (!best) return undefined;
  return { type: best.type, reasons: best.reasons, alsoMatched: rest };
}
