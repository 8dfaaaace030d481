import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync, chmodSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ts } from 'ts-morph';
import { DEFAULT_CONFIG } from '../../src/core/audit/config';
import { discoverFiles } from '../../src/core/engine/discovery';
import { analyzeText, createAnalyzer } from '../../src/core/engine/engine';
import { defineRule, type RuleDefinition } from '../../src/core/engine/rule';
import { scan } from '../../src/core/engine/scanner';
import { parseSuppressions } from '../../src/core/engine/suppressions';
import { RULES } from '../../src/core/rules/registry';

// A probe rule that reports every call with what the engine recognised it as.
const probe = defineRule({
  id: 'probe-call-kind',
  category: 'reliability',
  defaultSeverity: 'HIGH',
  title: 'probe',
  requiresTypeInfo: false,
  options: {},
  docs: { summary: '', why: '', fix: '', invalid: [], valid: [] },
  create(ctx) {
    return {
      CallExpression(node) {
        const call = node as ts.CallExpression;
        const k = ctx.facts.callKind(call);
        if (k) ctx.report(call, `${k.kind}:${k.library}:${k.method}`);
      },
    };
  },
});
const all = [...RULES, probe];

function kinds(code: string, file = 'src/a.ts'): string[] {
  const r = analyzeText(file, code, undefined, { rules: all, only: ['probe-call-kind'] });
  assert.deepEqual(r.errors, []);
  return r.findings.filter((f) => f.ruleId === 'probe-call-kind').map((f) => f.message);
}

describe('recognising calls by import, without node_modules or a type checker', () => {
  const cases: [string, string, string[]][] = [
    ['axios default import', `import axios from 'axios'; axios.get('/x');`, ['http:axios:get']],
    ['axios namespace import', `import * as ax from 'axios'; ax.post('/x', {});`, ['http:axios:post']],
    ['axios require().default', `const axios = require('axios').default; axios('/x');`, ['http:axios:']],
    ['axios instance', `import axios from 'axios'; const api = axios.create({ timeout: 1 }); api.get('/x');`, ['http:axios:get']],
    ['node: prefix and named import alias', `import { request as rq } from 'node:https'; rq('https://x');`, ['http:http:request']],
    ['destructured require', `const { Pool } = require('pg'); const pool = new Pool(); pool.query('select 1');`, ['db:pg:query']],
    ['global fetch', `fetch('/x');`, ['http:fetch:fetch']],
    ['local fetch is not the global', `function fetch(x: string) { return x; } fetch('/x');`, []],
    ['prisma client', `import { PrismaClient } from '@prisma/client'; const prisma = new PrismaClient(); prisma.user.findMany();`, ['db:prisma:findMany']],
    [
      'prisma transaction client',
      `import { PrismaClient } from '@prisma/client'; const prisma = new PrismaClient(); prisma.$transaction(async (tx) => { await tx.order.update({ where: { id: 1 }, data: {} }); });`,
      ['db:prisma:update'],
    ],
    [
      'typeorm repository injected by type',
      `import { Repository } from 'typeorm'; class S { constructor(private readonly repo: Repository<User>) {} load() { return this.repo.findOne({ where: { id: 1 } }); } }`,
      ['db:typeorm:findOne'],
    ],
    [
      'NestJS PrismaService from another file',
      `import { PrismaService } from './prisma.service'; class S { constructor(private prisma: PrismaService) {} a() { return this.prisma.user.findUnique({ where: { id: 1 } }); } }`,
      ['db:prisma:findUnique'],
    ],
    ['knex instance under another name', `import knex from 'knex'; const db = knex({}); db('users').where({ id: 1 }).first();`, ['db:knex:first', 'db:knex:where', 'db:knex:']],
    ['sequelize model class', `import { Model } from 'sequelize'; class User extends Model {} User.findAll();`, ['db:sequelize:findAll']],
    ['project model import', `import { User } from '../models/user'; User.findOne({ id: 1 });`, ['db:model:findOne']],
    ['ambiguous project import is not data access', `import { Cache } from '../lib/cache'; Cache.find('k');`, []],
    ['pino logger', `import pino from 'pino'; const log = pino(); log.error('x');`, ['logger:pino:error']],
    ['shadowed import', `import axios from 'axios'; function f(axios: { get(x: string): void }) { axios.get('/x'); }`, []],
  ];
  for (const [name, code, expected] of cases) {
    it(name, () => assert.deepEqual(kinds(code), expected));
  }

  it('recognises the team’s own wrapper from config', () => {
    const r = analyzeText(
      'src/a.ts',
      `import { httpClient } from '../lib/http'; httpClient.get('/x'); httpClient.other();`,
      { rules: {}, recognizers: { http: [{ module: './lib/http', export: 'httpClient', methods: ['get'] }], db: [], logger: [], retry: [] } },
      { rules: all, only: ['probe-call-kind'] },
    );
    assert.deepEqual(
      r.findings.map((f) => f.message),
      ['http:custom:./lib/http:get'],
    );
  });
});

