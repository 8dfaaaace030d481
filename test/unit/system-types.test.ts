import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CATEGORY_IDS, SYSTEM_TYPE_IDS, type CategoryId } from '../../src/core/model';
import {
  SYSTEM_TYPES,
  TIERS,
  getSystemType,
  isSystemTypeId,
  orderedCategories,
  resolveSystemType,
  suggestSystemType,
  tierOf,
  type SystemTypeId,
  type Tier,
} from '../../src/core/systemTypes';

// The priority orders exactly as the master checklist writes them (positions 1–4 CRITICAL,
// 5–7 HIGH, 8–10 MEDIUM, 11–15 STANDARD).
const SEED_ORDERS: Record<Exclude<SystemTypeId, 'general'>, CategoryId[]> = {
  'ai-pipeline': [
    'cost-control', 'idempotency', 'reliability', 'recovery',
    'state-machine', 'observability', 'throughput',
    'concurrency', 'data-lifecycle', 'permissions',
    'security', 'human-error', 'ui-ux-safety', 'code-quality', 'data-integrity',
  ],
  saas: [
    'permissions', 'security', 'concurrency', 'state-machine',
    'data-integrity', 'recovery', 'observability',
    'throughput', 'human-error', 'idempotency',
    'reliability', 'data-lifecycle', 'cost-control', 'ui-ux-safety', 'code-quality',
  ],
  ecommerce: [
    'idempotency', 'security', 'state-machine', 'concurrency',
    'reliability', 'recovery', 'permissions',
    'throughput', 'observability', 'data-integrity',
    'cost-control', 'data-lifecycle', 'human-error', 'ui-ux-safety', 'code-quality',
  ],
  'api-platform': [
    'idempotency', 'security', 'throughput', 'observability',
    'concurrency', 'reliability', 'cost-control',
    'state-machine', 'permissions', 'recovery',
    'data-integrity', 'data-lifecycle', 'human-error', 'ui-ux-safety', 'code-quality',
  ],
};

function seedTier(position: number): Tier {
  if (position <= 4) return 'CRITICAL';
  if (position <= 7) return 'HIGH';
  if (position <= 10) return 'MEDIUM';
  return 'STANDARD';
}

const pkg = (deps: Record<string, string>, devDeps: Record<string, string> = {}): string =>
  JSON.stringify({ name: 'x', dependencies: deps, devDependencies: devDeps });

describe('system types', () => {
  it('has the four seed types plus general, in SYSTEM_TYPE_IDS order, with the seed titles', () => {
    assert.deepEqual(
      SYSTEM_TYPES.map((t) => t.id),
      [...SYSTEM_TYPE_IDS],
    );
    assert.equal(getSystemType('ai-pipeline').title, 'AI / media pipeline');
    assert.equal(getSystemType('saas').title, 'SaaS platform');
    assert.equal(getSystemType('ecommerce').title, 'E-commerce platform');
    assert.equal(getSystemType('api-platform').title, 'API platform');
  });

  it('orders every type as a permutation of the 15 categories with a rationale each', () => {
    for (const t of SYSTEM_TYPES) {
      const ids = t.categories.map((c) => c.category);
      assert.equal(ids.length, 15, t.id);
      assert.deepEqual([...ids].sort(), [...CATEGORY_IDS].sort(), `${t.id} is not a permutation`);
      for (const c of t.categories) {
        assert.ok(TIERS.includes(c.tier));
        assert.ok(c.rationale.length >= 15 && !c.rationale.includes('\n'), `${t.id}/${c.category} rationale`);
      }
    }
  });

  it('copies the seed order and tiers of the four named types exactly', () => {
    for (const [id, order] of Object.entries(SEED_ORDERS) as [SystemTypeId, CategoryId[]][]) {
      const ordered = orderedCategories(id);
      assert.deepEqual(
        ordered.map((o) => o.category.id),
        order,
        id,
      );
      assert.deepEqual(
        ordered.map((o) => o.tier),
        ordered.map((o) => seedTier(o.position)),
        `${id} tiers`,
      );
      assert.deepEqual(
        ordered.map((o) => o.position),
        Array.from({ length: 15 }, (_, i) => i + 1),
      );
    }
  });

  it('keeps the framework numbering for general', () => {
    assert.deepEqual(
      orderedCategories('general').map((o) => o.category.id),
      [...CATEGORY_IDS],
    );
    assert.deepEqual(
      orderedCategories('general').map((o) => o.category.number),
      Array.from({ length: 15 }, (_, i) => i + 1),
    );
  });

  it('derives the general tiers from the average position across the four seed orders', () => {
    // Rank by average position (ties by framework number); tier sizes 4/3/3/5 as in the seed.
    const average = (id: CategoryId): number =>
      Object.values(SEED_ORDERS).reduce((sum, order) => sum + order.indexOf(id) + 1, 0) / 4;
    const ranked = [...CATEGORY_IDS].sort((a, b) => average(a) - average(b) || CATEGORY_IDS.indexOf(a) - CATEGORY_IDS.indexOf(b));
    for (const [index, id] of ranked.entries()) {
      assert.equal(tierOf('general', id), seedTier(index + 1), `general tier of ${id}`);
    }
    assert.equal(tierOf('general', 'idempotency'), 'CRITICAL');
    assert.equal(tierOf('general', 'code-quality'), 'STANDARD');
  });

  it('checks and resolves system type ids', () => {
    assert.ok(isSystemTypeId('saas'));
    assert.ok(isSystemTypeId('general'));
    assert.ok(!isSystemTypeId('e-commerce'));
    assert.ok(!isSystemTypeId(undefined));
    assert.ok(!isSystemTypeId(3));
    assert.equal(resolveSystemType('ecommerce').id, 'ecommerce');
    assert.equal(resolveSystemType('webshop').id, 'general');
    assert.equal(resolveSystemType(undefined).id, 'general');
    assert.throws(() => getSystemType('webshop' as SystemTypeId), /Unknown system type/);
  });

  it('hands out full categories with their rationale in orderedCategories', () => {
    const first = orderedCategories('ecommerce')[0]!;
    assert.equal(first.category.id, 'idempotency');
    assert.equal(first.category.title, 'Idempotency');
    assert.ok(first.category.items.length >= 4);
    assert.equal(first.tier, 'CRITICAL');
    assert.match(first.rationale, /charg/i);
  });
});

