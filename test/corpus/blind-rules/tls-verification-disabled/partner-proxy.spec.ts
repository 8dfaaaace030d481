// corpus-path: test/integration/partner-proxy.spec.ts
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import selfsigned from 'selfsigned';
import axios from 'axios';

describe('partner proxy against a self-signed upstream', () => {
  let server: https.Server;
  let baseUrl: string;

  beforeAll(async () => {
    const pems = selfsigned.generate([{ name: 'commonName', value: 'localhost' }], { days: 1 });
    server = https.createServer({ key: pems.private, cert: pems.cert }, (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true }));
    });
    await new Promise<void>((resolve) => server.listen(0, resolve));
    baseUrl = `https://localhost:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => server.close());

  it('talks to the upstream when verification is relaxed for the test cert', async () => {
    const agent = new https.Agent({ rejectUnauthorized: false }); // ok: tls-verification-disabled
    const res = await axios.get(`${baseUrl}/health`, { httpsAgent: agent });
    expect(res.data).toEqual({ ok: true });
  });

  it('rejects the self-signed cert by default', async () => {
    await expect(axios.get(`${baseUrl}/health`)).rejects.toThrow(/self[- ]signed/);
  });

  it('honours the global escape hatch', async () => {
    process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'; // ok: tls-verification-disabled
    const res = await axios.get(`${baseUrl}/health`);
    expect(res.status).toBe(200);
    delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
  });
});
