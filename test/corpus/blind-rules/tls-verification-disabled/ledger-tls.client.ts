import tls, { type ConnectionOptions, checkServerIdentity as defaultCheck } from 'node:tls';
import type { PeerCertificate, SecureContextOptions, TLSSocket } from 'node:tls';
import { createHash } from 'node:crypto';
import { z } from 'zod';

const PINNED_FINGERPRINT = process.env.LEDGER_PIN_SHA256 ?? '';

export function connectLedger(host: string, port: number): TLSSocket {
  return tls.connect({
    host,
    port,
    servername: host,
    checkServerIdentity: (hostname: string, cert: PeerCertificate) => { // ok: tls-verification-disabled
      const err = defaultCheck(hostname, cert);
      if (err) return err;
      const fp = createHash('sha256').update(cert.raw).digest('base64');
      if (fp !== PINNED_FINGERPRINT) return new Error(`certificate pin mismatch for ${hostname}`);
      return undefined;
    },
  });
}

export function connectHsm(host: string, port: number): TLSSocket {
  return tls.connect({ host, port, checkServerIdentity: () => undefined }); // expect: tls-verification-disabled
}

export function connectTelemetry(host: string, port: number): TLSSocket {
  const opts: ConnectionOptions = {
    host,
    port,
    checkServerIdentity: () => {}, // expect: tls-verification-disabled
  };
  return tls.connect(opts);
}

const legacyOpts: ConnectionOptions = {
  rejectUnauthorized: false, // expect: tls-verification-disabled
  checkServerIdentity(_host: string, _cert: PeerCertificate) { // expect: tls-verification-disabled
    return undefined;
  },
};

export function connectLegacy(host: string, port: number): TLSSocket {
  return tls.connect({ ...legacyOpts, host, port });
}

export function connectSyslog(host: string, port: number): TLSSocket {
  return tls.connect(port, host, {
    checkServerIdentity: function () { // expect: tls-verification-disabled
      return undefined;
    },
  });
}

export function connectBackup(host: string, port: number): TLSSocket {
  const opts: ConnectionOptions = { host, port };
  opts.checkServerIdentity = (_h: string, _c: PeerCertificate) => undefined; // expect: tls-verification-disabled
  return tls.connect(opts);
}

export function connectMetrics(host: string, port: number): TLSSocket {
  return tls.connect({ host, port, checkServerIdentity: defaultCheck }); // ok: tls-verification-disabled
}

export function connectVault(host: string, port: number): TLSSocket {
  return tls.connect({ host, port, checkServerIdentity: (h, c) => defaultCheck(h, c) }); // ok: tls-verification-disabled
}

export function connectPinned(host: string, port: number, pin: string): TLSSocket {
  return tls.connect({
    host,
    port,
    checkServerIdentity: (h: string, c: PeerCertificate) => (c.fingerprint256 === pin ? undefined : new Error(`bad pin for ${h}`)), // ok: tls-verification-disabled
  });
}

export function connectStrict(host: string, port: number, ca: string): TLSSocket {
  return tls.connect({ host, port, ca, rejectUnauthorized: true }); // ok: tls-verification-disabled
}

export interface UpstreamTlsConfig extends SecureContextOptions {
  rejectUnauthorized: boolean; // ok: tls-verification-disabled
  strictSSL?: boolean; // ok: tls-verification-disabled
  checkServerIdentity?: (host: string, cert: unknown) => Error | undefined; // ok: tls-verification-disabled
}

export type InsecureUpstream = { rejectUnauthorized: false }; // ok: tls-verification-disabled

export const tlsEnvSchema = z.object({
  UPSTREAM_REJECT_UNAUTHORIZED: z.enum(['0', '1']).default('1'),
  UPSTREAM_STRICT_SSL: z.coerce.boolean().default(true),
});

export function buildUpstreamTls(env: z.infer<typeof tlsEnvSchema>): UpstreamTlsConfig {
  return {
    rejectUnauthorized: env.UPSTREAM_REJECT_UNAUTHORIZED !== '0', // ok: tls-verification-disabled
    strictSSL: env.UPSTREAM_STRICT_SSL, // ok: tls-verification-disabled
  };
}

// Never set rejectUnauthorized: false here -- see INC-2291. // ok: tls-verification-disabled
// process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0' was removed in v3.2 // ok: tls-verification-disabled
export const SECURITY_LINT_MESSAGE = 'Do not use NODE_TLS_REJECT_UNAUTHORIZED = "0" in services'; // ok: tls-verification-disabled
export const STRICT_SSL_WARNING = `strictSSL: false detected in ${'config'}`; // ok: tls-verification-disabled

export const hardenedDefaults = { rejectUnauthorized: true, minVersion: 'TLSv1.2' } as const; // ok: tls-verification-disabled

export function createAgentOptions({ rejectUnauthorized = true, ...rest }: Partial<UpstreamTlsConfig> = {}) { // ok: tls-verification-disabled
  return { ...hardenedDefaults, ...rest, rejectUnauthorized };
}

export function assertSecure(opts: Partial<UpstreamTlsConfig>): void {
  if (opts.rejectUnauthorized === false || opts.strictSSL === false) { // ok: tls-verification-disabled
    throw new Error('insecure TLS configuration rejected');
  }
  if (process.env.NODE_TLS_REJECT_UNAUTHORIZED === '0') { // ok: tls-verification-disabled
    throw new Error('NODE_TLS_REJECT_UNAUTHORIZED must not be 0 in this service'); // ok: tls-verification-disabled
  }
}

export function describeTls(opts: Partial<UpstreamTlsConfig>): string {
  return opts.rejectUnauthorized !== false ? 'verified' : 'UNVERIFIED'; // ok: tls-verification-disabled
}

export function verifyPeerStrict(host: string, cert: unknown): Error | undefined {
  return typeof cert === 'object' && cert !== null ? undefined : new Error(`no certificate from ${host}`);
}

export const withPeerCheck = { ...hardenedDefaults, checkServerIdentity: verifyPeerStrict }; // ok: tls-verification-disabled
