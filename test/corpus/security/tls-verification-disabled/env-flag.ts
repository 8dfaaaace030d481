// @ts-nocheck
import { spawn } from 'node:child_process';

if (process.env.ALLOW_SELF_SIGNED) {
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'; // expect: tls-verification-disabled
}

export function disableForLocalDev() {
  process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = '0'; // expect: tls-verification-disabled
}

export function disableNumeric() {
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = 0; // expect: tls-verification-disabled
}

export function restoreVerification() {
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '1'; // ok: tls-verification-disabled
}

export function clearOverride() {
  delete process.env.NODE_TLS_REJECT_UNAUTHORIZED; // ok: tls-verification-disabled
}

export function warnIfDisabled(logger: { warn(msg: string): void }) {
  if (process.env.NODE_TLS_REJECT_UNAUTHORIZED === '0') { // ok: tls-verification-disabled
    logger.warn('TLS certificate verification is disabled for this process');
  }
}

export function runImporter(file: string) {
  // senior-engineer label: handing the flag to a child process turns verification off there
  return spawn('node', ['importer.js', file], { env: { ...process.env, NODE_TLS_REJECT_UNAUTHORIZED: '0' } }); // expect: tls-verification-disabled
}

export function runImporterSafely(file: string) {
  return spawn('node', ['importer.js', file], { env: { ...process.env, NODE_TLS_REJECT_UNAUTHORIZED: '1' } }); // ok: tls-verification-disabled
}