describe('rule isolation, syntax errors, suppressions, fingerprints', () => {
  const thrower: RuleDefinition = defineRule({
    ...probe,
    id: 'always-throws',
    create: () => ({
      CallExpression() {
        throw new Error('boom');
      },
    }),
  });

  it('reports a throwing rule with file and rule id, and keeps the other rules’ findings', () => {
    const r = analyzeText('src/x.ts', `fetch('/a');`, undefined, { rules: [...all, thrower], only: ['probe-call-kind', 'always-throws'] });
    assert.equal(r.errors.length, 1);
    assert.equal(r.errors[0].ruleId, 'always-throws');
    assert.equal(r.errors[0].file, 'src/x.ts');
    assert.match(r.errors[0].message, /boom/);
    assert.deepEqual(r.findings.map((f) => f.ruleId), ['probe-call-kind']);
  });

  it('reports a rule that listens to a name that is no syntax kind, instead of never calling it', () => {
    const typo = defineRule({ ...probe, id: 'typo-listener', create: () => ({ CallExpresion() {} }) as never });
    const r = analyzeText('src/x.ts', `fetch('/a');`, undefined, { rules: [...all, typo], only: ['probe-call-kind', 'typo-listener'] });
    assert.deepEqual(r.errors.map((e) => e.ruleId), ['typo-listener']);
    assert.match(r.errors[0].message, /`CallExpresion`, which is not a ts\.SyntaxKind name/);
    assert.deepEqual(r.findings.map((f) => f.ruleId), ['probe-call-kind']);
  });

  it('analyses a file with syntax errors as far as the parser recovers', () => {
    const r = analyzeText('src/broken.ts', `fetch('/a');\nfunction (( {\nfetch('/b');`, undefined, { rules: all, only: ['probe-call-kind'] });
    assert.ok(r.findings.filter((f) => f.ruleId === 'probe-call-kind').length >= 1);
  });

  it('fingerprints survive unrelated edits above and never contain line numbers', () => {
    const a = analyzeText('src/x.ts', `class S {\n  load() { return fetch('/a'); }\n}`, undefined, { rules: all, only: ['probe-call-kind'] }).findings;
    const b = analyzeText('src/x.ts', `// a comment\n\nimport os from 'os';\nclass S {\n  load() {\n    return fetch('/a');\n  }\n}`, undefined, { rules: all, only: ['probe-call-kind'] }).findings;
    assert.equal(a.length, 1);
    assert.equal(b.length, 1);
    assert.notEqual(a[0].line, b[0].line);
    assert.equal(a[0].fingerprint, b[0].fingerprint);
    assert.equal(a[0].symbol, 'S.load');
  });

  it('identical findings in one symbol get different fingerprints', () => {
    const f = analyzeText('src/x.ts', `function g() { fetch('/a'); fetch('/a'); }`, undefined, { rules: all, only: ['probe-call-kind'] }).findings;
    assert.equal(f.length, 2);
    assert.notEqual(f[0].fingerprint, f[1].fingerprint);
  });

  it('a suppression with a reason suppresses the next line only, keeping the finding visible as suppressed', () => {
    const code = `// prodaudit-ignore-next-line probe-call-kind -- health check has its own deadline\nfetch('/a');\nfetch('/b');`;
    const f = analyzeText('src/x.ts', code, undefined, { rules: all, only: ['probe-call-kind'] }).findings;
    assert.equal(f.length, 2);
    assert.deepEqual(f[0].suppression, { kind: 'inline', reason: 'health check has its own deadline' });
    assert.equal(f[1].suppression, undefined);
  });

  it('a suppression without a reason suppresses nothing and is itself reported', () => {
    const code = `// prodaudit-ignore-next-line probe-call-kind\nfetch('/a');`;
    const f = analyzeText('src/x.ts', code, undefined, { rules: all, only: ['probe-call-kind'] }).findings;
    assert.deepEqual(f.map((x) => [x.ruleId, x.line, !!x.suppression]), [
      ['invalid-suppression', 1, false],
      ['probe-call-kind', 2, false],
    ]);
    assert.match(f[0].message, /gives no reason/);
  });

  it('an expired suppression no longer applies', () => {
    const code = `// prodaudit-ignore-next-line probe-call-kind -- migration window until 2020-01-31\nfetch('/a');`;
    const f = analyzeText('src/x.ts', code, undefined, { rules: all, only: ['probe-call-kind'], today: '2026-01-01' }).findings;
    assert.equal(f.length, 1);
    assert.equal(f[0].suppression, undefined);
    assert.deepEqual(parseSuppressions(code)[0].until, '2020-01-31');
  });

  it('a suppression naming an unknown rule is reported', () => {
    const f = analyzeText('src/x.ts', `// prodaudit-ignore-next-line no-such-rule -- because\nfetch('/a');`, undefined, { rules: all, only: ['probe-call-kind'] }).findings;
    assert.ok(f.some((x) => x.ruleId === 'invalid-suppression' && /no-such-rule/.test(x.message)));
  });

  it('one analyser analyses many files without keeping them', () => {
    const analyzer = createAnalyzer(undefined, { rules: all, only: ['probe-call-kind'] });
    for (let i = 0; i < 50; i++) analyzer.analyze({ file: `src/f${i}.ts`, text: `fetch('/${i}');` });
    const r = analyzer.analyze({ file: 'src/last.ts', text: `fetch('/z');` });
    assert.equal(r.findings.length, 1);
    assert.equal(r.findings[0].file, 'src/last.ts');
  });
});

