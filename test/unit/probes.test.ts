import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { itemsForProbe } from '../../src/core/categories';
import { PROBES, PROBE_IDS, runProbes, type ProbeOptions, type ProbeOutcome } from '../../src/core/probes';
import { blankComments, JsoncError, parseJsonc, scanImports } from '../../src/core/workspaceText';

const REPO = path.resolve(__dirname, '../../..');

function workspace(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'pa-probes-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return root;
}

function probe(id: string, files: Record<string, string>, opts: ProbeOptions = {}): ProbeOutcome {
  const [outcome] = runProbes(workspace(files), { ...opts, only: [id] });
  assert.ok(outcome, `probe ${id} did not run`);
  assert.equal(outcome.id, id);
  return outcome;
}

/** Evidence as `file:line detail` lines, for readable assertions. */
function evidence(o: ProbeOutcome): string[] {
  return o.evidence.map((e) => `${e.file ?? ''}${e.line ? `:${e.line}` : ''} ${e.detail}`.trim());
}

function pkg(deps: Record<string, string> = {}, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ name: 'svc', version: '1.0.0', ...extra, dependencies: deps }, null, 2);
}

const SRC = { 'src/index.ts': 'export const x = 1;\n' };

describe('workspace text helpers', () => {
  it('parseJsonc reads comments and trailing commas, and leaves strings alone', () => {
    const text = `{
  // line comment
  "compilerOptions": {
    /* block
       comment */
    "strict": true, // trailing
    "paths": { "@/*": ["./src/*",], },
    "url": "http://example.com/*not a comment*/",
  },
}`;
    assert.deepEqual(parseJsonc(text), { compilerOptions: { strict: true, paths: { '@/*': ['./src/*'] }, url: 'http://example.com/*not a comment*/' } });
    assert.deepEqual(parseJsonc('\ufeff{"a": "x,]"}'), { a: 'x,]' });
    assert.throws(() => parseJsonc('{"a": }'), JsoncError);
    assert.throws(() => parseJsonc('{"a": 1 /* open'), JsoncError);
  });

  it('blankComments blanks comments only, keeping lines, strings, regexes and template expressions', () => {
    const src = [
      "const url = 'http://x.test/a'; // note",
      '/* block',
      '   console.log(1) */ const re = /\\/\\/not-a-comment/g;',
      'const t = `a ${b /* inside */ + `c//d`} e`; const d = a / b; // tail',
    ].join('\n');
    const out = blankComments(src);
    assert.equal(out.length, src.length);
    assert.equal(out.split('\n').length, 4);
    assert.match(out, /'http:\/\/x\.test\/a';\s+$/m);
    assert.doesNotMatch(out, /note|block|console|inside|tail/);
    assert.match(out, /\/\\\/\\\/not-a-comment\/g/);
    assert.match(out, /`c\/\/d`/);
    assert.match(out, /a \/ b;/);
  });

  it('blankComments with strings: true blanks string and template text but keeps ${} expressions', () => {
    const out = blankComments("log('console.log(x)'); f(`a ${console.warn('y')} b`);", { strings: true });
    assert.doesNotMatch(out, /console\.log/);
    assert.match(out, /\$\{console\.warn\(' '\)\}/);
  });

  it('scanImports finds ES imports, requires, import = require and dynamic imports, with their local names', () => {
    const code = blankComments(`import pino from 'pino';
import { rateLimit as limit, type Options } from 'express-rate-limit';
import * as otel from '@opentelemetry/api';
import 'newrelic';
import {
  Throttler,
} from '@nestjs/throttler';
const helmet = require('helmet');
const { trace } = require("@opentelemetry/sdk-node");
import winston = require('winston');
const later = await import('dd-trace');
// import bunyan from 'bunyan';
export { x } from './x';
`);
    const found = scanImports(code).map((i) => `${i.line} ${i.module} [${i.locals.join(',')}]`);
    assert.deepEqual(found, [
      '1 pino [pino]',
      '2 express-rate-limit [limit,Options]',
      '3 @opentelemetry/api [otel]',
      '4 newrelic []',
      '5 @nestjs/throttler [Throttler]',
      '8 helmet [helmet]',
      '9 @opentelemetry/sdk-node [trace]',
      '10 winston [winston]',
      '11 dd-trace []',
      '13 ./x []',
    ]);
  });
});

