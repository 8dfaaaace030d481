import axios, { AxiosError, type AxiosInstance } from 'axios';
import VError from 'verror';
import { GraphQLError } from 'graphql';
import winston from 'winston';

const logger = winston.createLogger({ transports: [new winston.transports.Console()] });

export class CrmError extends Error {
  readonly status?: number;

  constructor(opts: { message: string; status?: number; cause?: unknown }) {
    super(opts.message, { cause: opts.cause });
    this.name = 'CrmError';
    this.status = opts.status;
  }
}

export class CrmClient {
  private readonly http: AxiosInstance;

  constructor(baseURL: string, apiKey: string) {
    this.http = axios.create({ baseURL, headers: { Authorization: `Bearer ${apiKey}` }, timeout: 5000 });
  }

  async getContact(id: string) {
    try {
      const { data } = await this.http.get(`/contacts/${id}`);
      return data;
    } catch (err) {
      if (axios.isAxiosError(err) && err.response?.status === 404) {
        return null;
      }
      throw new CrmError({ message: `getContact ${id} failed`, status: (err as AxiosError).response?.status, cause: err }); // ok: error-context-lost
    }
  }

  async upsertContact(contact: { email: string; name: string }) {
    try {
      const { data } = await this.http.put('/contacts', contact);
      return data;
    } catch (err) {
      throw new CrmError({ message: 'upsertContact failed', status: (err as AxiosError).response?.status }); // expect: error-context-lost
    }
  }

  async getOwner(id: string) {
    try {
      return (await this.http.get(`/owners/${id}`)).data;
    } catch (err) {
      throw new Error(`getOwner ${id} failed: ${(err as Error).message}`); // expect: error-context-lost
    }
  }

  async syncDeals(since: Date) {
    try {
      const { data } = await this.http.get('/deals', { params: { since: since.toISOString() } });
      return data.items;
    } catch (err) {
      throw new VError(err as Error, 'syncDeals since %s failed', since.toISOString()); // ok: error-context-lost
    }
  }

  async deleteContact(id: string) {
    try {
      await this.http.delete(`/contacts/${id}`);
    } catch (err) {
      const wrapped = new Error(`deleteContact ${id} failed`); // ok: error-context-lost
      (wrapped as Error & { cause?: unknown }).cause = err;
      throw wrapped; // ok: error-context-lost
    }
  }

  ping(): Promise<boolean> {
    return this.http
      .get('/ping')
      .then(() => true)
      .catch((err: unknown) => {
        logger.warn('CRM ping failed'); // expect: error-context-lost
        return false;
      });
  }

  async search(term: string) {
    try {
      const { data } = await this.http.get('/search', { params: { q: term } });
      return data;
    } catch (err) {
      throw new GraphQLError('CRM search unavailable', { originalError: err as Error }); // ok: error-context-lost
    }
  }

  async bulkImport(rows: unknown[]) {
    try {
      await this.http.post('/contacts/bulk', rows);
    } catch (err) {
      throw Object.assign(new Error('bulk import failed'), { cause: err, rows: rows.length }); // ok: error-context-lost
    }
  }
}
