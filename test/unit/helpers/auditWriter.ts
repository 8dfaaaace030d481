// A separate process that writes audit.yaml through AuditStore, for the multi-process tests
// (forked from out/test/unit/helpers/auditWriter.js).
//
//   tick  <file> <prefix> <count>  wait for 'go', then tick items <prefix>-0 … <prefix>-(count-1),
//                                  one update each; report { done, failures } and exit
//   churn <file> <item>            rewrite <item> forever (note n=1, 2, …); report 'started'
//                                  after the first write; runs until killed
import { AuditStore } from '../../../src/core/audit/auditStore';

const [mode, file, arg1, arg2] = process.argv.slice(2);

function send(message: unknown): void {
  if (process.send) process.send(message);
}

async function tick(prefix: string, count: number): Promise<void> {
  const store = new AuditStore(file as string, { user: prefix });
  const failures: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = `${prefix}-${String(i).padStart(3, '0')}`;
    const result = await store.update((r) => {
      r.checklist[id] = { checked: true, result: 'PASS', note: `ticked by ${prefix}` };
    });
    if (!result.ok) failures.push(`${id}: ${result.error.message}`);
  }
  send({ done: count, failures });
}

async function churn(item: string): Promise<void> {
  const store = new AuditStore(file as string, { user: 'churn' });
  for (let n = 1; ; n++) {
    const result = await store.update((r) => {
      r.checklist[item] = { checked: n % 2 === 0, result: n % 2 === 0 ? 'PASS' : 'FAIL', note: `n=${n}` };
    });
    if (!result.ok) {
      send({ error: result.error.message });
      return;
    }
    if (n === 1) send('started');
  }
}

if (mode === 'tick') {
  process.on('message', (m) => {
    if (m === 'go') void tick(arg1 as string, Number(arg2)).then(() => process.disconnect());
  });
  send('ready');
} else if (mode === 'churn') {
  void churn(arg1 as string);
} else {
  console.error(`unknown mode ${String(mode)}`);
  process.exit(2);
}
