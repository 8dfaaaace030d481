// Per-file knowledge that rules share: what a call is (import-aware), whether a name is a local
// declaration, and a few syntactic helpers. Built lazily, so a rule that asks nothing pays nothing.
import { ts } from 'ts-morph';
import { OriginResolver, skipOuterExpressions, type Origin } from './origins';
import type { CallKind, RecognizerKind, RecognizerSet } from './recognizers';

/** ORM statics that are unmistakably data access when called on a PascalCase model imported from the project. */
const MODEL_STATICS = new Set([
  'findAll', 'findByPk', 'findAndCountAll', 'findOrCreate', 'findById', 'findByIdAndUpdate', 'findByIdAndDelete',
  'findOneAndUpdate', 'findOneAndDelete', 'findOneAndReplace', 'countDocuments', 'estimatedDocumentCount', 'bulkCreate', 'insertMany',
]);
/** Ambiguous names that count as data access only when the model comes from a models/entities/schemas module. */
const MODEL_METHODS = new Set(['find', 'findOne', 'create', 'update', 'destroy', 'deleteOne', 'deleteMany', 'updateOne', 'updateMany', 'count', 'aggregate', 'upsert', 'exists', 'distinct']);
const MODEL_MODULE = /(^|\/)(models?|entit(y|ies)|schemas?|db|database|orm)(\/|\.|$)/i;

const LOGGER_NAMES = /^(logger|log|_logger|_log|console|audit|auditLog|errorReporter|reporter|sentry|Sentry|bugsnag|Bugsnag|rollbar|Rollbar|honeybadger|Honeybadger|newrelic|datadog|tracer|span|telemetry|monitoring|metrics)$/;
const LOG_METHODS = /^(error|warn|warning|info|debug|trace|fatal|log|critical|notice|alert|emerg|verbose|silly|exception|captureException|captureMessage|captureError|notify|report|reportError|recordException|record|track|write|child)$/;

export class FileFacts {
  readonly resolver: OriginResolver;
  private readonly kindCache = new WeakMap<ts.Node, CallKind | null>();

  constructor(
    readonly sourceFile: ts.SourceFile,
    private readonly recognizers: RecognizerSet,
  ) {
    this.resolver = new OriginResolver(sourceFile);
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
      result = this.recognizers.classify(origin) ?? projectModelCall(origin);
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

/** `User.findAll()` where `User` is a PascalCase model imported from the project's own models. */
function projectModelCall(origin: Origin): CallKind | undefined {
  if (!(origin.module.startsWith('.') || origin.module.startsWith('@/') || origin.module.startsWith('~/') || origin.module.startsWith('src/'))) return undefined;
  if (origin.path.length !== 2) return undefined;
  const [model, method] = origin.path;
  if (!/^[A-Z][A-Za-z0-9]*$/.test(model)) return undefined;
  if (MODEL_STATICS.has(method) || (MODEL_METHODS.has(method) && MODEL_MODULE.test(origin.module))) {
    return { kind: 'db', library: 'model', method, origin };
  }
  return undefined;
}