describe('suggestSystemType', () => {
  it('suggests e-commerce from a payment SDK and names it', () => {
    const s = suggestSystemType([pkg({ express: '^4', stripe: '^14' })]);
    assert.equal(s?.type, 'ecommerce');
    assert.deepEqual(s?.reasons, ['stripe (payment SDK)']);
    assert.deepEqual(s?.alsoMatched, []);
  });

  it('matches scoped payment packages by scope', () => {
    const s = suggestSystemType([pkg({ '@paypal/checkout-server-sdk': '1', '@adyen/api-library': '1' })]);
    assert.equal(s?.type, 'ecommerce');
    assert.deepEqual(s?.reasons, ['@adyen/api-library (payment SDK)', '@paypal/checkout-server-sdk (payment SDK)']);
  });

  it('suggests an AI pipeline from LLM SDKs, devDependencies included', () => {
    const s = suggestSystemType([pkg({ '@anthropic-ai/sdk': '0.30' }, { openai: '4' })]);
    assert.equal(s?.type, 'ai-pipeline');
    assert.deepEqual(s?.reasons, ['@anthropic-ai/sdk (LLM / generative AI SDK)', 'openai (LLM / generative AI SDK)']);
  });

  it('counts sharp only together with a job queue', () => {
    assert.equal(suggestSystemType([pkg({ sharp: '0.33', next: '14' })]), undefined);
    const s = suggestSystemType([pkg({ sharp: '0.33', bullmq: '5' })]);
    assert.equal(s?.type, 'ai-pipeline');
    assert.deepEqual(s?.reasons, ['sharp (image processing) with bullmq (a job queue)']);
  });

  it('suggests SaaS from tenancy and identity libraries, and from passport with an ORM', () => {
    assert.equal(suggestSystemType([pkg({ '@clerk/nextjs': '5' })])?.type, 'saas');
    assert.equal(suggestSystemType([pkg({ passport: '0.7' })]), undefined);
    const s = suggestSystemType([pkg({ passport: '0.7', '@prisma/client': '5' })]);
    assert.equal(s?.type, 'saas');
    assert.deepEqual(s?.reasons, ['passport (session authentication) with @prisma/client (a database ORM for user accounts)']);
  });

  it('suggests an API platform from rate limiting and OpenAPI libraries', () => {
    const s = suggestSystemType([pkg({ fastify: '4', '@fastify/rate-limit': '9', '@fastify/swagger': '8' })]);
    assert.equal(s?.type, 'api-platform');
    assert.deepEqual(s?.reasons, ['@fastify/rate-limit (rate limiting)', '@fastify/swagger (OpenAPI / API documentation)']);
  });

  it('combines the package.json files of a monorepo and counts a dependency once', () => {
    const s = suggestSystemType([
      pkg({ stripe: '14' }),
      pkg({ stripe: '14' }),
      pkg({ openai: '4', '@google/genai': '1' }),
    ]);
    assert.equal(s?.type, 'ai-pipeline');
    assert.equal(s?.reasons.length, 2);
    assert.deepEqual(s?.alsoMatched, [{ type: 'ecommerce', reasons: ['stripe (payment SDK)'] }]);
  });

  it('breaks a tie in favour of the AI pipeline, then e-commerce, then SaaS', () => {
    assert.equal(suggestSystemType([pkg({ stripe: '1', openai: '1' })])?.type, 'ai-pipeline');
    assert.equal(suggestSystemType([pkg({ stripe: '1', 'next-auth': '4' })])?.type, 'ecommerce');
    assert.equal(suggestSystemType([pkg({ 'express-rate-limit': '7', 'next-auth': '4' })])?.type, 'saas');
  });

  it('ignores a package.json that is not valid JSON and uses the others', () => {
    const s = suggestSystemType(['{ "dependencies": { "openai": ', pkg({ razorpay: '2' })]);
    assert.equal(s?.type, 'ecommerce');
    assert.deepEqual(s?.reasons, ['razorpay (payment SDK)']);
    assert.equal(suggestSystemType(['not json', '[]', 'null', '"stripe"']), undefined);
  });

  it('suggests nothing without a signal', () => {
    assert.equal(suggestSystemType([]), undefined);
    assert.equal(suggestSystemType([pkg({ express: '4', pg: '8', zod: '3' }, { typescript: '5' })]), undefined);
    // Names that merely resemble a signal do not count.
    assert.equal(suggestSystemType([pkg({ 'stripe-mock': '1', 'openai-edge-extra': '1', aim: '1' })]), undefined);
    // Signals elsewhere in package.json (scripts, peerDependencies) are not dependencies of the workspace.
    assert.equal(
      suggestSystemType([JSON.stringify({ scripts: { stripe: 'stripe listen' }, peerDependencies: { openai: '4' } })]),
      undefined,
    );
  });
});
