import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { KeyedDebouncer } from '../../src/extension/util/debouncer';
import { diagnosticSeverityIndex, severityMap } from '../../src/extension/util/severityMapping';
import { shardCount } from '../../src/extension/util/shards';

const root = path.resolve(__dirname, '../../..');

describe('KeyedDebouncer', () => {
  // a manual clock: timers run only when the test says so
  function manual() {
    let now = 0;
    const timers: { at: number; fn: () => void; id: number }[] = [];
    let nextId = 1;
    const schedule = (fn: () => void, ms: number) => {
      const t = { at: now + ms, fn, id: nextId++ };
      timers.push(t);
      return t.id as unknown as ReturnType<typeof setTimeout>;
    };
    const cancel = (id: ReturnType<typeof setTimeout>) => {
      const i = timers.findIndex((t) => t.id === (id as unknown as number));
      if (i >= 0) timers.splice(i, 1);
    };
    const advance = (ms: number) => {
      now += ms;
      for (const t of timers.filter((x) => x.at <= now).sort((a, b) => a.at - b.at)) {
        timers.splice(timers.indexOf(t), 1);
        t.fn();
      }
    };
    return { schedule, cancel, advance };
  }

  it('runs once, after the quiet period, with the last call winning', () => {
    const clock = manual();
    const d = new KeyedDebouncer<string>(clock.schedule, clock.cancel);
    const runs: string[] = [];
    d.run('a.ts', 300, () => runs.push('v1'));
    clock.advance(200);
    d.run('a.ts', 300, () => runs.push('v2'));
    clock.advance(200);
    assert.deepEqual(runs, []);
    clock.advance(100);
    assert.deepEqual(runs, ['v2']);
  });

  it('keys are independent; clear cancels; zero delay runs at once', () => {
    const clock = manual();
    const d = new KeyedDebouncer<string>(clock.schedule, clock.cancel);
    const runs: string[] = [];
    d.run('a', 100, () => runs.push('a'));
    d.run('b', 100, () => runs.push('b'));
    d.clear('a');
    assert.equal(d.pending('a'), false);
    clock.advance(100);
    assert.deepEqual(runs, ['b']);
    d.run('c', 0, () => runs.push('c'));
    assert.deepEqual(runs, ['b', 'c']);
  });
});

describe('severity mapping setting', () => {
  it('defaults: CRITICAL/HIGH warning, MEDIUM information, LOW hint', () => {
    const m = severityMap(undefined);
    assert.deepEqual([diagnosticSeverityIndex('CRITICAL', m), diagnosticSeverityIndex('HIGH', m), diagnosticSeverityIndex('MEDIUM', m), diagnosticSeverityIndex('LOW', m)], [1, 1, 2, 3]);
  });

  it('users can choose error; bad values fall back to the default', () => {
    const m = severityMap({ critical: 'Error', HIGH: 'error', MEDIUM: 'loud', LOW: 7 });
    assert.equal(diagnosticSeverityIndex('CRITICAL', m), 0);
    assert.equal(diagnosticSeverityIndex('HIGH', m), 0);
    assert.equal(diagnosticSeverityIndex('MEDIUM', m), 2);
    assert.equal(diagnosticSeverityIndex('LOW', m), 3);
  });
});

describe('extension manifest and bundle', () => {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

  it('every setting has a scope, a description and a default', () => {
    const props = pkg.contributes.configuration.properties as Record<string, { scope?: string; description?: string; markdownDescription?: string; default?: unknown }>;
    assert.ok(Object.keys(props).length >= 6);
    for (const [key, p] of Object.entries(props)) {
      assert.ok(key.startsWith('productionAudit.'), key);
      assert.ok(p.scope, `${key} has a scope`);
      assert.ok(p.description || p.markdownDescription, `${key} has a description`);
      assert.ok('default' in p, `${key} has a default`);
    }
  });

  it('@types/vscode is pinned to the oldest supported VS Code', () => {
    const engine = String(pkg.engines.vscode).replace(/^\^/, '');
    assert.equal(pkg.devDependencies['@types/vscode'], engine);
  });

  it('every contributed command has the Production Audit category and a registration in the code', () => {
    const src = readFileSync(path.join(root, 'src/extension/commands.ts'), 'utf8');
    for (const c of pkg.contributes.commands as { command: string; category?: string }[]) {
      assert.equal(c.category, 'Production Audit', c.command);
      assert.ok(src.includes(`'${c.command}'`), `${c.command} is in commands.ts`);
    }
  });

  it('the host bundle stays small: the parser and rules live only in the worker bundle', () => {
    const ext = path.join(root, 'dist/extension.js');
    const worker = path.join(root, 'dist/worker.js');
    const text = readFileSync(ext, 'utf8');
    assert.ok(!text.includes('createSourceFile'), 'dist/extension.js must not contain the TypeScript parser');
    assert.ok(statSync(ext).size < 1_000_000, `dist/extension.js is ${statSync(ext).size} bytes`);
    assert.ok(readFileSync(worker, 'utf8').includes('createSourceFile'));
  });
});

describe('shardCount (workers of a workspace scan)', () => {
  it('leaves one core to the engine threads and the extension host: 1 worker on 2 cores, 3 on 4, at most 4', () => {
    assert.equal(shardCount(0, 1), 1);
    assert.equal(shardCount(0, 2), 1);
    assert.equal(shardCount(0, 4), 3);
    assert.equal(shardCount(0, 16), 4);
  });
  it("follows the user's setting, up to 16 workers, and ignores values that are not whole positive numbers", () => {
    assert.equal(shardCount(2, 2), 2);
    assert.equal(shardCount(64, 2), 16);
    assert.equal(shardCount(-3, 4), 3);
    assert.equal(shardCount(1.5, 4), 3);
  });
});
