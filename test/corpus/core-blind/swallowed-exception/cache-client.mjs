import { createClient } from 'redis';
import createDebug from 'debug';
import { promisify } from 'node:util';
import * as zlib from 'node:zlib';

const debug = createDebug('app:cache');
const gunzip = promisify(zlib.gunzip);

export class Cache {
  constructor(url) {
    this.client = createClient({ url });
    this.connected = false;
  }

  async connect() {
    try {
      await this.client.connect();
      this.connected = true;
    } catch (error) { // expect: swallowed-exception
      this.connected = false;
    }
  }

  async get(key) {
    if (!this.connected) return undefined;
    try {
      const raw = await this.client.get(key);
      return raw ? JSON.parse(raw) : undefined;
    } catch { // expect: swallowed-exception
      return undefined;
    }
  }

  async getCompressed(key) {
    try {
      const buf = await this.client.get(this.client.commandOptions({ returnBuffers: true }), key);
      return buf ? JSON.parse((await gunzip(buf)).toString('utf8')) : null;
    } catch (err) { // ok: swallowed-exception
      debug('getCompressed(%s) failed: %s', key, err.message);
      return null;
    }
  }

  async set(key, value, ttl = 60) {
    try {
      await this.client.set(key, JSON.stringify(value), { EX: ttl });
    } catch { // ok: swallowed-exception
      debug('cache set failed for %s', key);
    }
  }

  async del(key) {
    await this.client.del(key).catch(() => {}); // expect: swallowed-exception
  }

  async mget(keys) {
    const values = [];
    for (const key of keys) {
      try {
        values.push(JSON.parse(await this.client.get(key)));
      } catch (e) { // expect: swallowed-exception
        values.push(null);
      }
    }
    return values;
  }

  async warm(keys, loader) {
    for (const key of keys) {
      try {
        await this.set(key, await loader(key));
      } catch (e) { // expect: swallowed-exception
        continue;
      }
    }
  }

  async getOrLoad(key, loader) {
    const cached = await this.get(key);
    if (cached !== undefined) return cached;
    const value = await loader();
    this.set(key, value).catch((err) => console.error('cache write failed', err)); // ok: swallowed-exception
    return value;
  }

  disconnect() {
    return this.client.quit().catch((err) => err); // ok: swallowed-exception
  }
}
