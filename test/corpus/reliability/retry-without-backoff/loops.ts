// @ts-nocheck
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function fetchNoDelay(url: string) {
  for (let attempt = 0; attempt < 3; attempt++) { // expect: retry-without-backoff
    try {
      return await fetch(url);
    } catch (err) {
      if (attempt === 2) throw err;
    }
  }
}

export async function fetchConstantDelay(url: string) {
  for (let attempt = 1; attempt <= 5; attempt++) { // expect: retry-without-backoff
    try {
      return await fetch(url);
    } catch (err) {
      await sleep(1000);
    }
  }
  throw new Error('gave up');
}

export async function fetchExponentialNoJitter(url: string) {
  for (let attempt = 0; attempt < 5; attempt++) { // ok: retry-without-backoff
    try {
      return await fetch(url);
    } catch (err) {
      await sleep(2 ** attempt * 100);
    }
  }
}

export async function fetchExponentialJitter(url: string) {
  for (let attempt = 0; attempt < 5; attempt++) { // ok: retry-without-backoff
    try {
      return await fetch(url);
    } catch (err) {
      await sleep(Math.random() * 100 * 2 ** attempt);
    }
  }
}

export async function fetchConstantWithJitter(url: string) {
  for (let attempt = 0; attempt < 5; attempt++) { // ok: retry-without-backoff
    try {
      return await fetch(url);
    } catch (err) {
      await sleep(500 + Math.random() * 500);
    }
  }
}

export async function whileNoDelay(url: string) {
  let retries = 3;
  while (retries > 0) { // expect: retry-without-backoff
    try {
      return await fetch(url);
    } catch (e) {
      retries--;
    }
  }
}

export async function whileConstant(url: string) {
  let tries = 0;
  while (tries < 4) { // expect: retry-without-backoff
    tries++;
    try {
      return await fetch(url);
    } catch (e) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

export async function doWhileNoDelay(url: string) {
  let attempts = 0;
  let ok = false;
  do { // expect: retry-without-backoff
    attempts++;
    try {
      await fetch(url);
      ok = true;
    } catch {
      ok = false;
    }
  } while (!ok && attempts < 3);
}

export async function linearBackoff(url: string) {
  for (let i = 0; i < 4; i++) { // ok: retry-without-backoff
    try {
      return await fetch(url);
    } catch {
      await sleep(1000 * (i + 1));
    }
  }
}

// not a retry: iterates over items
export async function processAll(urls: string[]) {
  for (let i = 0; i < urls.length; i++) { // ok: retry-without-backoff
    try {
      await fetch(urls[i]);
    } catch (err) {
      console.error(err);
    }
  }
}

export async function pollUntilReady(url: string) {
  for (const u of [url, url + '/fallback']) { // ok: retry-without-backoff
    try {
      return await fetch(u);
    } catch {
      continue;
    }
  }
}

const MAX_RETRIES = 3;
export async function constantNamed(url: string) {
  const RETRY_DELAY_MS = 2000;
  for (let attempt = 0; attempt < MAX_RETRIES; attempt++) { // expect: retry-without-backoff
    try {
      return await fetch(url);
    } catch (error) {
      console.warn(`attempt ${attempt} failed`); // expect: error-context-lost
      await sleep(RETRY_DELAY_MS);
    }
  }
}

export async function backoffHelper(url: string) {
  for (let attempt = 0; attempt < MAX_RETRIES; attempt++) { // ok: retry-without-backoff
    try {
      return await fetch(url);
    } catch (error) {
      const delay = Math.min(30000, 100 * 2 ** attempt) * (0.5 + Math.random());
      await sleep(delay);
    }
  }
}