describe('probe: typescript-strict', () => {
  const id = 'typescript-strict';

  it('passes when tsconfig.json (with comments and trailing commas) has strict on, and names the line', () => {
    const o = probe(id, { 'tsconfig.json': '{\n  // compiler\n  "compilerOptions": {\n    "target": "ES2022",\n    "strict": true,\n  },\n}\n', ...SRC });
    assert.equal(o.status, 'pass');
    assert.deepEqual(evidence(o), ['tsconfig.json:5 "strict": true']);
  });

  it('follows extends of relative files (with or without .json, and arrays), judging base configs only through them', () => {
    const single = probe(id, {
      'tsconfig.base.json': '{ "compilerOptions": {\n "strict": true } }',
      'tsconfig.json': '{ "extends": "./tsconfig.base", "include": ["src"] }',
      ...SRC,
    });
    assert.equal(single.status, 'pass');
    assert.ok(evidence(single).includes('tsconfig.base.json:2 "strict": true (set in tsconfig.base.json, reached through extends) for tsconfig.json'), evidence(single).join('\n'));
    assert.ok(evidence(single).includes('tsconfig.base.json base config, judged through the configs that extend it'));

    const array = probe(id, {
      'configs/strict.json': '{ "compilerOptions": { "strict": true } }',
      'configs/loose.json': '{ "compilerOptions": { "strict": false } }',
      'tsconfig.json': '{ "extends": ["./configs/loose.json", "./configs/strict.json"] }',
      ...SRC,
    });
    assert.equal(array.status, 'pass', 'the later entry of an extends array wins');

    const overridden = probe(id, {
      'tsconfig.base.json': '{ "compilerOptions": { "strict": true } }',
      'tsconfig.json': '{ "extends": "./tsconfig.base.json", "compilerOptions": {\n "strict": false } }',
      ...SRC,
    });
    assert.equal(overridden.status, 'fail');
    assert.deepEqual(evidence(overridden).filter((e) => !e.includes('base config')), ['tsconfig.json:2 "strict": false']);
  });

  it('fails when strict is missing, false, commented out, or its core checks are switched off again', () => {
    assert.equal(probe(id, { 'tsconfig.json': '{ "compilerOptions": { "target": "ES2022" } }', ...SRC }).status, 'fail');
    assert.equal(probe(id, { 'tsconfig.json': '{ "compilerOptions": { "strict": false } }', ...SRC }).status, 'fail');
    assert.equal(probe(id, { 'tsconfig.json': '{ "compilerOptions": {\n // "strict": true\n } }', ...SRC }).status, 'fail');
    const partial = probe(id, { 'tsconfig.json': '{ "compilerOptions": { "noImplicitAny": true, "strictNullChecks": true } }', ...SRC });
    assert.equal(partial.status, 'fail');
    assert.match(evidence(partial)[0], /not set.*only noImplicitAny and strictNullChecks on/);
    const nullsOff = probe(id, { 'tsconfig.json': '{ "compilerOptions": {\n "strict": true,\n "strictNullChecks": false } }', ...SRC });
    assert.equal(nullsOff.status, 'fail');
    assert.deepEqual(evidence(nullsOff), ['tsconfig.json:3 "strict": true, but strictNullChecks switched off again for tsconfig.json']);
  });

  it('passes strict with a minor check switched off, and says which', () => {
    const o = probe(id, { 'tsconfig.json': '{ "compilerOptions": { "strict": true, "strictPropertyInitialization": false } }', ...SRC });
    assert.equal(o.status, 'pass');
    assert.match(evidence(o)[0], /except strictPropertyInitialization/);
  });

  it('fails when any compiled config is not strict, naming it', () => {
    const o = probe(id, {
      'tsconfig.json': '{ "compilerOptions": { "strict": true } }',
      'tsconfig.scripts.json': '{ "compilerOptions": { "noEmit": true } }',
      ...SRC,
    });
    assert.equal(o.status, 'fail');
    assert.match(o.summary, /1 of 2 tsconfig files/);
    assert.ok(evidence(o).some((e) => e.startsWith('tsconfig.scripts.json')));
  });

  it('judges the referenced projects of a solution-style tsconfig, not the solution itself', () => {
    const o = probe(id, {
      'tsconfig.json': '{ "files": [], "references": [{ "path": "./packages/api" }] }',
      'packages/api/tsconfig.json': '{ "compilerOptions": { "strict": true } }',
      'packages/api/src/a.ts': 'export {};\n',
    });
    assert.equal(o.status, 'pass');
    assert.ok(evidence(o).includes('tsconfig.json solution-style config (files: [] and references): compiles nothing itself'));
  });

  it('reads an extended package config from node_modules when it is installed, and says unknown when it is not', () => {
    const files = { 'tsconfig.json': '{ "extends": "@tsconfig/strictest/tsconfig.json" }', ...SRC };
    const missing = probe(id, files);
    assert.equal(missing.status, 'unknown');
    assert.match(evidence(missing)[0], /extends '@tsconfig\/strictest\/tsconfig.json', which is not in the workspace or node_modules/);
    const installed = probe(id, { ...files, 'node_modules/@tsconfig/strictest/tsconfig.json': '{ "compilerOptions": { "strict": true } }' });
    assert.equal(installed.status, 'pass');
  });

  it('reports a cycle in extends instead of looping', () => {
    const o = probe(id, { 'tsconfig.json': '{ "extends": "./tsconfig.json" }', ...SRC });
    assert.equal(o.status, 'unknown');
    assert.match(evidence(o)[0], /extends itself/);
  });

  it('fails for TypeScript files with no tsconfig, and is unknown for a JavaScript-only workspace', () => {
    const ts = probe(id, SRC);
    assert.equal(ts.status, 'fail');
    assert.deepEqual(evidence(ts), ['src/index.ts first of 1 TypeScript file; no tsconfig.json or tsconfig.*.json anywhere in the workspace']);
    assert.equal(probe(id, { 'src/index.js': 'module.exports = 1;\n' }).status, 'unknown');
  });

  it('ignores tsconfig files under node_modules and test fixtures', () => {
    const o = probe(id, {
      'tsconfig.json': '{ "compilerOptions": { "strict": true } }',
      'node_modules/lib/tsconfig.json': '{ "compilerOptions": { "strict": false } }',
      'test/fixtures/app/tsconfig.json': '{ "compilerOptions": { "strict": false } }',
      ...SRC,
    });
    assert.equal(o.status, 'pass');
  });
});

