// What a call is, as data: HTTP clients, database clients, loggers, retry libraries. Each
// recogniser names the modules it comes from and the paths (from the module's value, see
// origins.ts) that reach a call of that kind. Teams add their own wrappers in config.yaml.
//
// Pattern syntax: segments separated by '.'; a segment is a name, alternatives `a|b|c`, `*`
// (any one segment) or `**` (any number of segments, including none). '()' is a call result,
// 'new' a construction. The empty pattern '' is the module's value itself being called.
import type { RecognizerConfig, RecognizerEntry } from '../audit/config';
import { withoutPrismaTx, type Origin } from './origins';

export type RecognizerKind = 'http' | 'db' | 'logger' | 'retry' | 'llm' | 'payment';

export interface Recognizer {
  library: string;
  kind: RecognizerKind;
  /** Import sources ('' = a global). A trailing '*' matches any module with that prefix. */
  modules: string[];
  /** Callee paths; see the pattern syntax above. */
  patterns: string[];
  /**
   * Type names that stand for the pattern's first segment when a value is known only by an
   * annotation, whatever module the type comes from (e.g. a NestJS `PrismaService`).
   */
  typeAliases?: Record<string, string>;
}

export interface CallKind {
  kind: RecognizerKind;
  library: string;
  /** The last named step of the callee path (`findMany`, `get`, `query`), or '' when the value itself is called. */
  method: string;
  origin: Origin;
}

const HTTP_VERBS = 'get|post|put|patch|delete|head|options|request|postForm|putForm|patchForm';
const PRISMA_MODEL = 'findUnique|findUniqueOrThrow|findFirst|findFirstOrThrow|findMany|create|createMany|createManyAndReturn|update|updateMany|updateManyAndReturn|upsert|delete|deleteMany|count|aggregate|groupBy';
const PRISMA_RAW = '$queryRaw|$executeRaw|$queryRawUnsafe|$executeRawUnsafe|$runCommandRaw';
const TYPEORM = 'find|findBy|findOne|findOneBy|findOneOrFail|findOneByOrFail|findAndCount|findAndCountBy|findByIds|save|insert|update|upsert|delete|remove|softDelete|softRemove|restore|count|countBy|exist|exists|existsBy|query|increment|decrement|sum|average|minimum|maximum|clear';
const QB_END = 'getMany|getOne|getOneOrFail|getRawMany|getRawOne|getManyAndCount|getCount|getExists|execute|stream';
const SEQUELIZE_MODEL = 'findAll|findOne|findByPk|findAndCountAll|findOrCreate|findCreateFind|create|bulkCreate|update|upsert|destroy|count|max|min|sum|increment|decrement|truncate|restore';
const MONGO = 'find|findOne|findById|findOneAndUpdate|findOneAndDelete|findOneAndReplace|findByIdAndUpdate|findByIdAndDelete|insertOne|insertMany|updateOne|updateMany|replaceOne|deleteOne|deleteMany|aggregate|countDocuments|estimatedDocumentCount|distinct|bulkWrite|create|exists|where|save|exec|lean|populate|toArray|next';