describe('discovery and scanning', () => {
  function workspace(): string {
    const root = mkdtempSync(path.join(os.tmpdir(), 'pa-scan-'));
    const files: Record<string, string> = {
      'src/a.ts': `fetch('/a');`,
      'src/b.jsx': `export const B = () => <div onClick={() => fetch('/b')} />;`,
      'src/types.d.ts': `declare const x: number;`,
      'src/vendor.min.js': `fetch('/min');`,
      'node_modules/lib/index.js': `fetch('/nm');`,
      'dist/out.js': `fetch('/dist');`,
      'coverage/x.js': `fetch('/cov');`,
      'legacy/old.ts': `fetch('/old');`,
      'README.md': '# hi',
      'src/big.ts': `// big\n${'const a = 1;\n'.repeat(200_000)}`,
      'src/binary.ts': 'abc\u0000def',
    };
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      writeFileSync(path.join(root, rel), text);
    }
    return root;
  }

  it('finds JS/TS files, skipping default excludes, declaration and minified files', () => {
    const root = workspace();
    const d = discoverFiles({ root, exclude: ['legacy/**'] });
    assert.deepEqual(d.files.map((f) => f.relative), ['src/a.ts', 'src/b.jsx', 'src/big.ts', 'src/binary.ts']);
  });

  it('include globs narrow the scan; missing paths are reported', () => {
    const root = workspace();
    const d = discoverFiles({ root, include: ['legacy/**'], paths: ['.', 'nope'] });
    assert.deepEqual(d.files.map((f) => f.relative), ['legacy/old.ts']);
    assert.deepEqual(d.missing, ['nope']);
  });

  it('skips oversized and binary files with a reason, and reports unreadable ones without crashing', () => {
    const root = workspace();
    writeFileSync(path.join(root, 'src/locked.ts'), `fetch('/locked');`);
    chmodSync(path.join(root, 'src/locked.ts'), 0o000);
    const r = scan({ root, config: { ...DEFAULT_CONFIG, exclude: ['legacy/**'] }, rules: all, only: ['probe-call-kind'] });
    const skipped = Object.fromEntries(r.skipped.map((s) => [s.file, s.reason]));
    assert.match(skipped['src/big.ts'], /larger than 2\.0 MB/);
    assert.equal(skipped['src/binary.ts'], 'binary file');
    const isRoot = process.getuid?.() === 0; // root reads anything: then the file is simply analysed
    if (!isRoot) assert.ok(r.errors.some((e) => e.file === 'src/locked.ts' && /cannot read/.test(e.message)));
    assert.ok(r.files.includes('src/a.ts'));
    assert.ok(r.files.includes('src/b.jsx'));
    assert.deepEqual(
      r.findings.filter((f) => f.ruleId === 'probe-call-kind').map((f) => f.file).sort(),
      isRoot ? ['src/a.ts', 'src/b.jsx', 'src/locked.ts'] : ['src/a.ts', 'src/b.jsx'],
    );
  });
});

describe('system type raises severities', () => {
  const idem = defineRule({ ...probe, id: 'missing-idempotency-key', defaultSeverity: 'HIGH' });
  const code = `fetch('/pay');`;
  const run = (config: Parameters<typeof analyzeText>[2]) => analyzeText('src/pay.ts', code, config, { rules: [idem] }).findings.map((f) => f.severity);

  it('a missing idempotency key is CRITICAL for e-commerce and stays HIGH otherwise', () => {
    const base = { rules: {}, recognizers: { http: [], db: [], logger: [], retry: [] } };
    assert.deepEqual(run({ ...base, systemType: 'ecommerce' } as never), ['CRITICAL']);
    assert.deepEqual(run({ ...base, systemType: 'saas' } as never), ['HIGH']);
    assert.deepEqual(run(base), ['HIGH']);
  });

  it('a severity the team chose in config.yaml is not raised', () => {
    const config = { rules: { 'missing-idempotency-key': { enabled: true, severity: 'MEDIUM' as const, options: {} } }, recognizers: { http: [], db: [], logger: [], retry: [] }, systemType: 'ecommerce' };
    assert.deepEqual(run(config as never), ['MEDIUM']);
  });
});
