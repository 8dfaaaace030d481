// llm-call-in-loop: an LLM generation call made once per element of a collection with no budget
// or count guard. "Such a call" is any call llm-call-without-limit judges (OpenAI, Anthropic,
// Google Gemini, Mistral, Cohere, the AI SDK); "once per element" is n-plus-one's definition, from
// the shared loop detection (rules/shared/iteration.ts): loop bodies, `.map` / `.forEach` /
// `.flatMap` / `.reduce` callbacks, `Promise.all(items.map(…))`, with fixed lists, retry loops and
// chunked batches left out. A guard is a comparison against a counter, limit, budget or token
// total that leaves the loop (or skips the call), a loop condition that does the same, a call that
// checks a budget, or a collection cut to a maximum (`items.slice(0, MAX)`) before the loop.
// See docs/rules/llm-call-in-loop.md for every decision.
import { ts } from 'ts-morph';
import { isFunctionNode, referenceText, skipOuterExpressions, walk, type FunctionNode } from '../engine/ast';
import type { FileFacts } from '../engine/fileFacts';
import { defineRule } from '../engine/rule';
import { describeCall, isTestOrSeedFile } from './shared/dataAccess';
import { anchorOf, calleeText, describeContext, exitsAfter, isChunked, isComparison, isFixedBound, isFixedList, localHelperOf, locate, loopElementNames, loopIsPerElement, paramNames, type Anchor, type Context } from './shared/iteration';
import { llmCall, mayHaveLlmCalls, vendorName, type LlmCall } from './shared/llmCalls';

/** Names of what a guard compares: a call counter, a limit, a budget, a token or cost total. */
const GUARD_NAME = /count|calls|budget|limit|max|quota|spent|spend|cost|usage|used|tokens?|total|remaining|credits?|allowance|processed|deadline|^cap|cap$|^(i|n|idx|index)$/i;
/** Calls that check or consume a budget: `budget.consume(n)`, `assertWithinBudget()`, `quota.check()`. */
const BUDGET_CALL = /budget|quota|spend|allowance|credits?|withinLimit|checkLimit|assertLimit/i;
/** Calls that cut a collection to a maximum: `items.slice(0, MAX)`, `_.take(items, 20)`, `take(items, n)`. */
const TAKE_CALL = /^(take|takeFirst|first|limit|head)$/;

