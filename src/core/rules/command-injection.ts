// command-injection: a shell command built from values. `exec` / `execSync` always run their
// command through a shell, so a command string that is not a constant is flagged. `spawn` /
// `execFile` (and their Sync variants) only use a shell with `shell: true`; then their command
// and arguments are joined into one command line, so any argument that is not a constant is
// flagged. child_process is recognised through its import (any style, `node:` prefix) and
// through `util.promisify(exec)`.
import { ts } from 'ts-morph';
import { getProperty, hasSpread, skipOuterExpressions } from '../engine/ast';
import type { FileFacts } from '../engine/fileFacts';
import { defineRule } from '../engine/rule';
import { constInitializer } from './shared/dataAccess';
import { StaticText } from './shared/staticText';

const SHELL_ALWAYS = new Set(['exec', 'execSync']);
const SHELL_OPTION = new Set(['spawn', 'spawnSync', 'execFile', 'execFileSync']);
/** Quoting helpers (shell-quote's `quote`, shell-escape, shescape) whose result is safe in a command line. */
const QUOTERS = /^(?:quote|shellQuote|shellEscape|shellescape|escapeShellArg|escapeShellArgument|escapeShell|shEscape)$/;

type Target = { fn: string; shellAlways: boolean };

export const commandInjection = defineRule({
  id: 'command-injection',
  category: 'security',
  defaultSeverity: 'CRITICAL',
  title: 'Shell command built from values',
  requiresTypeInfo: false,
  options: {},
  docs: {
    summary:
      'Flags child_process `exec`/`execSync` given a command string that is not a constant, and `spawn`/`execFile` (and their Sync variants) run with `shell: true` and a command or argument that is not a constant.',
    why:
      'A shell reads its whole command line as a program: `;`, `&&`, `|`, backticks and `$(…)` start new commands. A value written into that line lets whoever controls it run any program on the server with the service\u2019s rights, read its secrets and environment, and reach everything it can reach on the network.',
    fix:
      'Run the program without a shell and pass each value as its own argument: `execFile(\'tar\', [\'-czf\', out, dir])` or `spawn(\'psql\', [url, \'-c\', sql])` without `shell: true`. Check values against an allow-list or a strict pattern before using them, and put `--` before values that could start with `-`.',
    invalid: [
      {
        code: "import { exec } from 'node:child_process';\n\nexport function archive(day: string) {\n  exec(`tar -czf /exports/receipts-${day}.tgz /var/receipts/${day}`, (err) => {\n    if (err) console.error(err);\n  });\n}\n",
      },
      {
        code: "const cp = require('child_process');\n\nfunction checkout(branch) {\n  return cp.execSync('git checkout ' + branch).toString();\n}\nmodule.exports = { checkout };\n",
      },
      {
        code: "import { spawn } from 'child_process';\n\nexport const reindex = (table: string) => spawn('psql', ['-c', `REINDEX TABLE ${table}`], { shell: true });\n",
      },
    ],
    valid: [
      {
        code: "import { execSync } from 'node:child_process';\n\nexport const GIT_SHA = execSync('git rev-parse --short HEAD').toString().trim();\n",
      },
      {
        code: "import { execFile } from 'node:child_process';\n\nexport function archive(day: string, done: (err: Error | null) => void) {\n  execFile('tar', ['-czf', `/exports/receipts-${day}.tgz`, `/var/receipts/${day}`], done);\n}\n",
      },
      {
        code: "import { spawn } from 'child_process';\n\nexport const build = () => spawn('npm', ['run', 'build'], { shell: true, stdio: 'inherit' });\n",
      },
    ],
  },
  create(context) {
    if (!context.sourceFile.text.includes('child_process')) return {};
    const facts = context.facts;
    const statics = new StaticText(facts, { safeCall: (name) => QUOTERS.test(name) });
    const promisified = new Map<ts.Node, Target | null>();

    return {
      CallExpression: (node: ts.Node) => {
        const call = node as ts.CallExpression;
        if (call.arguments.length === 0) return;
        const target = targetOf(call, facts, promisified);
        if (!target) return;
        const display = calleeDisplay(call, target.fn);
        if (target.shellAlways) {
          const culprit = nonConstantPart(call.arguments[0], statics);
          if (!culprit) return;
          context.report(call, execMessage(display, culprit));
          return;
        }
        if (!shellEnabled(call, facts)) return;
        let culprit = nonConstantPart(call.arguments[0], statics);
        if (!culprit && call.arguments.length > 1) {
          const args = skipOuterExpressions(call.arguments[1]);
          if (!ts.isObjectLiteralExpression(args) && !isCallback(args)) culprit = nonConstantPart(args, statics);
        }
        if (!culprit) return;
        context.report(call, shellMessage(display, culprit));
      },
    };
  },
});