describe('probe: linter-configured', () => {
  const id = 'linter-configured';

  it('passes for ESLint, Biome, oxlint and deno lint configurations in their usual files', () => {
    for (const [file, text, tool] of [
      ['eslint.config.mjs', 'export default [];\n', 'ESLint'],
      ['.eslintrc.json', '{}', 'ESLint'],
      ['.eslintrc', 'root: true\n', 'ESLint'],
      ['packages/web/.eslintrc.cjs', 'module.exports = {};\n', 'ESLint'],
      ['biome.json', '{}', 'Biome'],
      ['biome.jsonc', '{}', 'Biome'],
      ['.oxlintrc.json', '{}', 'oxlint'],
      ['deno.jsonc', '{\n  // lint rules\n  "lint": { "rules": { "tags": ["recommended"] } }\n}', 'deno lint'],
    ] as const) {
      const o = probe(id, { [file]: text, ...SRC });
      assert.equal(o.status, 'pass', file);
      assert.equal(o.summary, `A linter is configured (${tool}).`, file);
      assert.equal(o.evidence[0].file, file);
    }
  });

  it('passes for an eslintConfig section in package.json, naming its line', () => {
    const o = probe(id, { 'package.json': '{\n  "name": "a",\n  "eslintConfig": { "root": true }\n}', ...SRC });
    assert.equal(o.status, 'pass');
    assert.deepEqual(evidence(o), ['package.json:3 "eslintConfig" section in package.json']);
  });

  it('passes for a lint script that runs a zero-config linter, and says so', () => {
    const o = probe(id, { 'package.json': pkg({}, { scripts: { test: 'node --test', lint: 'oxlint src' } }), ...SRC });
    assert.equal(o.status, 'pass');
    assert.match(o.summary, /runs oxlint with its built-in rules/);
    assert.match(evidence(o)[0], /^package\.json:\d+ script "lint" runs oxlint$/);
  });

  it('fails with source files and no linter, and does not count configs under node_modules or a `lint` word in other scripts', () => {
    const o = probe(id, {
      'package.json': pkg({}, { scripts: { build: 'tsc', 'check-eslint-free': 'node check.js' } }),
      'node_modules/some-lib/.eslintrc.json': '{}',
      ...SRC,
    });
    assert.equal(o.status, 'fail');
    assert.match(evidence(o)[0], /^looked for eslint\.config\.\*/);
  });

  it('is unknown when there is no JavaScript or TypeScript at all', () => {
    assert.equal(probe(id, { 'README.md': '# docs\n' }).status, 'unknown');
  });
});

