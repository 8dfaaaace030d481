// Per-file knowledge that rules share: what a call is (import-aware), whether a name is a local
// declaration, and a few syntactic helpers. Built lazily, so a rule that asks nothing pays nothing.
import { ts } from 'ts-morph';
import { OriginResolver, skipOuterExpressions, withoutPrismaTx, type Origin } from './origins';
import type { CallKind, RecognizerKind, RecognizerSet } from './recognizers';

/** ORM statics that are unmistakably data access when called on a PascalCase model imported from the project. */
const MODEL_STATICS = new Set([
  'findAll', 'findByPk', 'findAndCountAll', 'findOrCreate', 'findById', 'findByIdAndUpdate', 'findByIdAndDelete',
  'findOneAndUpdate', 'findOneAndDelete', 'findOneAndReplace', 'countDocuments', 'estimatedDocumentCount', 'bulkCreate', 'insertMany',
]);
/** Ambiguous names that count as data access only when the model comes from a models/entities/schemas module. */
const MODEL_METHODS = new Set(['find', 'findOne', 'create', 'update', 'destroy', 'deleteOne', 'deleteMany', 'updateOne', 'updateMany', 'count', 'aggregate', 'upsert', 'exists', 'distinct', 'increment', 'decrement']);
const MODEL_MODULE = /(^|[/.])(models?|entit(y|ies)|schemas?|db|database|orm)([/.]|$)/i;
/** Project modules that export a database client (`@/lib/prisma`, `../db`, `./data-source`). */
const CLIENT_MODULE = /(^|[/.-])(prisma|db|database|knex|drizzle|orm|data-?source|datasource|connection|pool|postgres|pg|mysql|sql)([/.-]|$)/i;
/** Names under which a project module exports its database client. */
const CLIENT_NAME = /^(prisma|prismaClient|db|database|knex|drizzle|orm|dataSource|appDataSource|AppDataSource|connection|pool|pgPool|sql|sequelize)$/;
const PRISMA_METHODS = new Set(['findUnique', 'findUniqueOrThrow', 'findFirst', 'findFirstOrThrow', 'findMany', 'create', 'createMany', 'createManyAndReturn', 'update', 'updateMany', 'updateManyAndReturn', 'upsert', 'delete', 'deleteMany', 'count', 'aggregate', 'groupBy']);
const PRISMA_RAW = new Set(['$queryRaw', '$executeRaw', '$queryRawUnsafe', '$executeRawUnsafe']);
const TYPEORM_METHODS = new Set(['find', 'findBy', 'findOne', 'findOneBy', 'findOneOrFail', 'findOneByOrFail', 'findAndCount', 'findAndCountBy', 'save', 'insert', 'update', 'upsert', 'delete', 'remove', 'softDelete', 'count', 'countBy', 'exists', 'existsBy', 'query', 'increment', 'decrement']);
const DRIZZLE_ROOTS = new Set(['select', 'selectDistinct', 'insert', 'update', 'delete']);

const LOGGER_NAMES = /^(logger|log|_logger|_log|console|audit|auditLog|errorReporter|reporter|sentry|Sentry|bugsnag|Bugsnag|rollbar|Rollbar|honeybadger|Honeybadger|newrelic|datadog|tracer|span|telemetry|monitoring|metrics)$/;
const LOG_METHODS = /^(error|warn|warning|info|debug|trace|fatal|log|critical|notice|alert|emerg|verbose|silly|exception|captureException|captureMessage|captureError|notify|report|reportError|recordException|record|track|write|child)$/;

export class FileFacts {
  readonly resolver: OriginResolver;
  private readonly kindCache = new Map<ts.Node, CallKind | null>();

  constructor(
    readonly sourceFile: ts.SourceFile,
    private readonly recognizers: RecognizerSet,
  ) {
    this.resolver = new OriginResolver(sourceFile);
  }