/** The child_process function a call runs, if any: by import, require, or a promisified copy. */
function targetOf(call: ts.CallExpression, facts: FileFacts, promisified: Map<ts.Node, Target | null>): Target | undefined {
  const callee = skipOuterExpressions(call.expression);
  const fn = childProcessFunction(callee, facts);
  if (fn) return { fn, shellAlways: SHELL_ALWAYS.has(fn) };
  // const run = promisify(exec);  run(cmd)
  if (!ts.isIdentifier(callee)) return undefined;
  const decl = facts.resolver.declarationOf(callee);
  if (!decl || !ts.isVariableDeclaration(decl) || !decl.initializer) return undefined;
  const cached = promisified.get(decl);
  if (cached !== undefined) return cached ?? undefined;
  let result: Target | undefined;
  const init = skipOuterExpressions(decl.initializer);
  if (ts.isCallExpression(init) && init.arguments.length === 1) {
    const p = skipOuterExpressions(init.expression);
    const name = ts.isIdentifier(p) ? p.text : ts.isPropertyAccessExpression(p) ? p.name.text : undefined;
    if (name === 'promisify') {
      const inner = childProcessFunction(skipOuterExpressions(init.arguments[0]), facts);
      if (inner === 'exec' || inner === 'execFile') result = { fn: inner, shellAlways: inner === 'exec' };
    }
  }
  promisified.set(decl, result ?? null);
  return result;
}

function childProcessFunction(expr: ts.Expression, facts: FileFacts): string | undefined {
  if (!ts.isIdentifier(expr) && !ts.isPropertyAccessExpression(expr) && !ts.isElementAccessExpression(expr)) return undefined;
  const origin = facts.originOf(expr);
  if (!origin || origin.module !== 'child_process') return undefined;
  const path = origin.path[0] === 'default' ? origin.path.slice(1) : origin.path;
  if (path.length !== 1) return undefined;
  return SHELL_ALWAYS.has(path[0]) || SHELL_OPTION.has(path[0]) ? path[0] : undefined;
}

/**
 * The part of a command (or argument list) that is not a constant; undefined when all of it is.
 * In an argument array, a value written into a built string (`\`REINDEX TABLE ${t}\``) is named
 * before a plain variable argument.
 */
function nonConstantPart(arg0: ts.Expression, statics: StaticText): ts.Expression | undefined {
  if (ts.isSpreadElement(arg0)) return undefined;
  const arg = skipOuterExpressions(arg0);
  if (ts.isArrayLiteralExpression(arg)) {
    let first: ts.Expression | undefined;
    for (const el of arg.elements) {
      const e = ts.isSpreadElement(el) ? el.expression : skipOuterExpressions(el);
      const bad = statics.firstNonConstant(e);
      if (!bad) continue;
      if (ts.isTemplateExpression(e) || (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken)) return bad;
      first ??= bad;
    }
    return first;
  }
  return statics.firstNonConstant(arg);
}

function isCallback(e: ts.Expression): boolean {
  return ts.isArrowFunction(e) || ts.isFunctionExpression(e);
}

/** `{ shell: true }` (or a shell path) in the options the call is given, where the rule can see them. */
function shellEnabled(call: ts.CallExpression, facts: FileFacts): boolean {
  for (let i = 1; i < call.arguments.length; i++) {
    const obj = objectLiteralOf(call.arguments[i], facts);
    if (!obj) continue;
    const p = getProperty(obj, 'shell');
    if (!p) {
      if (hasSpread(obj)) return false;
      continue;
    }
    let value: ts.Expression | undefined;
    if (ts.isPropertyAssignment(p)) value = p.initializer;
    else if (ts.isShorthandPropertyAssignment(p)) value = constInitializer(facts, p.name);
    if (!value) return false;
    const v = skipOuterExpressions(value);
    if (v.kind === ts.SyntaxKind.TrueKeyword) return true;
    if (ts.isStringLiteralLike(v) && v.text.length > 0) return true;
    return false;
  }
  return false;
}

function objectLiteralOf(arg: ts.Expression, facts: FileFacts): ts.ObjectLiteralExpression | undefined {
  const e = skipOuterExpressions(arg);
  if (ts.isObjectLiteralExpression(e)) return e;
  if (ts.isIdentifier(e)) {
    const init = constInitializer(facts, e);
    const v = init && skipOuterExpressions(init);
    return v && ts.isObjectLiteralExpression(v) ? v : undefined;
  }
  return undefined;
}

function calleeDisplay(call: ts.CallExpression, fn: string): string {
  const text = call.expression.getText().replace(/\s+/g, '');
  return text.length <= 40 && !text.includes('(') ? text : fn;
}

function short(e: ts.Node): string {
  const text = e.getText().replace(/\s+/g, ' ');
  return text.length <= 40 ? text : `${text.slice(0, 37)}…`;
}

function execMessage(display: string, culprit: ts.Expression): string {
  return (
    `\`${display}(…)\` runs a shell command built from \`${short(culprit)}\`, which is not a constant. ` +
    'The shell treats `;`, `|`, `&&` and `$(…)` in that value as new commands, so whoever controls it can run any program on the server with the service\u2019s rights and read its secrets. ' +
    'Run the program with `execFile` or `spawn` and an argument array (no shell), and check the values against an allow-list.'
  );
}

function shellMessage(display: string, culprit: ts.Expression): string {
  return (
    `\`${display}(…)\` runs with \`shell: true\`, so its command and arguments are joined into one shell command line, and \`${short(culprit)}\` is not a constant. ` +
    'The shell treats `;`, `|`, `&&` and `$(…)` in that value as new commands, so whoever controls it can run any program on the server with the service\u2019s rights and read its secrets. ' +
    'Remove `shell: true` and pass each value as its own argument, checked against an allow-list.'
  );
}
