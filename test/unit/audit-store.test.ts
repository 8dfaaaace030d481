import assert from 'node:assert/strict';
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { lockFileFor } from '../../src/core/audit/atomicFile';
import { emptyAuditRecord, ensureChecklistItems, parseAuditRecord, serializeAuditRecord, type AuditRecord } from '../../src/core/audit/auditRecord';
import { auditFilePath, AuditStore } from '../../src/core/audit/auditStore';

const HELPER = path.join(__dirname, 'helpers', 'auditWriter.js');
const roots: string[] = [];
after(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

function workspace(): { root: string; file: string } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'pa-store-'));
  roots.push(root);
  return { root, file: auditFilePath(root) };
}

function writeRecord(file: string, record: AuditRecord): string {
  mkdirSync(path.dirname(file), { recursive: true });
  const text = serializeAuditRecord(record);
  writeFileSync(file, text);
  return text;
}

function readRecord(file: string): AuditRecord {
  const result = parseAuditRecord(readFileSync(file, 'utf8'), file);
  if (!result.ok) assert.fail(result.problems.map((p) => `${p.line}:${p.column}: ${p.message}`).join('\n'));
  return result.record;
}

/** The pid of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  const pid = child.pid as number;
  await once(child, 'exit');
  return pid;
}

const fixedClock = (iso: string) => () => new Date(iso);

describe('AuditStore: load and update', () => {
  it('a missing file loads as an empty record; the first update creates it', async () => {
    const { file } = workspace();
    const store = new AuditStore(file, { user: 'ann', now: fixedClock('2025-05-01T09:30:00.000Z') });
    const loaded = await store.load();
    assert.ok(loaded.ok);
    assert.equal(loaded.exists, false);
    assert.deepEqual(loaded.record, emptyAuditRecord());
    assert.equal(existsSync(file), false, 'loading creates nothing');

    const updated = await store.update((r) => {
      r.checklist['reliability.timeouts'] = { checked: true, result: 'PASS' };
    });
    assert.ok(updated.ok);
    assert.equal(updated.written, true);
    assert.deepEqual(readRecord(file).checklist, {
      'reliability.timeouts': { checked: true, result: 'PASS', by: 'ann', at: '2025-05-01T09:30:00.000Z' },
    });
    assert.equal(readFileSync(file, 'utf8'), updated.text);
    assert.deepEqual(readdirSync(path.dirname(file)), ['audit.yaml'], 'no lock or temp file left behind');
  });

  it('a tick made in window A survives window B saving from an older state', async () => {
    const { file } = workspace();
    const base = emptyAuditRecord();
    ensureChecklistItems(base, ['a', 'b', 'c']);
    writeRecord(file, base);
    const windowA = new AuditStore(file, { user: 'ann' });
    const windowB = new AuditStore(file, { user: 'bob' });
    assert.ok((await windowA.load()).ok);
    assert.ok((await windowB.load()).ok);

    assert.ok((await windowA.update((r) => void (r.checklist.a = { checked: true, result: 'PASS' }))).ok);
    const b = await windowB.update((r) => {
      r.checklist.b = { checked: true, result: 'FAIL' };
      r.checklist.a = { ...(r.checklist.a ?? { checked: false, result: 'NOT_ASSESSED' }), note: 'B only changed the note' };
    });
    assert.ok(b.ok);
    const onDisk = readRecord(file);
    assert.equal(onDisk.checklist.a?.checked, true, "A's tick is still there");
    assert.equal(onDisk.checklist.a?.result, 'PASS');
    assert.equal(onDisk.checklist.a?.note, 'B only changed the note');
    assert.equal(onDisk.checklist.b?.result, 'FAIL');
    assert.deepEqual(windowB.lastLoaded, onDisk, 'B now works on the merged state');
  });

  it('a hand edit made since the last load is merged, not undone', async () => {
    const { file } = workspace();
    const store = new AuditStore(file);
    assert.ok((await store.update((r) => void (r.checklist.a = { checked: true, result: 'PASS' }))).ok);
    const edited = readFileSync(file, 'utf8').replace('triage: {}', 'triage:\n  missing-timeout:0123:\n    status: FIXED\n    note: fixed by hand\n');
    writeFileSync(file, edited);
    assert.ok((await store.update((r) => void (r.systemType = 'saas'))).ok);
    const onDisk = readRecord(file);
    assert.deepEqual(onDisk.triage['missing-timeout:0123'], { status: 'FIXED', note: 'fixed by hand' });
    assert.equal(onDisk.systemType, 'saas');
    assert.equal(onDisk.checklist.a?.result, 'PASS');
  });

  it('only the changed entry gets a new `at`; an update that changes nothing writes nothing', async () => {
    const { file } = workspace();
    const r = emptyAuditRecord();
    r.checklist.a = { checked: true, result: 'PASS', at: '2025-01-01T00:00:00.000Z', by: 'old' };
    r.checklist.b = { checked: false, result: 'NOT_ASSESSED' };
    const before = writeRecord(file, r);
    const store = new AuditStore(file, { user: 'eve', now: fixedClock('2025-06-06T06:06:06.000Z') });
    const noop = await store.update(() => undefined);
    assert.ok(noop.ok);
    assert.equal(noop.written, false);
    assert.equal(readFileSync(file, 'utf8'), before);
    const same = await store.update((d) => void (d.checklist.a = { ...(d.checklist.a as { checked: boolean; result: 'PASS' }) }));
    assert.ok(same.ok && !same.written, 'rewriting an entry with the same values is not a change');

    assert.ok((await store.update((d) => void (d.checklist.b = { checked: true, result: 'FAIL' }))).ok);
    const onDisk = readRecord(file);
    assert.deepEqual(onDisk.checklist.a, { checked: true, result: 'PASS', at: '2025-01-01T00:00:00.000Z', by: 'old' });
    assert.deepEqual(onDisk.checklist.b, { checked: true, result: 'FAIL', at: '2025-06-06T06:06:06.000Z', by: 'eve' });
  });

  it('a change that would make the record invalid is refused and nothing is written', async () => {
    const { file } = workspace();
    const before = writeRecord(file, emptyAuditRecord());
    const store = new AuditStore(file);
    const result = await store.update((r) => void (r.triage.fp = { status: 'ACCEPTED_RISK' }));
    assert.equal(result.ok, false);
    assert.ok(!result.ok);
    assert.equal(result.error.kind, 'rejected');
    assert.match(result.error.message, /triage\.fp has status ACCEPTED_RISK, which needs a justification/);
    assert.equal(readFileSync(file, 'utf8'), before);
  });
});

describe('AuditStore: a broken file is never overwritten', () => {
  const broken: [string, string, RegExp][] = [
    ['YAML syntax error', 'version: 1\nchecklist:\n  a:\n    checked: true\n   result: PASS\n', /^5:1 YAML syntax error/],
    ['schema violation', 'version: 1\nchecklist:\n  a:\n    checked: true\n    result: DONE\n', /^5:13 checklist\.a\.result must be one of PASS, FAIL, N\/A, NOT_ASSESSED, not "DONE"$/],
    ['merge conflict markers', 'version: 1\n<<<<<<< HEAD\nsystemType: saas\n=======\nsystemType: api-platform\n>>>>>>> other\n', /^2:1 YAML syntax error/],
    ['truncated write by another tool', 'version: 1\nchecklist:\n  a:\n    checked: tr', /^4:14 checklist\.a\.checked must be true or false, not "tr"$/],
  ];
  for (const [name, text, expected] of broken) {
    it(`${name}: load and update report file:line, the bytes stay identical, and saving resumes once it is fixed`, async () => {
      const { file } = workspace();
      const good = new AuditStore(file);
      assert.ok((await good.update((r) => void (r.checklist.a = { checked: true, result: 'PASS' }))).ok);
      writeFileSync(file, text);

      const fresh = new AuditStore(file);
      const loaded = await fresh.load();
      assert.ok(!loaded.ok);
      assert.equal(loaded.error.kind, 'invalid');
      assert.equal(loaded.error.file, file);
      assert.match(`${loaded.error.line}:${loaded.error.column} ${loaded.error.message}`, expected);

      for (const store of [good, fresh]) {
        for (let i = 0; i < 3; i++) {
          const result = await store.update((r) => void (r.checklist.b = { checked: true, result: 'FAIL' }));
          assert.ok(!result.ok);
          assert.equal(result.error.kind, 'invalid');
          assert.equal(readFileSync(file, 'utf8'), text, 'byte-identical after a refused update');
        }
      }
      const newRound = await good.startNewAudit();
      assert.ok(!newRound.ok);
      assert.equal(readFileSync(file, 'utf8'), text);
      assert.deepEqual(readdirSync(path.dirname(file)), ['audit.yaml'], 'no archive copy, no lock or temp file');
      assert.equal(good.lastLoaded?.checklist.a?.result, 'PASS', 'the last good state is kept for read-only use');

      writeFileSync(file, 'version: 1\nchecklist:\n  a:\n    checked: true\n    result: FAIL\n');
      const resumed = await good.update((r) => void (r.checklist.c = { checked: true, result: 'N/A' }));
      assert.ok(resumed.ok);
      const onDisk = readRecord(file);
      assert.equal(onDisk.checklist.a?.result, 'FAIL', 'the fixed file is the new truth');
      assert.equal(onDisk.checklist.c?.result, 'N/A');
    });
  }
});

describe('AuditStore: start a new audit', () => {
  it('keeps a dated copy (never overwriting one), clears the checklist, keeps findings and triage', async () => {
    const { file } = workspace();
    const dir = path.dirname(file);
    const r = emptyAuditRecord();
    r.systemType = 'saas';
    r.checklist.a = { checked: true, result: 'PASS', note: 'fine', by: 'ann', at: '2025-05-01T09:30:00.000Z' };
    r.triage.fp = { status: 'ACCEPTED_RISK', justification: 'internal only' };
    r.findings.push({ id: 'M-1', title: 't', severity: 'LOW', category: 'security', description: '', evidence: '', impact: '', recommendation: '', effort: '', status: 'OPEN' });
    const round1 = writeRecord(file, r);
    writeFileSync(path.join(dir, 'audit-2025-05-03.yaml'), 'an older copy someone made\n');

    const store = new AuditStore(file, { now: fixedClock('2025-05-03T12:00:00') });
    const first = await store.startNewAudit(['a', 'b']);
    assert.ok(first.ok);
    assert.equal(first.archivedAs, path.join(dir, 'audit-2025-05-03-2.yaml'));
    assert.equal(readFileSync(path.join(dir, 'audit-2025-05-03.yaml'), 'utf8'), 'an older copy someone made\n');
    assert.equal(readFileSync(path.join(dir, 'audit-2025-05-03-2.yaml'), 'utf8'), round1);
    const now = readRecord(file);
    assert.deepEqual(now.checklist, { a: { checked: false, result: 'NOT_ASSESSED' }, b: { checked: false, result: 'NOT_ASSESSED' } });
    assert.equal(now.systemType, 'saas');
    assert.deepEqual(now.triage, r.triage);
    assert.deepEqual(now.findings.map((f) => f.id), ['M-1']);

    const round2 = readFileSync(file, 'utf8');
    const second = await store.startNewAudit();
    assert.ok(second.ok);
    assert.equal(second.archivedAs, path.join(dir, 'audit-2025-05-03-3.yaml'));
    assert.equal(readFileSync(second.archivedAs as string, 'utf8'), round2);
  });
});

describe('AuditStore: locks', () => {
  it('breaks a lock left by a dead process, and removes the temp files it left', async () => {
    const { file } = workspace();
    writeRecord(file, emptyAuditRecord());
    const pid = await deadPid();
    const lock = lockFileFor(file);
    writeFileSync(lock, JSON.stringify({ pid, host: os.hostname(), token: 'dead', since: new Date().toISOString() }));
    const leftover = path.join(path.dirname(file), `.audit.yaml.${pid}.abcdef.tmp`);
    writeFileSync(leftover, 'half a fi');
    const store = new AuditStore(file, { lock: { timeoutMs: 60_000 } });
    const result = await store.update((r) => void (r.checklist.a = { checked: true, result: 'PASS' }));
    assert.ok(result.ok);
    assert.equal(readRecord(file).checklist.a?.checked, true);
    assert.deepEqual(readdirSync(path.dirname(file)), ['audit.yaml']);
  });

  it('waits for a live owner and gives up with kind "locked" after the timeout, leaving the file alone', async () => {
    const { file } = workspace();
    const before = writeRecord(file, emptyAuditRecord());
    const lock = lockFileFor(file);
    writeFileSync(lock, JSON.stringify({ pid: process.pid, host: os.hostname(), token: 'mine', since: new Date().toISOString() }));
    const store = new AuditStore(file, { lock: { timeoutMs: 150 } });
    const result = await store.update((r) => void (r.checklist.a = { checked: true, result: 'PASS' }));
    assert.ok(!result.ok);
    assert.equal(result.error.kind, 'locked');
    assert.match(result.error.message, new RegExp(`held by process ${process.pid}`));
    assert.equal(readFileSync(file, 'utf8'), before);
    assert.ok(existsSync(lock), "someone else's live lock is not removed");
    rmSync(lock);
    assert.ok((await store.update((r) => void (r.checklist.a = { checked: true, result: 'PASS' }))).ok);
  });

  it('many updates from several stores in one process interleave without losing any', async () => {
    const { file } = workspace();
    const stores = [new AuditStore(file), new AuditStore(file), new AuditStore(file)];
    await Promise.all(
      stores.flatMap((store, s) =>
        Array.from({ length: 20 }, (_, i) => store.update((r) => void (r.checklist[`s${s}-${i}`] = { checked: true, result: 'PASS' })).then((res) => assert.ok(res.ok))),
      ),
    );
    assert.equal(Object.keys(readRecord(file).checklist).length, 60);
  });
});

describe('AuditStore: separate processes', () => {
  it('two processes ticking 200 different items each on the same file: all 400 ticks are there', async () => {
    const { file } = workspace();
    const start = emptyAuditRecord();
    start.triage['missing-timeout:keepme'] = { status: 'FIXED', note: 'must survive' };
    writeRecord(file, start);

    const children = ['left', 'right'].map((prefix) => fork(HELPER, ['tick', file, prefix, '200'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
    const reports = children.map(
      (child) =>
        new Promise<{ done: number; failures: string[] }>((resolve, reject) => {
          child.on('message', (m) => {
            if (typeof m === 'object' && m !== null && 'done' in m) resolve(m as { done: number; failures: string[] });
          });
          child.on('exit', (code) => reject(new Error(`writer exited with ${code} before reporting`)));
        }),
    );
    // Both start together, so their updates really interleave.
    await Promise.all(children.map((child) => once(child, 'message')));
    for (const child of children) child.send('go');
    const results = await Promise.all(reports);
    await Promise.all(children.map((child) => (child.exitCode === null ? once(child, 'exit') : undefined)));

    for (const r of results) assert.deepEqual(r, { done: 200, failures: [] });
    const record = readRecord(file);
    const ticked = Object.entries(record.checklist).filter(([, e]) => e.checked && e.result === 'PASS');
    assert.equal(ticked.length, 400);
    for (const prefix of ['left', 'right']) {
      for (let i = 0; i < 200; i++) {
        const entry = record.checklist[`${prefix}-${String(i).padStart(3, '0')}`];
        assert.equal(entry?.by, prefix);
        assert.equal(entry?.note, `ticked by ${prefix}`);
      }
    }
    assert.deepEqual(record.triage['missing-timeout:keepme'], { status: 'FIXED', note: 'must survive' });
    assert.deepEqual(readdirSync(path.dirname(file)), ['audit.yaml']);
  });

  it('a writer killed (SIGKILL) at random moments leaves the old or the new file, never a partial one', async () => {
    const { file } = workspace();
    // A large file makes every write take a while, so kills land inside writes.
    const start = emptyAuditRecord();
    const ids = Array.from({ length: 300 }, (_, i) => `item-${String(i).padStart(3, '0')}`);
    ensureChecklistItems(start, ids);
    for (const id of ids) start.checklist[id] = { checked: true, result: 'PASS', note: `evidence for ${id}: ${'x'.repeat(60)}` };
    writeRecord(file, start);

    let lastSeen = 0;
    for (let round = 0; round < 30; round++) {
      const child: ChildProcess = fork(HELPER, ['churn', file, 'churn'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      const exited = once(child, 'exit');
      const [first] = (await once(child, 'message')) as [unknown];
      assert.equal(first, 'started', `round ${round}: ${JSON.stringify(first)}`);
      if (round % 2 === 0) {
        // Kill at a random point of the update cycle (reading, merging, writing, renaming).
        const delay = Math.random() * 25;
        await new Promise<void>((resolve) => setTimeout(resolve, delay));
      } else {
        // Kill inside a write: at the 1st, 2nd or 3rd file-system event of the writer touching
        // audit.yaml or its write temp file (created, written, renamed).
        const k = 1 + Math.floor(Math.random() * 3);
        let seen = 0;
        const watcher = watch(path.dirname(file));
        await new Promise<void>((resolve) => {
          watcher.on('change', (_event, name) => {
            if (/^(audit\.yaml|\.audit\.yaml\.\d+\.[0-9a-f]+\.tmp)$/.test(String(name)) && ++seen === k) resolve();
          });
        });
        watcher.close();
      }
      child.kill('SIGKILL');
      const [, signal] = (await exited) as [number | null, string | null];
      assert.equal(signal, 'SIGKILL');

      const record = readRecord(file);
      assert.equal(Object.keys(record.checklist).length, 301, `round ${round}: the file is complete`);
      for (const id of ids) assert.equal(record.checklist[id]?.result, 'PASS');
      const n = Number(/^n=(\d+)$/.exec(record.checklist.churn?.note ?? '')?.[1]);
      assert.ok(n >= 1, `round ${round}: the churn item holds a complete write`);
      lastSeen = n;
    }
    assert.ok(lastSeen >= 1);

    // The next normal update breaks the dead writer's lock (if it held one) and removes its leftovers.
    const store = new AuditStore(file);
    assert.ok((await store.update((r) => void (r.systemType = 'saas'))).ok);
    assert.deepEqual(readdirSync(path.dirname(file)), ['audit.yaml']);
  });
});
