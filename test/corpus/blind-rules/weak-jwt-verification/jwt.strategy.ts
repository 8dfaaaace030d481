import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { KioskRepository } from './kiosk.repository';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor() {
    super({ // ok: weak-jwt-verification
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      ignoreExpiration: false,
      secretOrKey: process.env.JWT_SECRET,
      algorithms: ['HS256'],
    });
  }

  async validate(payload: { sub: string; email: string }) {
    return { userId: payload.sub, email: payload.email };
  }
}

@Injectable()
export class KioskJwtStrategy extends PassportStrategy(Strategy, 'kiosk') {
  constructor(private readonly kiosks: KioskRepository) {
    super({
      jwtFromRequest: ExtractJwt.fromHeader('x-kiosk-token'),
      // relabelled (blind label on the call line): the finding is on the option itself
      ignoreExpiration: true, // expect: weak-jwt-verification
      secretOrKey: process.env.KIOSK_SECRET,
      algorithms: ['HS256'],
    });
  }

  async validate(payload: { kioskId: string }) {
    return this.kiosks.findActive(payload.kioskId);
  }
}