export const llmCallInLoop = defineRule({
  id: 'llm-call-in-loop',
  category: 'cost-control',
  defaultSeverity: 'MEDIUM',
  title: 'LLM call once per element with no budget or count guard',
  requiresTypeInfo: false,
  options: {},
  docs: {
    summary:
      'Flags an OpenAI, Anthropic, Google Gemini, Mistral, Cohere or AI SDK generation call made once per element of a collection (in a loop, or a `.map` / `.forEach` / `Promise.all(items.map(…))` callback) with no budget or count guard: no comparison against a call counter, limit, budget or token total that stops the loop, and no cut of the collection to a maximum.',
    why:
      'Each element is a paid model call, so the bill and the run time grow with the data and nothing puts a ceiling on them. A larger import, a bug that hands the loop a whole table, a job retried from the start or a user who uploads ten thousand rows turns into thousands of calls; the first sign is usually the invoice or a rate-limit error that stops everything else using the same key.',
    fix:
      'Put a ceiling on each run: cut the input (`items.slice(0, MAX_ITEMS)`), or count the calls (or the tokens from `usage`) and stop at a budget (`if (calls >= MAX_CALLS) break;`), and report what was left for the next run. Where the model allows it, send several elements in one prompt instead of one call each.',
    invalid: [
      {
        code: "import OpenAI from 'openai';\n\nconst openai = new OpenAI();\n\nexport async function summariseAll(reviews: { id: string; text: string }[]) {\n  const out = new Map<string, string>();\n  for (const review of reviews) {\n    const r = await openai.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 60, messages: [{ role: 'user', content: review.text }] });\n    out.set(review.id, r.choices[0]?.message.content ?? '');\n  }\n  return out;\n}\n",
      },
      {
        code: "import Anthropic from '@anthropic-ai/sdk';\n\nconst anthropic = new Anthropic();\n\nexport const tagAll = (tickets: string[]) =>\n  Promise.all(tickets.map((t) => anthropic.messages.create({ model: 'claude-haiku-4-5', max_tokens: 20, messages: [{ role: 'user', content: t }] })));\n",
      },
    ],
    valid: [
      {
        code: "import OpenAI from 'openai';\n\nconst openai = new OpenAI();\nconst MAX_CALLS = 200;\n\nexport async function summariseAll(reviews: { id: string; text: string }[]) {\n  let calls = 0;\n  for (const review of reviews) {\n    if (calls >= MAX_CALLS) break;\n    calls += 1;\n    await openai.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 60, messages: [{ role: 'user', content: review.text }] });\n  }\n}\n",
      },
      {
        code: "import OpenAI from 'openai';\n\nconst openai = new OpenAI();\nconst MAX_ITEMS = 50;\n\nexport const tagAll = (titles: string[]) =>\n  Promise.all(titles.slice(0, MAX_ITEMS).map((t) => openai.responses.create({ model: 'gpt-4.1-mini', max_output_tokens: 10, input: t })));\n",
      },
      {
        code: "import OpenAI from 'openai';\n\nconst openai = new OpenAI();\n\n// a fixed list of three languages, not data\nexport const translations = (text: string) =>\n  Promise.all(['de', 'fr', 'es'].map((lang) => openai.responses.create({ model: 'gpt-4.1-mini', max_output_tokens: 200, input: `Translate to ${lang}: ${text}` })));\n",
      },
    ],
  },
  create(context) {
    if (isTestOrSeedFile(context.file)) return {};
    if (!mayHaveLlmCalls(context.sourceFile)) return {};
    const facts = context.facts;
    const sf = context.sourceFile;
    const helpers: HelperCache = new Map();
    // calls of local functions (`summarise(doc)`, `this.classify(t)`), looked into at the end and
    // only when the file makes a generation call somewhere
    const candidates: ts.CallExpression[] = [];
    let sawLlmCall = false;

    const judge = (call: ts.CallExpression, c: LlmCall, helper?: { name: string; inner: ts.CallExpression }) => {
      // the call costs money whether or not its result is awaited
      const anchor: Anchor = anchorOf(call) ?? { kind: 'await', node: call };
      const located = locate(call, anchor);
      for (const { context: ctx, viaCatch } of located) {
        if (viaCatch) return; // only on the error path of an earlier step
        if (ctx.kind === 'loop') {
          if (!loopIsPerElement(ctx.node, facts)) continue;
          if (exitsAfter(call, anchor, ctx.node)) continue; // a retry or fail-over loop around one call
          const names = loopElementNames(ctx.node);
          if (isChunked(call, names, ctx.node) && joinsChunk(names, ctx.node.statement)) continue;
        } else {
          if (ctx.collection && isFixedList(ctx.collection, facts)) continue;
          const names = paramNames(ctx.fn);
          if (isChunked(call, names, undefined) && joinsChunk(names, ctx.fn.body)) continue;
        }
        // a guard on this loop or on any loop around it caps the calls
        if (located.some((l) => isGuarded(l.context, facts))) return;
        const where = describeContext(ctx, sf);
        const what = helper
          ? `\`${describeCall(call, sf)}\` calls \`${helper.name}\`, which makes a ${vendorName(c.library)} generation call (\`${describeCall(helper.inner, sf)}\`), once per ${where}`
          : `\`${describeCall(call, sf)}\` runs once per ${where}`;
        const related = [{ node: ctx.node as ts.Node, message: ctx.kind === 'loop' ? 'the loop' : `the \`.${ctx.method}\` over the collection` }];
        if (helper) related.push({ node: helper.inner, message: 'the model call inside the helper' });
        context.report(
          call,
          `${what}, with no budget or count guard. Every element is a paid ${vendorName(c.library)} call, so cost and run time grow with the data and nothing caps them: a bigger input, a bug that feeds the loop a whole table, or a job retried from the start multiplies the bill. Cut the input to a maximum (\`items.slice(0, MAX_ITEMS)\`) or count calls or tokens and stop at a budget (\`if (calls >= MAX_CALLS) break;\`); where the model allows it, send several elements in one prompt.`,
          { related },
        );
        return;
      }
    };

    return {
      CallExpression: (node: ts.Node) => {
        const call = node as ts.CallExpression;
        const c = llmCall(facts, call);
        if (c) {
          sawLlmCall = true;
          judge(call, c);
          return;
        }
        const callee = skipOuterExpressions(call.expression);
        if (ts.isIdentifier(callee) || (ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.ThisKeyword)) candidates.push(call);
      },
      onEnd: () => {
        if (!sawLlmCall) return;
        // `await this.classify(ticket)` where `classify` (of this file) makes the model call
        for (const call of candidates) {
          const h = viaLocalHelper(call, facts, helpers);
          if (h) judge(call, h.llm, { name: h.name, inner: h.call });
        }
      },
    };
  },
});

