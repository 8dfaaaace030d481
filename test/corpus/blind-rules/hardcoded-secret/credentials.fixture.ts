// corpus-path: test/fixtures/credentials.fixture.ts
/**
 * Test fixture: fake credentials used to exercise the log scrubber and the
 * secret-format validators. None of these values are real.
 */
import type { ScrubCase } from '../../src/security/scrubber.types';

export const AWS_FIXTURE = {
  accessKeyId: 'AKIAPOIUYTREWQLKJHGF', // ok: hardcoded-secret
  secretAccessKey: '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', // ok: hardcoded-secret
};

export const STRIPE_LIVE_FIXTURE = 'sk_live_Po9Iu8Yt7Re6Wq5Lk4Jh3Gf2Ds1Az0Xc'; // ok: hardcoded-secret

export const SCRUB_CASES: ScrubCase[] = [
  { input: 'token=ghp_Az1Sx2Dc3Fv4Gb5Hn6Jm7Kl8Po9Iu0Yt1Re2', expected: 'token=[redacted]' }, // ok: hardcoded-secret
  { input: 'xoxb-1111111111-2222222222-Lk9Jh8Gf7Ds6Aq5Wp4Oe3Ri2', expected: '[redacted]' }, // ok: hardcoded-secret
  { input: 'password=Rv6Ty0Nx3Lb7Hd1Jf5Gc9AeWm4K', expected: 'password=[redacted]' }, // ok: hardcoded-secret
];

export const RSA_KEY_FIXTURE = '-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\nKUpRKfFLfRYC9AIKjbJTWit+CqvjWYzvQwECAwEAAQ\n-----END RSA PRIVATE KEY-----\n'; // ok: hardcoded-secret

export const jwtSecretFixture = 'Gc9AeWm4KqPz2Rv6Ty0Nx3Lb7Hd1Jf5'; // ok: hardcoded-secret
