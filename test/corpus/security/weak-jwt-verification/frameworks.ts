// @ts-nocheck
import jwt from 'jsonwebtoken';
import Koa from 'koa';
import Fastify from 'fastify';
import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

const app = new Koa();

app.use(async (ctx, next) => {
  const token = ctx.get('Authorization').replace(/^Bearer /, '');
  ctx.state.user = jwt.verify(token, process.env.JWT_SECRET!); // expect: weak-jwt-verification
  await next();
});

app.use(async (ctx, next) => {
  const token = ctx.cookies.get('sid') ?? '';
  ctx.state.user = jwt.verify(token, process.env.JWT_SECRET!, { algorithms: ['HS256'] }); // ok: weak-jwt-verification
  await next();
});

const fastify = Fastify();

fastify.addHook('preHandler', async (request, reply) => {
  const token = request.headers.authorization?.split(' ')[1] ?? '';
  try {
    request.user = jwt.verify(token, process.env.JWT_SECRET!, { algorithms: ['HS256'], ignoreExpiration: true }); // expect: weak-jwt-verification
  } catch {
    reply.code(401).send();
  }
});

fastify.get('/me', async (request) => {
  const claims = jwt.decode(request.headers.authorization!.slice(7)) as { isAdmin?: boolean }; // expect: weak-jwt-verification
  if (!claims.isAdmin) throw fastify.httpErrors.forbidden();
  return { admin: true };
});

@Injectable()
export class JwtGuard implements CanActivate {
  private readonly secret = process.env.JWT_SECRET!;

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest();
    const token = req.headers.authorization?.split(' ')[1];
    if (!token) throw new UnauthorizedException();
    req.user = jwt.verify(token, this.secret); // expect: weak-jwt-verification
    return true;
  }
}

@Injectable()
export class PinnedJwtGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest();
    req.user = jwt.verify(req.headers.authorization.split(' ')[1], process.env.JWT_SECRET!, { algorithms: ['HS384'] }); // ok: weak-jwt-verification
    return true;
  }
}

@Injectable()
export class NestJwtGuard implements CanActivate {
  constructor(private readonly jwtService: JwtService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest();
    req.user = await this.jwtService.verifyAsync(req.headers.authorization.split(' ')[1]); // ok: weak-jwt-verification
    return true;
  }
}