// ---- guards ------------------------------------------------------------------------------------

/** Is there a budget or count guard for this loop or callback? */
function isGuarded(ctx: Context, facts: FileFacts): boolean {
  if (ctx.kind === 'loop') {
    const loop = ctx.node;
    // `for (const r of reviews.slice(0, MAX))`, a collection cut before the loop
    if ((ts.isForOfStatement(loop) || ts.isForInStatement(loop)) && isCutCollection(loop.expression, facts)) return true;
    // `for (…; i < items.length && calls < MAX; …)`, `while (queue.length && spent < budget)`
    const condition = ts.isForStatement(loop) ? loop.condition : ts.isWhileStatement(loop) || ts.isDoStatement(loop) ? loop.expression : undefined;
    if (condition && conditionGuards(condition, facts)) return true;
    if (bodyGuards(loop.statement, loop, facts)) return true;
    return guardedBefore(loop, ts.isForOfStatement(loop) || ts.isForInStatement(loop) ? loop.expression : undefined);
  }
  if (ctx.collection && isCutCollection(ctx.collection, facts)) return true;
  if (ctx.fn.body && bodyGuards(ctx.fn.body, ctx.fn, facts)) return true;
  return guardedBefore(ctx.node, ctx.collection);
}

/** `xs.slice(0, MAX)`, `_.take(xs, 20)`, or a variable holding one. */
function isCutCollection(expr: ts.Expression, facts: FileFacts, depth = 0): boolean {
  if (depth > 4) return false;
  const e = skipOuterExpressions(expr);
  if (ts.isIdentifier(e)) {
    const decl = facts.resolver.declarationOf(e);
    return !!decl && ts.isVariableDeclaration(decl) && !!decl.initializer && isCutCollection(decl.initializer, facts, depth + 1);
  }
  if (!ts.isCallExpression(e)) return false;
  const callee = skipOuterExpressions(e.expression);
  const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
  if (!name) return false;
  // .slice(start, end) / .splice(0, n): a bounded window
  if ((name === 'slice' || name === 'splice') && e.arguments.length >= 2 && ts.isPropertyAccessExpression(callee)) return true;
  if (TAKE_CALL.test(name) && e.arguments.length >= 1 && (ts.isIdentifier(callee) || (ts.isPropertyAccessExpression(callee) && e.arguments.length >= 2))) return true;
  // a chain that ends in one: `xs.filter(f).slice(0, 10)` is caught above; `xs.slice(0, 10).filter(f)` here
  if (ts.isPropertyAccessExpression(callee) && /^(filter|map|flatMap|sort|reverse|toSorted)$/.test(name)) return isCutCollection(callee.expression, facts, depth + 1);
  return false;
}

