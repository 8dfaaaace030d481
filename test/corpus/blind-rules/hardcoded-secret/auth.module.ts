import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { Strategy as GoogleStrategy } from 'passport-google-oauth20';
import passport from 'passport';
import { z } from 'zod';

export const jwtSecret = process.env.JWT_SECRET || 'q7Lw2Nk9Pv4Rx8Tz3Yb6Hc1Jd5Fg0SaMe'; // expect: hardcoded-secret
const refreshTokenSecret = 'Xv3Bn8Mq1Wr6Te9Yu4Io7Pa2Sd5Fg0HjKl'; // expect: hardcoded-secret
// Low-entropy local-dev fallback: bad habit, but not a high-entropy credential.
const sessionSecret = process.env.SESSION_SECRET ?? 'dev-secret'; // ok: hardcoded-secret

export const JWT_SECRET_ENV_VAR = 'JWT_SECRET'; // ok: hardcoded-secret
export const INTERNAL_SECRET_HEADER = 'x-internal-secret'; // ok: hardcoded-secret
export const PASSWORD_RESET_PATH = '/auth/password/reset'; // ok: hardcoded-secret
export const PASSWORD_MIN_LENGTH = 12; // ok: hardcoded-secret

export const signupSchema = z.object({
  email: z.string().email(),
  password: z.string().min(PASSWORD_MIN_LENGTH), // ok: hardcoded-secret
});

export const COMMON_PASSWORDS = ['password', '123456', 'qwerty', 'letmein']; // ok: hardcoded-secret

passport.use(
  new GoogleStrategy(
    {
      clientID: '123456789012-abcdefghijklmnopqrstuvwxyz012345.apps.googleusercontent.com', // ok: hardcoded-secret
      clientSecret: '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', // expect: hardcoded-secret
      callbackURL: '/auth/google/callback',
    },
    (_accessToken, _refreshToken, profile, done) => done(null, profile),
  ),
);

@Module({
  imports: [
    PassportModule.register({ session: false }),
    JwtModule.register({
      secret: 'Pz4Kq8Wm2Rv6Ty0Nx3Lb7Hd1Jf5Gc9Ae', // expect: hardcoded-secret
      signOptions: { expiresIn: '15m', issuer: 'acme-auth' }, // ok: hardcoded-secret
    }),
    JwtModule.registerAsync({
      useFactory: () => ({ secret: process.env.JWT_SECRET, signOptions: { expiresIn: '15m' } }), // ok: hardcoded-secret
    }),
  ],
})
export class AuthModule {}

export class TokenConfig {
  private refreshSecret = refreshTokenSecret;
  static session = sessionSecret;

  constructor(private readonly apiKey: string = 'Hj6Kl2Zx8Cv4Bn0Mq7Wr3Te9Yu5Io1Pa') {} // expect: hardcoded-secret
}

const runtimeConfig: Record<string, string> = {};
runtimeConfig.jwtSecret = 'Nb5Vc1Xz7Lk3Jh9Gf2Ds6Aq0Wp4Oe8Ri'; // expect: hardcoded-secret