export const BUILTIN_RECOGNIZERS: readonly Recognizer[] = [
  // ---- HTTP clients ----
  { library: 'fetch', kind: 'http', modules: [''], patterns: ['fetch'] },
  { library: 'fetch', kind: 'http', modules: ['node-fetch', 'cross-fetch', 'isomorphic-unfetch', 'make-fetch-happen'], patterns: ['', 'fetch'] },
  { library: 'undici', kind: 'http', modules: ['undici'], patterns: ['fetch', 'request', 'Agent.new.request', 'Pool.new.request', 'Client.new.request'] },
  { library: 'axios', kind: 'http', modules: ['axios'], patterns: ['', HTTP_VERBS, 'create.()', `create.().${HTTP_VERBS}`, 'Axios.new', `Axios.new.${HTTP_VERBS}`] },
  {
    library: 'axios',
    kind: 'http',
    modules: ['@nestjs/axios'],
    patterns: [`HttpService.new.${HTTP_VERBS}`, `HttpService.new.axiosRef.${HTTP_VERBS}`],
    typeAliases: { HttpService: 'HttpService' },
  },
  {
    library: 'got',
    kind: 'http',
    modules: ['got'],
    // the default export, and the same function as the named export `got` (`import { got } from 'got'`)
    patterns: ['', 'get|post|put|patch|delete|head|stream', 'extend.()', 'extend.().get|post|put|patch|delete|head|stream', 'got', 'got.get|post|put|patch|delete|head|stream', 'got.extend.()', 'got.extend.().get|post|put|patch|delete|head|stream'],
  },
  { library: 'http', kind: 'http', modules: ['http', 'https'], patterns: ['request|get'] },
  { library: 'superagent', kind: 'http', modules: ['superagent'], patterns: ['', 'get|post|put|patch|delete|del|head|options'] },
  { library: 'ky', kind: 'http', modules: ['ky'], patterns: ['', HTTP_VERBS, 'create.()', `create.().${HTTP_VERBS}`, 'extend.()', `extend.().${HTTP_VERBS}`] },
  { library: 'needle', kind: 'http', modules: ['needle'], patterns: ['', 'get|post|put|patch|delete|head|request'] },
  // ---- databases ----
  {
    library: 'prisma',
    kind: 'db',
    modules: ['@prisma/client', '.prisma/client*', '@prisma/client/*'],
    patterns: [
      `PrismaClient.new.*.${PRISMA_MODEL}`,
      `PrismaClient.new.${PRISMA_RAW}`,
      `PrismaClient.new.$transaction:tx.*.${PRISMA_MODEL}`,
      `PrismaClient.new.$transaction:tx.${PRISMA_RAW}`,
      `Prisma.TransactionClient.new.*.${PRISMA_MODEL}`,
      `Prisma.TransactionClient.new.${PRISMA_RAW}`,
    ],
    typeAliases: { PrismaService: 'PrismaClient', PrismaClient: 'PrismaClient' },
  },
  {
    library: 'typeorm',
    kind: 'db',
    modules: ['typeorm'],
    patterns: [
      `Repository|EntityManager|MongoRepository|TreeRepository|MongoEntityManager.new.${TYPEORM}`,
      `Repository|EntityManager|MongoRepository|TreeRepository.new.createQueryBuilder.().**.${QB_END}`,
      `EntityManager|MongoEntityManager.new.getRepository|getTreeRepository|getMongoRepository.().${TYPEORM}`,
      `EntityManager.new.getRepository.().createQueryBuilder.().**.${QB_END}`,
      `DataSource|Connection.new.getRepository|getTreeRepository|getMongoRepository.().${TYPEORM}`,
      `DataSource|Connection.new.getRepository.().createQueryBuilder.().**.${QB_END}`,
      `DataSource|Connection.new.manager.${TYPEORM}`,
      `DataSource|Connection.new.transaction:tx.${TYPEORM}`,
      `DataSource|Connection.new.manager.transaction:tx.${TYPEORM}`,
      `DataSource|Connection.new.query`,
      `DataSource|Connection.new.createQueryBuilder.().**.${QB_END}`,
      `getRepository|getManager|getConnection.().${TYPEORM}`,
      `getRepository|getManager|getConnection.().createQueryBuilder.().**.${QB_END}`,
      `QueryRunner.new.query|${TYPEORM}`,
      `QueryRunner.new.manager.${TYPEORM}`,
    ],
  },
  {
    library: 'sequelize',
    kind: 'db',
    modules: ['sequelize', 'sequelize-typescript'],
    patterns: [
      'Sequelize.new.query',
      `Sequelize.new.define.().${SEQUELIZE_MODEL}`,
      `Sequelize.new.models.*.${SEQUELIZE_MODEL}`,
      `Model.subclass.${SEQUELIZE_MODEL}`,
      `Model.new.${SEQUELIZE_MODEL}|save|reload`,
    ],
  },
  {
    library: 'mongoose',
    kind: 'db',
    modules: ['mongoose'],
    patterns: [`model.().${MONGO}`, `model.().**.${MONGO}`, `Model.new.${MONGO}`, `Model.new.**.${MONGO}`, `connection.collection.().${MONGO}`],
  },
  {
    library: 'mongodb',
    kind: 'db',
    modules: ['mongodb'],
    patterns: [`MongoClient.new.db.().collection.().${MONGO}`, `MongoClient.new.db.().collection.().**.${MONGO}`, `Db.new.collection.().${MONGO}`, `Db.new.collection.().**.${MONGO}`, `Collection.new.${MONGO}`, `Collection.new.**.${MONGO}`],
  },
  { library: 'knex', kind: 'db', modules: ['knex'], patterns: ['().()', '().**', 'knex.().()', 'knex.().**', 'Knex.new.**', 'Knex.Transaction.new.**'] },
  {
    library: 'pg',
    kind: 'db',
    modules: ['pg', 'pg-pool'],
    patterns: ['Pool|Client.new.query', 'Pool.new.connect.().query', 'PoolClient.new.query', 'new.query'],
  },
  { library: 'postgres', kind: 'db', modules: ['postgres'], patterns: ['()', '().unsafe'] },
  {
    library: 'mysql2',
    kind: 'db',
    modules: ['mysql2', 'mysql2/promise', 'mysql'],
    patterns: [
      'createConnection|createPool.().query|execute',
      'createConnection|createPool.().promise.().query|execute',
      'createPool.().getConnection.().query|execute',
      'createPool|createConnection.().promise.().getConnection.().query|execute',
      'Pool|Connection|PoolConnection.new.query|execute',
    ],
  },
  {
    library: 'drizzle',
    kind: 'db',
    modules: ['drizzle-orm*'],
    patterns: [
      'drizzle.().**',
      // a database or transaction known by its annotation: `db: NodePgDatabase`, `tx: PgTransaction<…>`
      'NodePgDatabase|PostgresJsDatabase|MySql2Database|BetterSQLite3Database|LibSQLDatabase|NeonHttpDatabase|NeonDatabase|VercelPgDatabase|PlanetScaleDatabase|DrizzleD1Database|BunSQLiteDatabase|PgDatabase|MySqlDatabase|BaseSQLiteDatabase|PgTransaction|MySqlTransaction|SQLiteTransaction.new.**',
    ],
  },
  // ---- loggers and error reporters ----
  { library: 'console', kind: 'logger', modules: [''], patterns: ['console.*'] },
  { library: 'pino', kind: 'logger', modules: ['pino'], patterns: ['().*', '().child.().*'] },
  { library: 'winston', kind: 'logger', modules: ['winston'], patterns: ['createLogger.().*', 'error|warn|info|debug|log|verbose|silly', 'createLogger.().child.().*'] },
  { library: 'bunyan', kind: 'logger', modules: ['bunyan'], patterns: ['createLogger.().*', 'createLogger.().child.().*'] },
  { library: 'log4js', kind: 'logger', modules: ['log4js'], patterns: ['getLogger.().*'] },
  // the `debug` package: `const log = debug('app:auth'); log('…')`, `require('debug')('app')('…')`
  { library: 'debug', kind: 'logger', modules: ['debug'], patterns: ['()', 'debug.()'] },
  { library: 'consola', kind: 'logger', modules: ['consola'], patterns: ['*', 'consola.*', 'createConsola.().*', 'withTag.().*'] },
  { library: 'nestjs', kind: 'logger', modules: ['@nestjs/common'], patterns: ['Logger.new.*', 'Logger.error|warn|log|debug|verbose|fatal'] },
  {
    library: 'sentry',
    kind: 'logger',
    modules: ['@sentry/node', '@sentry/nextjs', '@sentry/browser', '@sentry/react', '@sentry/serverless', '@sentry/bun', '@sentry/nestjs'],
    patterns: ['captureException|captureMessage|captureEvent'],
  },
  { library: 'bugsnag', kind: 'logger', modules: ['@bugsnag/js', '@bugsnag/node'], patterns: ['notify'] },
  { library: 'rollbar', kind: 'logger', modules: ['rollbar'], patterns: ['Rollbar.new.*', 'new.*'] },
  // ---- retry libraries ----
  { library: 'p-retry', kind: 'retry', modules: ['p-retry'], patterns: ['', 'pRetry'] },
  { library: 'async-retry', kind: 'retry', modules: ['async-retry'], patterns: [''] },
  { library: 'promise-retry', kind: 'retry', modules: ['promise-retry'], patterns: [''] },
  { library: 'retry', kind: 'retry', modules: ['retry'], patterns: ['operation', 'timeouts'] },
  { library: 'exponential-backoff', kind: 'retry', modules: ['exponential-backoff'], patterns: ['backOff'] },
  { library: 'axios-retry', kind: 'retry', modules: ['axios-retry'], patterns: [''] },
  { library: 'cockatiel', kind: 'retry', modules: ['cockatiel'], patterns: ['retry'] },
  { library: 'ts-retry-promise', kind: 'retry', modules: ['ts-retry-promise'], patterns: ['retry', 'retryDecorator'] },
  { library: 'async', kind: 'retry', modules: ['async'], patterns: ['retry', 'retryable'] },
  { library: 'async', kind: 'retry', modules: ['async/retry', 'async/retryable'], patterns: [''] },
  // ---- payment providers (a call on the client, or the construction of a request object) ----
  {
    library: 'stripe',
    kind: 'payment',
    modules: ['stripe'],
    // `new Stripe(key)` (default or whole-module require), `new Stripe.Stripe(key)` / named import, `require('stripe')(key)`
    patterns: ['new.*.*', 'new.*.*.*', 'Stripe.new.*.*', 'Stripe.new.*.*.*', '().*.*', '().*.*.*', 'Stripe.().*.*', 'Stripe.().*.*.*'],
  },
  {
    library: 'braintree',
    kind: 'payment',
    modules: ['braintree'],
    patterns: ['BraintreeGateway.new.transaction.sale|refund|credit|submitForSettlement|void', 'connect.().transaction.sale|refund|credit|submitForSettlement|void'],
  },
  {
    library: 'adyen',
    kind: 'payment',
    modules: ['@adyen/api-library'],
    patterns: [
      'CheckoutAPI.new.PaymentsApi.payments|sessions',
      'CheckoutAPI.new.ModificationsApi.captureAuthorisedPayment|refundCapturedPayment|refundOrCancelPayment|cancelAuthorisedPayment|cancelAuthorisedPaymentByPspReference',
      'CheckoutAPI.new.payments|sessions',
      'PaymentsApi.new.payments|sessions',
      'ModificationsApi.new.captureAuthorisedPayment|refundCapturedPayment|refundOrCancelPayment|cancelAuthorisedPayment|cancelAuthorisedPaymentByPspReference',
    ],
  },
  {
    library: 'paypal',
    kind: 'payment',
    modules: ['@paypal/checkout-server-sdk'],
    patterns: [
      'core.PayPalHttpClient.new.execute',
      'orders.OrdersCreateRequest|OrdersCaptureRequest|OrdersAuthorizeRequest',
      'payments.CapturesRefundRequest|AuthorizationsCaptureRequest',
    ],
  },
  {
    library: 'paypal',
    kind: 'payment',
    modules: ['@paypal/paypal-server-sdk'],
    patterns: [
      'OrdersController.new.ordersCreate|ordersCapture|ordersAuthorize|createOrder|captureOrder|authorizeOrder',
      'PaymentsController.new.capturesRefund|authorizationsCapture|refundCapturedPayment|captureAuthorizedPayment',
    ],
  },
  {
    library: 'square',
    kind: 'payment',
    modules: ['square'],
    patterns: ['Client.new.paymentsApi.createPayment', 'Client.new.refundsApi.refundPayment', 'SquareClient.new.payments.create', 'SquareClient.new.refunds.refundPayment'],
  },
  // ---- LLM generation calls ----
  {
    library: 'openai',
    kind: 'llm',
    modules: ['openai'],
    // a default / whole-module client (`new OpenAI()`) or a named one (`new OpenAI()`, `new AzureOpenAI()` from `{ … }`)
    patterns: ['new', 'OpenAI.new', 'AzureOpenAI.new']
      .flatMap((c) => [`${c}.chat.completions.create|parse|stream|runTools`, `${c}.beta.chat.completions.create|parse|stream|runTools|runFunctions`, `${c}.completions.create`, `${c}.responses.create|parse|stream`])
      .concat('OpenAIApi.new.createChatCompletion|createCompletion'),
  },
  {
    library: 'anthropic',
    kind: 'llm',
    modules: ['@anthropic-ai/sdk', '@anthropic-ai/bedrock-sdk', '@anthropic-ai/vertex-sdk'],
    patterns: ['new', 'Anthropic.new', 'AnthropicBedrock.new', 'AnthropicVertex.new']
      .flatMap((c) => [`${c}.messages.create|stream`, `${c}.beta.messages.create|stream`])
      .concat('new.completions.create', 'Anthropic.new.completions.create'),
  },
  { library: 'google-genai', kind: 'llm', modules: ['@google/genai'], patterns: ['GoogleGenAI.new.models.generateContent|generateContentStream', 'GoogleGenAI.new.chats.create.().sendMessage|sendMessageStream'] },
  {
    library: 'google-generative-ai',
    kind: 'llm',
    modules: ['@google/generative-ai', '@google-cloud/vertexai'],
    patterns: [
      'GoogleGenerativeAI|VertexAI.new.getGenerativeModel.().generateContent|generateContentStream',
      'VertexAI.new.preview.getGenerativeModel.().generateContent|generateContentStream',
      'GenerativeModel.new.generateContent|generateContentStream',
      // chat sessions: `model.startChat({ generationConfig }).sendMessage(text)`
      'GoogleGenerativeAI|VertexAI.new.getGenerativeModel.().startChat.().sendMessage|sendMessageStream',
      'GenerativeModel.new.startChat.().sendMessage|sendMessageStream',
    ],
  },
  { library: 'mistral', kind: 'llm', modules: ['@mistralai/mistralai'], patterns: ['Mistral.new.chat.complete|stream', 'Mistral.new.fim.complete|stream', 'Mistral.new.agents.complete|stream', 'new.chat|chatStream'] },
  { library: 'cohere', kind: 'llm', modules: ['cohere-ai'], patterns: ['CohereClient|CohereClientV2.new.chat|chatStream|generate|generateStream', 'generate|chat'] },
  { library: 'vercel-ai', kind: 'llm', modules: ['ai'], patterns: ['generateText|streamText|generateObject|streamObject'] },
];