/** A comparison against a counter, limit, budget or token total. */
function isBudgetComparison(n: ts.Node): boolean {
  if (!ts.isBinaryExpression(n)) return false;
  const op = n.operatorToken.kind;
  if (!isComparison(op) && op !== ts.SyntaxKind.EqualsEqualsEqualsToken && op !== ts.SyntaxKind.EqualsEqualsToken) return false;
  return [n.left, n.right].some((side) => {
    const name = guardName(side);
    return !!name && GUARD_NAME.test(name);
  });
}

/** The name a side of a comparison goes by: `calls`, `usage.total_tokens`, `MAX_CALLS`, `budget.remaining()`. */
function guardName(side: ts.Expression): string | undefined {
  let e = skipOuterExpressions(side);
  if (ts.isAwaitExpression(e)) e = skipOuterExpressions(e.expression);
  if (ts.isCallExpression(e)) e = skipOuterExpressions(e.expression);
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) {
    // `items.length` is the size of the data, not a counter; the receiver may still be one (`usage.length` is rare)
    if (e.name.text === 'length' || e.name.text === 'size') return undefined;
    return e.name.text;
  }
  if (ts.isBinaryExpression(e)) return guardName(e.left) ?? guardName(e.right);
  return undefined;
}

/** `step < 8`, `i < MAX_STEPS`: a plain counter compared with a bound written in the code. */
function counterCap(n: ts.Node, facts: FileFacts): boolean {
  if (!ts.isBinaryExpression(n) || !isComparison(n.operatorToken.kind)) return false;
  const sides = [skipOuterExpressions(n.left), skipOuterExpressions(n.right)];
  return sides.some((s, i) => ts.isIdentifier(s) && !isFixedBound(s, facts) && isFixedBound(sides[1 - i], facts) && !isZeroOrOne(sides[1 - i]));
}

function isZeroOrOne(e: ts.Expression): boolean {
  return ts.isNumericLiteral(e) && Number(e.text) <= 1;
}

/**
 * `results.length >= 10`, `found.size === MAX_RESULTS`: the size of an accumulator declared outside
 * the loop (or callback) compared with a bound written in the code, so the calls stop once enough
 * results are in.
 */
function accumulatorCap(n: ts.Node, scope: ts.Node, facts: FileFacts): boolean {
  if (!ts.isBinaryExpression(n)) return false;
  const op = n.operatorToken.kind;
  if (!isComparison(op) && op !== ts.SyntaxKind.EqualsEqualsEqualsToken && op !== ts.SyntaxKind.EqualsEqualsToken) return false;
  const sides = [skipOuterExpressions(n.left), skipOuterExpressions(n.right)];
  return sides.some((s, i) => {
    if (!ts.isPropertyAccessExpression(s) || (s.name.text !== 'length' && s.name.text !== 'size')) return false;
    const recv = skipOuterExpressions(s.expression);
    if (!ts.isIdentifier(recv)) return false;
    const decl = facts.resolver.declarationOf(recv);
    if (!decl || (decl.pos >= scope.pos && decl.end <= scope.end)) return false;
    const other = sides[1 - i];
    return ts.isNumericLiteral(other) ? Number(other.text) > 1 : isFixedBound(other, facts);
  });
}

/** `i < items.length && calls < MAX`, `Math.min(items.length, MAX)`, `step < 8` in a loop condition. */
function conditionGuards(cond: ts.Expression, facts: FileFacts): boolean {
  const test = (n: ts.Node): boolean => {
    if (counterCap(n, facts)) return true;
    if (isBudgetComparison(n)) {
      // `i < items.length` alone walks the whole collection: the counter must meet something else
      const b = n as ts.BinaryExpression;
      const sides = [skipOuterExpressions(b.left), skipOuterExpressions(b.right)];
      const bySize = sides.some((s) => ts.isPropertyAccessExpression(s) && (s.name.text === 'length' || s.name.text === 'size'));
      return !bySize;
    }
    if (ts.isCallExpression(n)) {
      const callee = skipOuterExpressions(n.expression);
      if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'Math' && callee.name.text === 'min') return true;
      if (BUDGET_CALL.test(callee.getText())) return true;
    }
    return false;
  };
  if (test(cond)) return true;
  return walk(cond, (n) => (test(n) ? 'stop' : !isFunctionNode(n)));
}

