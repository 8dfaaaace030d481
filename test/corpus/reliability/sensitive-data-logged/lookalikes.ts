// @ts-nocheck
import pino from 'pino';

const logger = pino();

export function llmUsage(usage: { promptTokens: number; completionTokens: number }, maxTokens: number) {
  logger.info({ promptTokens: usage.promptTokens, completionTokens: usage.completionTokens }, 'llm usage'); // ok: sensitive-data-logged
  logger.info({ maxTokens }, 'llm limit'); // ok: sensitive-data-logged
}

export function paging(nextPageToken: string, cursor: string) {
  logger.debug({ nextPageToken, cursor }, 'next page'); // ok: sensitive-data-logged
}

export function passwordChecks(user: { id: string; passwordHash: string }, passwordChanged: boolean, isTokenValid: boolean) {
  logger.info({ userId: user.id, passwordChanged }, 'password updated'); // ok: sensitive-data-logged
  logger.info({ isTokenValid }, 'token check'); // ok: sensitive-data-logged
  logger.info({ hasPassword: Boolean(user.passwordHash) }, 'has password'); // ok: sensitive-data-logged
}

export function keyIds(apiKeyId: string, secretName: string, tokenExpiresAt: Date) {
  logger.info({ apiKeyId, secretName }, 'using key'); // ok: sensitive-data-logged
  logger.info({ tokenExpiresAt }, 'token expiry'); // ok: sensitive-data-logged
}

export function masked(card: { cardNumber: string }, token: string) {
  logger.info({ cardNumber: mask(card.cardNumber) }, 'card'); // ok: sensitive-data-logged
  logger.info({ token: '[REDACTED]' }, 'token'); // ok: sensitive-data-logged
  logger.info({ tokenPrefix: token.slice(0, 6) }, 'token'); // ok: sensitive-data-logged
}

export function secretsLogged(token: string, user: { password: string }) {
  logger.info({ token }, 'token'); // expect: sensitive-data-logged
  logger.error(`login failed for password ${user.password}`); // expect: sensitive-data-logged
}

function mask(v: string) {
  return `****${v.slice(-4)}`;
}
