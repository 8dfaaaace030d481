// @ts-nocheck
import { Logger, Controller, Post, Body, Headers } from '@nestjs/common';
import bunyan from 'bunyan';

const log = bunyan.createLogger({ name: 'svc' });

interface Creds { username: string; password: string; otp?: string }

@Controller('auth')
export class AuthController {
  private readonly logger = new Logger(AuthController.name);

  @Post('login')
  login(@Body() body: Creds, @Headers() headers: Record<string, string>) {
    this.logger.log(`login ${body.username}`); // ok: sensitive-data-logged
    this.logger.debug(`login ${body.username} / ${body.password}`); // expect: sensitive-data-logged
    this.logger.debug(JSON.stringify(body)); // expect: sensitive-data-logged
    this.logger.verbose(headers); // expect: sensitive-data-logged
    return { ok: true };
  }
}

export function session(sessionId: string, jwt: string, userId: string) {
  log.info({ userId }, 'session start'); // ok: sensitive-data-logged
  log.info({ jwt }, 'session start'); // expect: sensitive-data-logged
  log.info({ sessionToken: sessionId }, 'session'); // expect: sensitive-data-logged
  console.info('bearer', `Bearer ${jwt}`); // expect: sensitive-data-logged
}

export function keys(privateKey: string, publicKeyId: string, secret: string) {
  console.log('loaded key', privateKey); // expect: sensitive-data-logged
  console.log('loaded key id', publicKeyId); // ok: sensitive-data-logged
  console.log('secret', secret); // expect: sensitive-data-logged
  console.log('secret rotated'); // ok: sensitive-data-logged
}

export function pii(user: { email: string; dateOfBirth: string; socialSecurityNumber: string; creditCard: string; country: string }) {
  console.log('ssn', user.socialSecurityNumber); // expect: sensitive-data-logged
  console.log('card', user.creditCard); // expect: sensitive-data-logged
  console.log('country', user.country); // ok: sensitive-data-logged
}

export function notLogging(password: string, token: string) {
  const hash = hashIt(password); // ok: sensitive-data-logged
  setHeader('authorization', token); // ok: sensitive-data-logged
  return hash;
}

function hashIt(x: string) { return x; }
function setHeader(_k: string, _v: string) {}

export function tokenizer(tokens: string[], tokenCount: number) {
  // tokens of a parser, not credentials
  console.log('tokens parsed', tokenCount); // ok: sensitive-data-logged
  console.log('password policy min length', 12); // ok: sensitive-data-logged
}