/**
 * In the loop body (or the callback): an `if` whose condition compares a counter, limit, budget or
 * token total (or calls a budget check) and that leaves (`break`, `return`, `throw`, `continue`);
 * or a statement that checks or consumes a budget (`await budget.consume(tokens)`).
 */
function bodyGuards(body: ts.Node, scope: ts.Node, facts: FileFacts): boolean {
  return walk(body, (n) => {
    if (isFunctionNode(n)) return false;
    if (ts.isIfStatement(n) && conditionChecksBudget(n.expression, scope, facts) && (leaves(n.thenStatement) || (!!n.elseStatement && leaves(n.elseStatement)))) return 'stop';
    if (ts.isExpressionStatement(n)) {
      let e = skipOuterExpressions(n.expression);
      if (ts.isAwaitExpression(e)) e = skipOuterExpressions(e.expression);
      if (ts.isCallExpression(e) && BUDGET_CALL.test(skipOuterExpressions(e.expression).getText())) return 'stop';
    }
    return true;
  });
}

function conditionChecksBudget(cond: ts.Expression, scope: ts.Node, facts: FileFacts): boolean {
  const test = (n: ts.Node): boolean =>
    isBudgetComparison(n) || accumulatorCap(n, scope, facts) || (ts.isCallExpression(n) && BUDGET_CALL.test(skipOuterExpressions(n.expression).getText()));
  if (test(cond)) return true;
  return walk(cond, (n) => (test(n) ? 'stop' : !isFunctionNode(n)));
}

/** A `break`, `return`, `throw` or `continue` in the statement (not inside a nested function). */
function leaves(s: ts.Statement): boolean {
  const exit = (n: ts.Node) => ts.isBreakStatement(n) || ts.isReturnStatement(n) || ts.isThrowStatement(n) || ts.isContinueStatement(n);
  if (exit(s)) return true;
  return walk(s, (n) => (exit(n) ? 'stop' : !isFunctionNode(n)));
}

/**
 * Before the loop, in the same function: `if (items.length > MAX_ITEMS) throw …` (or `return`),
 * a check of the collection's size against a limit that stops the run.
 */
function guardedBefore(loopOrCall: ts.Node, collection: ts.Expression | undefined): boolean {
  const coll = collection && referenceText(skipOuterExpressions(collection));
  if (!coll) return false;
  let fn: ts.Node | undefined = loopOrCall.parent;
  while (fn && !isFunctionNode(fn) && !ts.isSourceFile(fn)) fn = fn.parent;
  if (!fn) return false;
  const start = loopOrCall.getStart();
  return walk(fn, (n) => {
    if (n.pos >= start) return false;
    if (n !== fn && isFunctionNode(n)) return false;
    if (ts.isIfStatement(n) && n.end <= start && sizeCheck(n.expression, coll) && leaves(n.thenStatement)) return 'stop';
    return true;
  });
}

/** `items.length > MAX`, `items.length >= limit`: the collection's size compared with a limit (not with 0 or 1). */
function sizeCheck(cond: ts.Expression, coll: string): boolean {
  const test = (n: ts.Node): boolean => {
    if (!ts.isBinaryExpression(n) || !isComparison(n.operatorToken.kind)) return false;
    const sides = [skipOuterExpressions(n.left), skipOuterExpressions(n.right)];
    const sizeIndex = sides.findIndex((s) => ts.isPropertyAccessExpression(s) && (s.name.text === 'length' || s.name.text === 'size') && referenceText(skipOuterExpressions(s.expression)) === coll);
    if (sizeIndex < 0) return false;
    const other = sides[1 - sizeIndex];
    if (ts.isNumericLiteral(other)) return Number(other.text) > 1;
    const name = guardName(other);
    return !!name && (GUARD_NAME.test(name) || /^[A-Z][A-Z0-9_]*$/.test(name));
  };
  if (test(cond)) return true;
  return walk(cond, (n) => (test(n) ? 'stop' : !isFunctionNode(n)));
}