  /**
   * Drops the caches once the file is done. A cache that lived through two young-generation garbage
   * collections while the file was analysed sits in the old generation, where the collector counts
   * it as live until the next full collection: every node it names, and through parent pointers the
   * whole tree, would be copied and promoted by every collection until then.
   */
  release(): void {
    this.kindCache.clear();
    this.resolver.release();
  }

  /** Where the value of `expr` comes from (import, require, global, constructor, annotation). */
  originOf(expr: ts.Expression): Origin | undefined {
    return this.resolver.originOf(expr);
  }

  /** True when `name` is a declaration in scope at `at` (so a same-named global is shadowed). */
  isLocal(name: string, at: ts.Node): boolean {
    return this.resolver.isDeclared(name, at);
  }

  /** The kind of this call (HTTP, DB, logger, retry …) recognised through its imports, or undefined. */
  callKind(call: ts.CallExpression | ts.NewExpression): CallKind | undefined {
    const cached = this.kindCache.get(call);
    if (cached !== undefined) return cached ?? undefined;
    let result: CallKind | undefined;
    const callee = skipOuterExpressions(call.expression);
    const origin = this.resolver.originOf(callee);
    if (origin) {
      result = this.recognizers.classify(origin) ?? projectModelCall(origin, callee) ?? projectClientCall(origin);
    }
    this.kindCache.set(call, result ?? null);
    return result;
  }

  /**
   * The kind of a call chain: `db('users').where(…).first()`, `superagent.get(url).set(…)`,
   * `repo.createQueryBuilder('u').getMany()`. Looks at the outer call, then at the receivers below it.
   */
  chainKind(expr: ts.Expression, kinds?: readonly RecognizerKind[]): CallKind | undefined {
    let e: ts.Expression = skipOuterExpressions(expr);
    if (ts.isAwaitExpression(e)) e = skipOuterExpressions(e.expression);
    for (let i = 0; i < 16; i++) {
      if (!ts.isCallExpression(e)) return undefined;
      const k = this.callKind(e);
      if (k && (!kinds || kinds.includes(k.kind))) return k;
      const callee = skipOuterExpressions(e.expression);
      if (!ts.isPropertyAccessExpression(callee) && !ts.isElementAccessExpression(callee)) return undefined;
      e = skipOuterExpressions(callee.expression);
    }
    return undefined;
  }

  /**
   * A call that logs or reports an error: a recognised logger, or — by the names teams use —
   * `logger.error(…)`, `this.logger.warn(…)`, `log.info(…)`, `Sentry.captureException(…)`, `reportError(…)`.
   */
  isLoggingCall(call: ts.CallExpression): boolean {
    const k = this.callKind(call);
    if (k?.kind === 'logger') return true;
    const callee = skipOuterExpressions(call.expression);
    if (ts.isIdentifier(callee)) return /^(reportError|logError|captureException|notifyError|handleError|trackError|logException|recordError)$/.test(callee.text);
    if (!ts.isPropertyAccessExpression(callee)) return false;
    const method = callee.name.text;
    if (!LOG_METHODS.test(method)) return false;
    let receiver = skipOuterExpressions(callee.expression);
    // logger.child({…}).error(…)
    if (ts.isCallExpression(receiver)) {
      const inner = skipOuterExpressions(receiver.expression);
      if (ts.isPropertyAccessExpression(inner) && inner.name.text === 'child') receiver = skipOuterExpressions(inner.expression);
    }
    const name = ts.isIdentifier(receiver) ? receiver.text : ts.isPropertyAccessExpression(receiver) ? receiver.name.text : undefined;
    return !!name && (LOGGER_NAMES.test(name) || /logger$/i.test(name));
  }
}

function isProjectModule(module: string): boolean {
  return module.startsWith('.') || module.startsWith('@/') || module.startsWith('~/') || module.startsWith('#/') || module.startsWith('src/');
}

/**
 * `User.findAll()` where `User` is a PascalCase model imported from the project's own models:
 * named (`import { User } from './models'`), default (`import User from '../models/user'`) or
 * required (`const User = require('./user.model')`).
 */