describe('probe: tests-present', () => {
  const id = 'tests-present';

  it('passes for *.test.*, *.spec.*, *.e2e-spec.* files and test folders', () => {
    for (const file of ['src/a.test.ts', 'src/a.spec.js', 'test/app.e2e-spec.ts', 'test/helpers.ts', 'tests/api.mjs', 'src/__tests__/x.tsx']) {
      const o = probe(id, { [file]: 'export {};\n', ...SRC });
      assert.equal(o.status, 'pass', file);
      assert.equal(o.summary, '1 test file found.', file);
      assert.ok(evidence(o).includes(`${file} test file`), file);
    }
  });

  it('passes for a real test script even when no test file has a usual name', () => {
    const o = probe(id, { 'package.json': pkg({}, { scripts: { test: 'vitest run' } }), ...SRC });
    assert.equal(o.status, 'pass');
    assert.match(o.summary, /test script is set up, but no test files/);
    assert.match(evidence(o)[0], /^package\.json:\d+ "test" script: vitest run$/);
  });

  it("fails for npm's placeholder script and no test files, and names the placeholder", () => {
    const o = probe(id, { 'package.json': pkg({}, { scripts: { test: 'echo "Error: no test specified" && exit 1' } }), ...SRC, 'node_modules/x/x.test.js': '' });
    assert.equal(o.status, 'fail');
    assert.ok(evidence(o).some((e) => /^package\.json:\d+ the "test" script is npm's placeholder/.test(e)), evidence(o).join('\n'));
  });

  it('is unknown for a workspace with no JavaScript project', () => {
    assert.equal(probe(id, { 'README.md': '# docs\n' }).status, 'unknown');
  });
});

describe('probe: ci-workflow', () => {
  const id = 'ci-workflow';

  it('passes for each common CI definition', () => {
    for (const file of ['.github/workflows/ci.yml', '.github/workflows/test.yaml', '.gitlab-ci.yml', '.circleci/config.yml', 'azure-pipelines.yml', 'Jenkinsfile', 'bitbucket-pipelines.yml', '.ci/run.sh', '.travis.yml', '.buildkite/pipeline.yml']) {
      const o = probe(id, { [file]: 'x\n' });
      assert.equal(o.status, 'pass', file);
      assert.equal(o.evidence[0].file, file);
    }
  });

  it('fails when there is none, and does not count look-alikes away from the top of the workspace', () => {
    const o = probe(id, { '.github/workflows/README.md': '# notes\n', 'docs/.gitlab-ci.yml': 'x', 'src/Jenkinsfile.txt': '', ...SRC });
    assert.equal(o.status, 'fail');
    assert.match(evidence(o)[0], /a CI definition in a parent folder is not seen/);
  });
});

describe('probe: lockfile-present', () => {
  const id = 'lockfile-present';

  it('passes for each package manager lockfile', () => {
    for (const lock of ['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lock', 'bun.lockb']) {
      const o = probe(id, { 'package.json': pkg({ express: '^4' }), [lock]: '' });
      assert.equal(o.status, 'pass', lock);
      assert.deepEqual(evidence(o), [`${lock} lockfile for package.json`]);
    }
  });

  it('uses the root lockfile for workspace packages, and fails for a separate package without one', () => {
    const mono = probe(id, { 'package.json': pkg({}, { workspaces: ['packages/*'] }), 'packages/api/package.json': pkg({ pino: '^9' }), 'pnpm-lock.yaml': '' });
    assert.equal(mono.status, 'pass');
    assert.deepEqual(evidence(mono), ['pnpm-lock.yaml lockfile for packages/api/package.json']);
    const split = probe(id, { 'client/package.json': pkg({ react: '^18' }), 'client/yarn.lock': '', 'server/package.json': pkg({ express: '^4' }) });
    assert.equal(split.status, 'fail');
    assert.equal(split.summary, '1 of 2 packages have no lockfile.');
    assert.ok(evidence(split).some((e) => e.startsWith('server/package.json no package-lock.json')));
  });

  it('fails with dependencies and no lockfile', () => {
    const o = probe(id, { 'package.json': pkg({ express: '^4' }) });
    assert.equal(o.status, 'fail');
    assert.match(o.summary, /^No lockfile/);
  });

  it('is unknown with nothing to lock, and leaves example and fixture packages out', () => {
    assert.equal(probe(id, SRC).status, 'unknown');
    assert.equal(probe(id, { 'package.json': pkg({}) }).status, 'unknown');
    const o = probe(id, { 'package.json': pkg({ pino: '^9' }), 'package-lock.json': '{}', 'examples/demo/package.json': pkg({ express: '^4' }), 'test/fixtures/app/package.json': pkg({ koa: '^2' }) });
    assert.equal(o.status, 'pass');
  });
});

describe('probe: structured-logger', () => {
  const id = 'structured-logger';

  it('passes for a declared structured logger that the code imports, with both places as evidence', () => {
    const o = probe(id, {
      'package.json': '{\n  "dependencies": {\n    "express": "^4",\n    "pino": "^9.1.0"\n  }\n}',
      'src/logger.ts': "import pino from 'pino';\n\nexport const logger = pino({ level: 'info' });\n",
    });
    assert.equal(o.status, 'pass');
    assert.equal(o.summary, 'Structured logger in use (pino).');
    assert.deepEqual(evidence(o), ['package.json:4 "pino": "^9.1.0" in dependencies', "src/logger.ts:1 logger set up: imports 'pino'", 'src/logger.ts:3 used: export const logger = pino({ level: \'info\' });']);
  });

  it('passes for winston through require and for nestjs-pino', () => {
    assert.equal(probe(id, { 'package.json': pkg({ winston: '^3' }), 'src/log.js': "const winston = require('winston');\nmodule.exports = winston.createLogger({});\n" }).status, 'pass');
    assert.equal(probe(id, { 'package.json': pkg({ 'nestjs-pino': '^4' }), 'src/app.module.ts': "import { LoggerModule } from 'nestjs-pino';\n@Module({ imports: [LoggerModule.forRoot()] })\nexport class AppModule {}\n" }).status, 'pass');
  });

  it("passes for Fastify with its built-in pino logger switched on", () => {
    const o = probe(id, { 'package.json': pkg({ fastify: '^4' }), 'src/server.ts': "import Fastify from 'fastify';\nconst app = Fastify({\n  logger: true,\n});\n" });
    assert.equal(o.status, 'pass');
    assert.ok(evidence(o).includes('src/server.ts:3 logger option of the Fastify instance'));
  });

  it('fails when the logger is declared but only tests (or nothing) import it', () => {
    const o = probe(id, { 'package.json': pkg({ pino: '^9' }), 'src/a.ts': "console.log('hi');\n", 'test/a.test.ts': "import pino from 'pino';\n" });
    assert.equal(o.status, 'fail');
    assert.equal(o.summary, 'pino is declared, but no source file imports it.');
  });

  it('fails with no logging library, and is unknown for a text-first logger', () => {
    assert.equal(probe(id, { 'package.json': pkg({ express: '^4' }), ...SRC }).status, 'fail');
    const text = probe(id, { 'package.json': pkg({ log4js: '^6' }), 'src/a.ts': "import log4js from 'log4js';\n" });
    assert.equal(text.status, 'unknown');
    assert.match(text.summary, /log4js writes plain text by default/);
  });
});

describe('probe: no-console-in-server-code', () => {
  const id = 'no-console-in-server-code';

  it('passes for server code that logs through a logger', () => {
    const o = probe(id, { 'src/a.ts': "import { logger } from './log';\nlogger.info('x');\n", 'src/log.ts': 'export const logger = { info() {} };\n' });
    assert.equal(o.status, 'pass');
    assert.equal(o.summary, 'No console calls in 2 server source files.');
  });

  it('counts console calls with their lines, ignoring comments, strings, other objects and non-server files', () => {
    const o = probe(id, {
      'src/a.ts': [
        "console.log('starting');",
        '// console.log("commented out");',
        "const help = 'use console.log(x) to debug';",
        'this.console.log("not the global");',
        'if (err) console.error(err);',
        '/* console.warn(1) */ console . warn("spaced");',
      ].join('\n'),
      'src/a.test.ts': 'console.log(1);\n',
      'src/scripts/seed.ts': 'console.log(1);\n',
      'src/cli/main.ts': 'console.log(1);\n',
      'scripts/x.ts': 'console.log(1);\n',
    });
    assert.equal(o.status, 'fail');
    assert.equal(o.summary, '3 console calls in server code (1 console.log, 1 console.error and 1 console.warn): these bypass the structured logger.');
    assert.deepEqual(evidence(o).slice(1), ["src/a.ts:1 console.log('starting');", 'src/a.ts:5 if (err) console.error(err);', 'src/a.ts:6 /* console.warn(1) */ console . warn("spaced");']);
  });

  it('lists the first five calls and how many more there are', () => {
    const o = probe(id, { 'src/a.js': Array.from({ length: 8 }, (_, i) => `console.info(${i});`).join('\n') });
    assert.equal(o.status, 'fail');
    assert.equal(o.evidence.length, 1 + 5 + 1);
    assert.equal(o.evidence[6].detail, 'and 3 more');
  });

  it('uses configured server globs and excludes', () => {
    const files = { 'server/app.js': 'console.log(1);\n', 'server/tools/x.js': 'console.log(2);\n' };
    assert.equal(probe(id, files).status, 'unknown');
    const o = probe(id, files, { serverGlobs: ['server/**'], serverExcludes: ['server/tools/**'] });
    assert.equal(o.status, 'fail');
    assert.deepEqual(evidence(o).slice(1), ['server/app.js:1 console.log(1);']);
  });
});

describe('probe: tracing-configured', () => {
  const id = 'tracing-configured';

  it('passes for an OpenTelemetry SDK that the code imports', () => {
    const o = probe(id, {
      'package.json': pkg({ '@opentelemetry/sdk-node': '^0.52', '@opentelemetry/auto-instrumentations-node': '^0.47' }),
      'src/tracing.ts': "import { NodeSDK } from '@opentelemetry/sdk-node';\nnew NodeSDK({}).start();\n",
    });
    assert.equal(o.status, 'pass');
    assert.equal(o.summary, 'Tracing is set up (OpenTelemetry).');
    assert.ok(evidence(o).includes("src/tracing.ts:1 tracing set up: imports '@opentelemetry/sdk-node'"));
  });

  it('passes for an APM agent preloaded by a script, or imported for its side effect', () => {
    const pre = probe(id, { 'package.json': pkg({ 'dd-trace': '^5' }, { scripts: { start: 'node -r dd-trace/init dist/index.js' } }), ...SRC });
    assert.equal(pre.status, 'pass');
    assert.ok(evidence(pre).some((e) => /^package\.json:\d+ script "start" preloads dd-trace\/init$/.test(e)), evidence(pre).join('\n'));
    assert.equal(probe(id, { 'package.json': pkg({ newrelic: '^11' }), 'src/index.js': "require('newrelic');\n" }).status, 'pass');
    assert.equal(probe(id, { 'package.json': pkg({ 'elastic-apm-node': '^4' }), Dockerfile: 'CMD ["node", "--require", "elastic-apm-node/start", "dist/main.js"]\n', ...SRC }).status, 'pass');
  });

  it('fails when the tracing package is declared but never loaded, or when there is none', () => {
    const unused = probe(id, { 'package.json': pkg({ '@opentelemetry/api': '^1' }), ...SRC });
    assert.equal(unused.status, 'fail');
    assert.match(unused.summary, /@opentelemetry\/api is declared, but nothing imports or preloads it/);
    assert.equal(probe(id, { 'package.json': pkg({ express: '^4' }), ...SRC }).status, 'fail');
  });

  it('is unknown for an empty workspace', () => {
    assert.equal(probe(id, { 'README.md': '' }).status, 'unknown');
  });
});

describe('probe: health-check-route', () => {
  const id = 'health-check-route';
  const express = { 'package.json': pkg({ express: '^4' }) };

  it('passes for health routes in Express, Fastify, NestJS, Next.js and terminus', () => {
    const cases: [Record<string, string>, string][] = [
      [{ 'src/app.ts': "app.get('/healthz', (_req, res) => res.send('ok'));\n" }, '/healthz'],
      [{ 'src/app.ts': "router.get('/api/health/ready', readiness);\n" }, '/api/health/ready'],
      [{ 'src/app.ts': "fastify.get('/health', { logLevel: 'silent' }, async () => ({ ok: true }));\n" }, '/health'],
      [{ 'src/app.ts': "router.route('/livez').get(handler);\n" }, '/livez'],
      [{ 'src/health.controller.ts': "@Controller('health')\nexport class HealthController {}\n" }, '/health'],
      [{ 'src/app.ts': "fastify.route({ method: 'GET', url: '/ready', handler });\n" }, '/ready'],
      [{ 'src/app.ts': "createTerminus(server, { healthChecks: { '/healthcheck': check } });\n" }, '/healthcheck'],
    ];
    for (const [files, route] of cases) {
      const o = probe(id, { ...express, ...files });
      assert.equal(o.status, 'pass', JSON.stringify(files));
      assert.match(o.evidence[0].detail, new RegExp(`^route ${route}: `), JSON.stringify(files));
      assert.equal(o.evidence[0].line, 1);
    }
    const next = probe(id, { 'package.json': pkg({ next: '^14' }), 'src/app/api/health/route.ts': 'export async function GET() { return Response.json({ ok: true }); }\n' });
    assert.equal(next.status, 'pass');
    assert.deepEqual(evidence(next), ['src/app/api/health/route.ts file-based health route']);
    const terminus = probe(id, { 'package.json': pkg({ '@nestjs/core': '^10', '@nestjs/terminus': '^10' }), 'src/health.ts': "import { HealthCheckService } from '@nestjs/terminus';\nexport class H { constructor(private health: HealthCheckService) {} }\n" });
    assert.equal(terminus.status, 'pass');
  });

  it('does not take calls to other services, map lookups, comments or nested status paths for a health route', () => {
    const o = probe(id, {
      ...express,
      'src/client.ts': [
        "await axios.get('/health');",
        "await api.get('/status', { timeout: 500 });",
        "const ready = flags.get('ready');",
        "// app.get('/health', handler);",
        "app.get('/orders/:id/status', handler);",
        "app.get('/orders/status', handler);",
      ].join('\n'),
    });
    assert.equal(o.status, 'fail');
    assert.match(o.summary, /No health-check route found, though the workspace serves HTTP \(express\)/);
  });

  it('does not count a health route that only a test defines', () => {
    assert.equal(probe(id, { ...express, 'test/app.test.ts': "app.get('/health', (_q, r) => r.end());\n" }).status, 'fail');
  });

  it('is unknown without an HTTP server framework', () => {
    const o = probe(id, { 'package.json': pkg({ pg: '^8' }), 'src/worker.ts': 'export {};\n' });
    assert.equal(o.status, 'unknown');
  });
});

describe('probe: security-headers', () => {
  const id = 'security-headers';
  const express = { 'package.json': pkg({ express: '^4', helmet: '^7' }) };

  it('passes for helmet used as middleware, naming the import and the use', () => {
    const o = probe(id, { ...express, 'src/app.ts': "import express from 'express';\nimport helmet from 'helmet';\n\nconst app = express();\napp.use(helmet());\n" });
    assert.equal(o.status, 'pass');
    assert.deepEqual(evidence(o), ["src/app.ts:2 security headers: imports 'helmet'", 'src/app.ts:5 used: app.use(helmet());']);
  });

  it('passes for @fastify/helmet and koa-helmet', () => {
    assert.equal(probe(id, { 'package.json': pkg({ fastify: '^4', '@fastify/helmet': '^11' }), 'src/app.ts': "import helmet from '@fastify/helmet';\nawait app.register(helmet);\n" }).status, 'pass');
    assert.equal(probe(id, { 'package.json': pkg({ koa: '^2', 'koa-helmet': '^7' }), 'src/app.js': "const helmet = require('koa-helmet');\napp.use(helmet());\n" }).status, 'pass');
  });

  it('passes for headers set by hand, in code or in next.config, but not for a <meta> tag in an HTML string', () => {
    const byHand = probe(id, { 'package.json': pkg({ express: '^4' }), 'src/app.ts': "app.use((req, res, next) => {\n  res.setHeader('Strict-Transport-Security', 'max-age=63072000');\n  next();\n});\n" });
    assert.equal(byHand.status, 'pass');
    assert.equal(byHand.evidence[0].line, 2);
    assert.equal(probe(id, { 'package.json': pkg({ next: '^14' }), 'next.config.js': "module.exports = { async headers() { return [{ source: '/(.*)', headers: [{ key: 'Content-Security-Policy', value: \"default-src 'self'\" }] }]; } };\n" }).status, 'pass');
    assert.equal(probe(id, { 'package.json': pkg({ express: '^4' }), 'src/page.ts': "export const page = '<meta http-equiv=\"Content-Security-Policy\" content=\"x\">';\n" }).status, 'fail');
  });

  it('fails when helmet is declared but not used, and when an HTTP server has none', () => {
    const unused = probe(id, { ...express, 'src/app.ts': "import helmet from 'helmet';\nexport const app = 1;\n" });
    assert.equal(unused.status, 'fail');
    assert.match(unused.summary, /helmet is declared, but no source file uses it/);
    assert.ok(evidence(unused).includes("src/app.ts:1 imported but not used: 'helmet'"));
    const none = probe(id, { 'package.json': pkg({ express: '^4' }), ...SRC });
    assert.equal(none.status, 'fail');
    assert.ok(evidence(none)[0].startsWith('package.json:'), evidence(none)[0]);
  });

  it('is unknown without an HTTP server framework', () => {
    assert.equal(probe(id, { 'package.json': pkg({ pg: '^8' }), ...SRC }).status, 'unknown');
  });
});

describe('probe: rate-limiting', () => {
  const id = 'rate-limiting';

  it('passes for express-rate-limit and @nestjs/throttler in use', () => {
    const o = probe(id, { 'package.json': pkg({ express: '^4', 'express-rate-limit': '^7' }), 'src/app.ts': "import { rateLimit } from 'express-rate-limit';\napp.use(rateLimit({ windowMs: 60_000, limit: 100 }));\n" });
    assert.equal(o.status, 'pass');
    assert.deepEqual(evidence(o), ["src/app.ts:1 rate limiting: imports 'express-rate-limit'", 'src/app.ts:2 used: app.use(rateLimit({ windowMs: 60_000, limit: 100 }));']);
    assert.equal(probe(id, { 'package.json': pkg({ '@nestjs/core': '^10', '@nestjs/throttler': '^5' }), 'src/app.module.ts': "import { ThrottlerModule } from '@nestjs/throttler';\n@Module({ imports: [ThrottlerModule.forRoot([{ ttl: 60000, limit: 10 }])] })\nexport class AppModule {}\n" }).status, 'pass');
  });

  it('fails for an HTTP server without one, or with one declared and unused', () => {
    const none = probe(id, { 'package.json': pkg({ fastify: '^4' }), ...SRC });
    assert.equal(none.status, 'fail');
    assert.match(none.summary, /gateway or proxy/);
    assert.equal(probe(id, { 'package.json': pkg({ express: '^4', 'rate-limiter-flexible': '^5' }), ...SRC }).status, 'fail');
  });

  it('is unknown without an HTTP server framework', () => {
    assert.equal(probe(id, { 'package.json': pkg({ bullmq: '^5' }), ...SRC }).status, 'unknown');
  });
});

describe('probe: migrations-folder', () => {
  const id = 'migrations-folder';

  it('passes for the usual migration folders, counting their files', () => {
    for (const [file, dir] of [
      ['prisma/migrations/20240101_init/migration.sql', 'prisma/migrations/'],
      ['db/migrate/001_users.js', 'db/migrate/'],
      ['src/migrations/1700000000000-Init.ts', 'src/migrations/'],
      ['supabase/migrations/20240101_init.sql', 'supabase/migrations/'],
      ['drizzle/0000_init.sql', 'drizzle/'],
    ] as const) {
      const o = probe(id, { 'package.json': pkg({ pg: '^8' }), [file]: 'x' });
      assert.equal(o.status, 'pass', file);
      assert.deepEqual(evidence(o), [`${dir} migrations folder with 1 file`]);
    }
  });

  it('fails for a SQL database without migrations, and ignores migrations that only tests have', () => {
    const o = probe(id, { 'package.json': pkg({ '@prisma/client': '^5' }), 'prisma/schema.prisma': 'x', 'test/fixtures/migrations/1.sql': 'x' });
    assert.equal(o.status, 'fail');
    assert.match(o.summary, /SQL database \(@prisma\/client\)/);
  });

  it('is unknown for document databases only, or no database at all', () => {
    assert.match(probe(id, { 'package.json': pkg({ mongoose: '^8' }), ...SRC }).summary, /Only document databases/);
    assert.equal(probe(id, { 'package.json': pkg({ mongoose: '^8' }), ...SRC }).status, 'unknown');
    assert.equal(probe(id, { 'package.json': pkg({ express: '^4' }), ...SRC }).status, 'unknown');
  });
});

describe('runProbes', () => {
  it('runs every probe once, in PROBES order, and each supports the checklist items that name it', () => {
    const results = runProbes(workspace(SRC));
    assert.deepEqual(results.map((r) => r.id), PROBES.map((p) => p.id));
    assert.equal(PROBE_IDS.size, PROBES.length);
    for (const p of PROBES) {
      assert.match(p.id, /^[a-z]+(-[a-z]+)*$/);
      assert.deepEqual([...(p.items ?? [])].sort(), itemsForProbe(p.id).map((it) => it.id).sort(), `${p.id}: items and categories.ts disagree`);
    }
    for (const r of results) {
      assert.ok(['pass', 'fail', 'unknown'].includes(r.status));
      assert.match(r.summary, /\.$/, `${r.id}: summary should be a sentence`);
      assert.ok(r.evidence.length >= 1, `${r.id}: no evidence`);
    }
  });

  it('applies extra excludes', () => {
    const root = workspace({ 'tsconfig.json': '{ "compilerOptions": { "strict": true } }', 'legacy/tsconfig.json': '{}', ...SRC });
    assert.equal(runProbes(root, { only: ['typescript-strict'] })[0].status, 'fail');
    assert.equal(runProbes(root, { only: ['typescript-strict'], exclude: ['legacy/**'] })[0].status, 'pass');
  });

  it('says when the file listing was cut short', () => {
    const [o] = runProbes(workspace({ 'a.ts': '', 'b.ts': '', 'c.ts': '' }), { only: ['ci-workflow'], maxFiles: 2 });
    assert.match(o.evidence[o.evidence.length - 1].detail, /more than 2 files/);
  });

  it('refuses a path that is not a folder', () => {
    assert.throws(() => runProbes(path.join(os.tmpdir(), 'pa-no-such-folder-xyz')), /not a folder/);
  });
});

describe('probes on examples/sample-service', () => {
  // the expected results: test/fixtures/sample-service-expected.md, "Workspace probes"
  const results = new Map(runProbes(path.join(REPO, 'examples/sample-service')).map((r) => [r.id, r]));
  const get = (id: string) => {
    const r = results.get(id);
    assert.ok(r, id);
    return r;
  };

  it('TypeScript strict: yes, from tsconfig.json', () => {
    assert.equal(get('typescript-strict').status, 'pass');
    assert.deepEqual(get('typescript-strict').evidence.map((e) => e.file), ['tsconfig.json']);
  });

  it('no linter, no tests, no CI, no lockfile', () => {
    for (const id of ['linter-configured', 'tests-present', 'ci-workflow', 'lockfile-present']) assert.equal(get(id).status, 'fail', id);
  });

  it('structured logger: pino, declared in package.json and set up in src/logger.ts', () => {
    const r = get('structured-logger');
    assert.equal(r.status, 'pass');
    assert.match(r.summary, /pino/);
    assert.deepEqual([...new Set(r.evidence.map((e) => e.file))], ['package.json', 'src/logger.ts']);
  });

  it('one console.warn in server code, in src/clients/shippingClient.ts', () => {
    const r = get('no-console-in-server-code');
    assert.equal(r.status, 'fail');
    assert.match(r.summary, /^1 console call in server code \(1 console\.warn\)/);
    const calls = r.evidence.filter((e) => e.file);
    assert.equal(calls.length, 1);
    assert.equal(calls[0].file, 'src/clients/shippingClient.ts');
    assert.match(calls[0].detail, /^console\.warn\(/);
  });

  it('no tracing; health routes /health/live and /health/ready in src/server.ts; helmet in src/server.ts', () => {
    assert.equal(get('tracing-configured').status, 'fail');
    const health = get('health-check-route');
    assert.equal(health.status, 'pass');
    assert.match(health.summary, /\/health\/live and \/health\/ready/);
    assert.ok(health.evidence.every((e) => e.file === 'src/server.ts'));
    const headers = get('security-headers');
    assert.equal(headers.status, 'pass');
    assert.ok(headers.evidence.some((e) => e.file === 'src/server.ts' && e.detail === 'used: app.use(helmet());'));
  });

  it('no rate limiting; migrations in src/migrations/', () => {
    assert.equal(get('rate-limiting').status, 'fail');
    const migrations = get('migrations-folder');
    assert.equal(migrations.status, 'pass');
    assert.deepEqual(migrations.evidence.map((e) => e.file), ['src/migrations/']);
  });
});
