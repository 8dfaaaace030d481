// @ts-nocheck
import * as Sentry from '@sentry/node';
import bunyan from 'bunyan';

const log = bunyan.createLogger({ name: 'x' });

export async function sync(job: { id: string }) {
  try {
    await fetch(`https://sync/${job.id}`);
  } catch (err) {
    Sentry.captureException(err); // ok: error-context-lost
  }
  try {
    await fetch(`https://sync/${job.id}`);
  } catch (err) {
    log.error({ jobId: job.id }, 'sync failed'); // expect: error-context-lost
  }
  try {
    await fetch(`https://sync/${job.id}`);
  } catch (err) {
    log.error({ jobId: job.id, err }, 'sync failed'); // ok: error-context-lost
  }
  try {
    await fetch(`https://sync/${job.id}`);
  } catch (err: unknown) {
    log.info('sync skipped'); // expect: error-context-lost
  }
  try {
    await fetch(`https://sync/${job.id}`);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    log.error(message); // ok: error-context-lost
  }
  try {
    await fetch(`https://sync/${job.id}`);
  } catch (err) {
    throw new Error('sync failed', { cause: err as Error }); // ok: error-context-lost
  }
  try {
    await fetch(`https://sync/${job.id}`);
  } catch (err) {
    throw new TypeError('sync failed'); // expect: error-context-lost
  }
  try {
    await fetch(`https://sync/${job.id}`);
  } catch (err) {
    throw Error('sync failed'); // expect: error-context-lost
  }
  try {
    await fetch(`https://sync/${job.id}`);
  } catch (err) {
    return { ok: false, error: err }; // ok: error-context-lost
  }
}

export function outside() {
  console.error('not in a catch'); // ok: error-context-lost
  throw new Error('not in a catch'); // ok: error-context-lost
}

export async function promiseCatch() {
  await fetch('https://x').catch(() => {
    // relabelled: a `.catch` handler is a catch, and this one logs without the rejection it caught
    console.error('fetch failed'); // expect: error-context-lost
  });
}

export async function nested(id: string) {
  try {
    await fetch(`https://a/${id}`);
  } catch (outer) {
    try {
      await fetch(`https://b/${id}`);
    } catch (inner) {
      log.error({ err: inner }, 'fallback failed'); // ok: error-context-lost
    }
    console.error('primary failed', outer); // ok: error-context-lost
  }
}

export async function stringify(id: string) {
  try {
    await fetch(`https://a/${id}`);
  } catch (e) {
    console.error(`failed ${id}: ${e}`); // ok: error-context-lost
  }
  try {
    await fetch(`https://a/${id}`);
  } catch (e) {
    console.error('failed', String(e)); // ok: error-context-lost
  }
  try {
    await fetch(`https://a/${id}`);
  } catch (e) {
    log.warn('cache miss, falling back'); // expect: error-context-lost
    return fetch(`https://b/${id}`);
  }
}