function projectModelCall(origin: Origin, callee: ts.Expression): CallKind | undefined {
  if (!isProjectModule(origin.module)) return undefined;
  let path = origin.path;
  // a default import or a whole-module require: the model's name is the local name
  if (path.length === 1 && ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression)) path = [callee.expression.text, path[0]];
  if (path.length !== 2) return undefined;
  const [model, method] = path;
  if (!/^[A-Z][A-Za-z0-9]*$/.test(model)) return undefined;
  if (MODEL_STATICS.has(method) || (MODEL_METHODS.has(method) && MODEL_MODULE.test(origin.module))) {
    return { kind: 'db', library: 'model', method, origin };
  }
  return undefined;
}

/**
 * A database client exported by the project's own module and called in a shape only a database
 * client has: `prisma.user.findMany()` (`import { prisma } from '@/lib/prisma'`, or its default
 * export), drizzle's `db.query.users.findFirst()` / `db.select().from(users)`, a knex instance
 * `db('users').where(…)`, TypeORM's `AppDataSource.getRepository(User).findOneBy(…)`, and
 * `pool.query(sql)` on an exported pg / mysql pool.
 */
function projectClientCall(origin0: Origin): CallKind | undefined {
  if (!isProjectModule(origin0.module)) return undefined;
  // a Prisma interactive-transaction client (`prisma.$transaction(async (tx) => tx.order.update(…))`) is the client
  const txFree = withoutPrismaTx(origin0.path);
  const origin = txFree === origin0.path ? origin0 : { ...origin0, path: txFree };
  // `this.users.findOne(…)` with `users: UserRepository`, a custom TypeORM repository from another file
  const p = origin.path;
  if (origin.typeName && /Repository$/.test(origin.typeName) && p.length === 3 && p[1] === 'new' && TYPEORM_METHODS.has(p[2])) {
    return { kind: 'db', library: 'typeorm', method: p[2], origin };
  }
  const named = origin.path.length > 0 && CLIENT_NAME.test(origin.path[0]);
  if (!named && !CLIENT_MODULE.test(origin.module)) return undefined;
  const path = named ? origin.path.slice(1) : origin.path;
  if (!path.length) return undefined;
  const last = path[path.length - 1];
  const kind = (library: string): CallKind => ({ kind: 'db', library, method: last, origin });
  // prisma.user.findMany / prisma.$queryRaw
  if (path.length === 2 && /^[a-z][A-Za-z0-9]*$/.test(path[0]) && PRISMA_METHODS.has(last)) return kind('prisma');
  if (path.length === 1 && PRISMA_RAW.has(last)) return kind('prisma');
  // db.query.users.findFirst / db.select().from(users).where(…)
  if (path.length === 3 && path[0] === 'query' && (last === 'findFirst' || last === 'findMany')) return kind('drizzle');
  if (path.length >= 3 && DRIZZLE_ROOTS.has(path[0]) && path[1] === '()') return kind('drizzle');
  // db('users').where(…).first()
  if (path[0] === '()' && path.length >= 2 && last !== '()') return kind('knex');
  // AppDataSource.getRepository(User).findOneBy(…), dataSource.manager.save(…)
  if (path.length === 3 && /^get(Mongo|Tree)?Repository$/.test(path[0]) && path[1] === '()' && TYPEORM_METHODS.has(last)) return kind('typeorm');
  if (path.length === 2 && path[0] === 'manager' && TYPEORM_METHODS.has(last)) return kind('typeorm');
  // pool.query(sql)
  if (path.length === 1 && (last === 'query' || last === 'execute')) return kind('sql');
  // `sequelize.models.LineItem.findAll(…)` on a Sequelize instance exported by the project
  if (path.length === 3 && path[0] === 'models' && /^[A-Z]/.test(path[1]) && (MODEL_STATICS.has(last) || MODEL_METHODS.has(last))) return kind('sequelize');
  return undefined;
}
