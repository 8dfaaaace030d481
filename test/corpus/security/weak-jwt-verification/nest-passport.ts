// @ts-nocheck
import { Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { JwtService } from '@nestjs/jwt';

// senior-engineer labels: passport-jwt and @nestjs/jwt hand these options straight to jsonwebtoken
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor() {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      ignoreExpiration: true, // expect: weak-jwt-verification
      secretOrKey: process.env.JWT_SECRET,
    });
  }

  async validate(payload: { sub: string; role: string }) {
    return { userId: payload.sub, role: payload.role };
  }
}

@Injectable()
export class RefreshStrategy extends PassportStrategy(Strategy, 'refresh') {
  constructor() {
    super({
      jwtFromRequest: ExtractJwt.fromBodyField('refreshToken'),
      ignoreExpiration: false, // ok: weak-jwt-verification
      secretOrKey: process.env.JWT_REFRESH_SECRET,
    });
  }
}

@Injectable()
export class TokenService {
  constructor(private readonly jwt: JwtService) {}

  readLenient(token: string) {
    return this.jwt.verify(token, { ignoreExpiration: true }); // expect: weak-jwt-verification
  }

  read(token: string) {
    try {
      return this.jwt.verify(token); // ok: weak-jwt-verification
    } catch {
      throw new UnauthorizedException();
    }
  }
}