// ---- chunks ------------------------------------------------------------------------------------

/** Array methods that turn a chunk of elements into one prompt. */
const ARRAY_USE = /^(join|map|flatMap|forEach|filter|reduce|entries|every|some)$/;

/**
 * Is the chunk a batch of elements sent in one prompt (`batch.join('\n')`, `batch.map(…)`,
 * `JSON.stringify(batch)`, `...batch`)? A chunk of one long text (`for (const part of
 * chunk(document))`, `content: part`) is still one call per piece, as many as the text is long.
 * Without names to look at, the chunk is taken as a batch.
 */
function joinsChunk(names: Set<string>, body: ts.Node | undefined): boolean {
  if (!body || !names.size) return true;
  return walk(body, (n) => {
    if (!ts.isIdentifier(n) || !names.has(n.text)) return true;
    const p = n.parent;
    if (ts.isPropertyAccessExpression(p) && p.expression === n && ARRAY_USE.test(p.name.text)) return 'stop';
    if (ts.isSpreadElement(p)) return 'stop';
    if (ts.isForOfStatement(p) && p.expression === n) return 'stop';
    if (ts.isCallExpression(p) && p.arguments.includes(n) && calleeText(p) === 'stringify') return 'stop';
    return true;
  });
}

// ---- local helpers -------------------------------------------------------------------------------

/** Local helpers already looked into: the generation call each one makes (null when none). */
type HelperCache = Map<ts.Node, { call: ts.CallExpression; llm: LlmCall } | null>;

/**
 * `await summarise(doc)` / `await this.classify(ticket)` where the function (or method of the same
 * class) is written in this file and makes an LLM generation call outside any loop of its own: the
 * loop around the helper call makes that model call once per element. Followed two levels deep.
 */
function viaLocalHelper(call: ts.CallExpression, facts: FileFacts, cache: HelperCache): { name: string; call: ts.CallExpression; llm: LlmCall } | undefined {
  const helper = localHelperOf(call, facts);
  if (!helper) return undefined;
  // recursion: the helper holds the call itself
  if (helper.fn.pos <= call.pos && call.end <= helper.fn.end) return undefined;
  const inner = helperLlmCall(helper.fn, facts, cache, 0);
  return inner ? { name: helper.name, ...inner } : undefined;
}


/** The first generation call a helper's body makes outside loops of its own (through one more local helper at most). */
function helperLlmCall(fn: FunctionNode, facts: FileFacts, cache: HelperCache, depth: number): { call: ts.CallExpression; llm: LlmCall } | undefined {
  const cached = cache.get(fn);
  if (cached !== undefined) return cached ?? undefined;
  cache.set(fn, null); // a helper that reaches itself again finds nothing new
  let result: { call: ts.CallExpression; llm: LlmCall } | undefined;
  if (fn.body) {
    const visit = (n: ts.Node): boolean | 'stop' => {
      if (!ts.isCallExpression(n)) return true;
      // a call inside a loop of the helper is judged where it is
      const direct = llmCall(facts, n);
      if (direct) {
        if (locate(n, anchorOf(n) ?? { kind: 'await', node: n }).length === 0) result = { call: n, llm: direct };
        return result ? 'stop' : true;
      }
      if (depth < 1) {
        const next = localHelperOf(n, facts);
        if (next && next.fn !== fn && !(next.fn.pos <= n.pos && n.end <= next.fn.end)) {
          const inner = helperLlmCall(next.fn, facts, cache, depth + 1);
          if (inner && locate(n, anchorOf(n) ?? { kind: 'await', node: n }).length === 0) result = inner;
        }
      }
      return result ? 'stop' : true;
    };
    // an expression body (`(t) => client.messages.create(…)`) is itself the call
    if (visit(fn.body) === true) walk(fn.body, visit);
  }
  cache.set(fn, result ?? null);
  return result;
}
