import { Injectable, ForbiddenException, UnauthorizedException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import * as jsonwebtoken from 'jsonwebtoken';

@Injectable()
export class AuthService {
  constructor(
    private readonly jwtService: JwtService,
    private readonly config: ConfigService,
  ) {}

  verifyPartnerToken(token: string) {
    const key = this.config.get<string>('PARTNER_PUBLIC_KEY');
    return jsonwebtoken.verify(token, key, { audience: 'partners' }); // expect: weak-jwt-verification
  }

  verifyServiceToken(token: string) {
    const key = this.config.get<string>('SERVICE_PUBLIC_KEY');
    return jsonwebtoken.verify(token, key, { algorithms: ['RS256'], audience: 'internal' }); // ok: weak-jwt-verification
  }

  verifyLegacyKioskToken(token: string) {
    // Old kiosk firmware still sends unsigned tokens.
    return jsonwebtoken.verify(token, '', { algorithms: ['none'] }); // expect: weak-jwt-verification
  }

  verifyDuringKeyMigration(token: string) {
    return jsonwebtoken.verify( // expect: weak-jwt-verification
      token,
      this.config.get<string>('JWT_SECRET'),
      {
        algorithms: ['HS256', 'none'],
        issuer: 'auth.acme.io',
      },
    );
  }

  async validateSession(token: string) {
    // algorithms are pinned in JwtModule.register({ verifyOptions: { algorithms: ['RS256'] } })
    try {
      return await this.jwtService.verifyAsync(token); // ok: weak-jwt-verification
    } catch {
      throw new UnauthorizedException();
    }
  }

  async validateDeviceToken(token: string) {
    return this.jwtService.verifyAsync(token, { ignoreExpiration: true }); // expect: weak-jwt-verification
  }

  assertAdmin(token: string) {
    const payload = this.jwtService.decode(token) as { roles?: string[] } | null; // expect: weak-jwt-verification
    if (!payload?.roles?.includes('admin')) {
      throw new ForbiddenException('admin only');
    }
    return payload;
  }

  describeSession(token: string) {
    const payload = this.jwtService.decode(token) as { exp?: number } | null; // ok: weak-jwt-verification
    return { expiresAt: payload?.exp ? new Date(payload.exp * 1000).toISOString() : null };
  }

  issue(userId: string) {
    return this.jwtService.sign({ sub: userId }); // ok: weak-jwt-verification
  }
}