// ---- pattern matching ------------------------------------------------------------------

type Segment = { any: true; many: boolean } | { names: Set<string> };

function compilePattern(pattern: string): Segment[] {
  if (pattern === '') return [];
  return pattern.split('.').map((s) => (s === '*' ? { any: true, many: false } : s === '**' ? { any: true, many: true } : { names: new Set(s.split('|')) }));
}

function matchSegments(segs: Segment[], path: string[], si = 0, pi = 0): boolean {
  if (si === segs.length) return pi === path.length;
  const seg = segs[si];
  if ('any' in seg) {
    if (!seg.many) return pi < path.length && matchSegments(segs, path, si + 1, pi + 1);
    for (let k = pi; k <= path.length; k++) if (matchSegments(segs, path, si + 1, k)) return true;
    return false;
  }
  return pi < path.length && seg.names.has(path[pi]) && matchSegments(segs, path, si + 1, pi + 1);
}

interface CompiledRecognizer {
  recognizer: Recognizer;
  patterns: Segment[][];
}

/** Recognisers compiled and indexed by module for fast lookup; one per configuration. */
export class RecognizerSet {
  private readonly byModule = new Map<string, CompiledRecognizer[]>();
  private readonly byPrefix: { prefix: string; rec: CompiledRecognizer }[] = [];
  private readonly byType = new Map<string, { canonical: string; rec: CompiledRecognizer }[]>();
  /** Recognisers for the team's own relative modules (`./lib/http`), matched by path suffix. */
  private readonly relative: { suffix: string; rec: CompiledRecognizer }[] = [];

