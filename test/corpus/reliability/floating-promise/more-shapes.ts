// @ts-nocheck
export class Repo {
  async save(x: number): Promise<number> {
    return x;
  }
  sync(): number {
    return 1;
  }
}

async function warmCache(): Promise<void> {}

function loadConfig(): Promise<Record<string, string>> {
  return Promise.resolve({});
}

function notAsync(cb: () => void) {
  cb();
}

export async function boot(repo: Repo) {
  warmCache(); // expect: floating-promise
  loadConfig(); // expect: floating-promise
  notAsync(() => undefined); // ok: floating-promise
  await Promise.race([warmCache(), loadConfig()]); // ok: floating-promise
  const results = [warmCache(), loadConfig()]; // ok: floating-promise
  await Promise.all(results);
  let later: Promise<void>;
  later = warmCache(); // ok: floating-promise
  await later;
  try {
    warmCache(); // expect: floating-promise
  } catch {
    // nothing
  }
  const flag = Math.random() > 0.5;
  flag && warmCache(); // expect: floating-promise
  // warming is best effort; a failure is logged by warmCache itself
  void warmCache(); // ok: floating-promise
  return loadConfig().then((c) => c); // ok: floating-promise
}

export function scheduler() {
  setInterval(async () => {
    await warmCache(); // ok: floating-promise
    warmCache(); // expect: floating-promise
  }, 1000);
  setImmediate(() => {
    warmCache(); // expect: floating-promise
  });
}

export const arrowOnly = () => warmCache(); // ok: floating-promise
export const arrowBody = () => {
  loadConfig(); // expect: floating-promise
};