  constructor(recognizers: readonly Recognizer[]) {
    for (const r of recognizers) {
      const compiled: CompiledRecognizer = { recognizer: r, patterns: r.patterns.map(compilePattern) };
      for (const m of r.modules) {
        if (m.endsWith('*')) this.byPrefix.push({ prefix: m.slice(0, -1), rec: compiled });
        else if (m.startsWith('.')) this.relative.push({ suffix: stripRelative(m), rec: compiled });
        else {
          const list = this.byModule.get(m) ?? [];
          list.push(compiled);
          this.byModule.set(m, list);
        }
      }
      for (const [alias, canonical] of Object.entries(r.typeAliases ?? {})) {
        const list = this.byType.get(alias) ?? [];
        list.push({ canonical, rec: compiled });
        this.byType.set(alias, list);
      }
    }
  }

  /** The kind of call whose callee has this origin, if any recogniser knows it. */
  classify(callee: Origin): CallKind | undefined {
    const path = withoutPrismaTx(callee.path);
    const candidates = this.byModule.get(callee.module) ?? [];
    for (const c of candidates) if (c.patterns.some((p) => matchSegments(p, path))) return toKind(c.recognizer, callee);
    for (const { prefix, rec } of this.byPrefix) {
      if (callee.module.startsWith(prefix) && rec.patterns.some((p) => matchSegments(p, path))) return toKind(rec.recognizer, callee);
    }
    if (callee.module.startsWith('.') && this.relative.length) {
      const mod = stripRelative(callee.module);
      for (const { suffix, rec } of this.relative) {
        if ((mod === suffix || mod.endsWith(`/${suffix}`)) && rec.patterns.some((p) => matchSegments(p, path))) return toKind(rec.recognizer, callee);
      }
    }
    if (callee.typeName && path[0] === callee.typeName) {
      for (const { canonical, rec } of this.byType.get(callee.typeName) ?? []) {
        const aliased = [canonical, ...path.slice(1)];
        if (rec.patterns.some((p) => matchSegments(p, aliased))) return toKind(rec.recognizer, callee);
      }
    }
    return undefined;
  }
}

function toKind(r: Recognizer, origin: Origin): CallKind {
  let method = '';
  for (let i = origin.path.length - 1; i >= 0; i--) {
    const s = origin.path[i];
    if (s !== '()' && s !== 'new') {
      method = s;
      break;
    }
  }
  return { kind: r.kind, library: r.library, method: origin.path.length === 0 ? '' : method, origin };
}

/** Turns the team's config entries into recognisers. */
export function recognizersFromConfig(config: RecognizerConfig | undefined): Recognizer[] {
  if (!config) return [];
  const out: Recognizer[] = [];
  const kinds: [keyof RecognizerConfig, RecognizerKind][] = [
    ['http', 'http'],
    ['db', 'db'],
    ['logger', 'logger'],
    ['retry', 'retry'],
    ['llm', 'llm'],
    ['payment', 'payment'],
  ];
  for (const [key, kind] of kinds) for (const entry of config[key] ?? []) out.push(entryToRecognizer(entry, kind));
  return out;
}

function entryToRecognizer(e: RecognizerEntry, kind: RecognizerKind): Recognizer {
  const methods = e.methods && e.methods.length ? e.methods.join('|') : undefined;
  if (e.type) {
    return { library: `custom:${e.type}`, kind, modules: [], patterns: [methods ? `${e.type}.new.${methods}` : `${e.type}.new.*`], typeAliases: { [e.type]: e.type } };
  }
  if (e.global) {
    return { library: `custom:${e.global}`, kind, modules: [''], patterns: [methods ? `${e.global}.${methods}` : e.global] };
  }
  const exp = e.export && e.export !== 'default' && e.export !== '*' ? e.export : '';
  const base = exp ? [exp] : [];
  const pattern = methods ? [...base, methods].join('.') : base.join('.');
  return { library: `custom:${e.module ?? ''}`, kind, modules: [normalise(e.module ?? '')], patterns: [pattern] };
}

function stripRelative(m: string): string {
  return m.replace(/^(\.\.?\/)+/, '').replace(/\.(ts|tsx|js|jsx|mjs|cjs|mts|cts)$/, '').replace(/\/index$/, '');
}

function normalise(m: string): string {
  return m.startsWith('node:') ? m.slice(5) : m;
}
