import { Body, Controller, Headers, HttpCode, Logger, Post, Req, UnauthorizedException } from '@nestjs/common';
import type { Request } from 'express';
import { AuthService } from './auth.service';
import { LoginDto, RegisterDto, ResetPasswordDto } from './dto';

@Controller('auth')
export class AuthController {
  private readonly logger = new Logger(AuthController.name);

  constructor(private readonly authService: AuthService) {}

  @Post('login')
  @HttpCode(200)
  async login(@Body() dto: LoginDto, @Req() req: Request) {
    this.logger.debug(`Login attempt for ${dto.email} with password ${dto.password}`); // expect: sensitive-data-logged
    this.logger.debug(req.headers); // expect: sensitive-data-logged
    const session = await this.authService.login(dto.email, dto.password);
    this.logger.verbose({ msg: 'issued tokens', accessToken: session.accessToken }); // expect: sensitive-data-logged
    this.logger.log(`Issued session for ${session.userId}, expires at ${session.tokenExpiresAt}`); // ok: sensitive-data-logged
    return session;
  }

  @Post('register')
  async register(@Body() dto: RegisterDto, @Headers('authorization') authorization?: string) {
    this.logger.log(`Registering ${dto.email}`); // ok: sensitive-data-logged
    this.logger.debug('register called with header', authorization); // expect: sensitive-data-logged
    this.logger.debug(`Password policy satisfied: ${dto.password.length >= 12}`); // ok: sensitive-data-logged
    const user = await this.authService.register(dto);
    this.logger.log({ event: 'user.registered', userId: user.id, passwordSet: true }); // ok: sensitive-data-logged
    return { id: user.id };
  }

  @Post('password/reset')
  async resetPassword(@Body() dto: ResetPasswordDto) {
    this.logger.warn('Password reset requested'); // ok: sensitive-data-logged
    this.logger.debug(`reset token=${dto.resetToken}`); // expect: sensitive-data-logged
    await this.authService.resetPassword(dto.resetToken, dto.newPassword);
    this.logger.log('Password reset completed'); // ok: sensitive-data-logged
  }

  @Post('logout')
  async logout(@Req() req: Request) {
    const token = req.headers.authorization?.replace('Bearer ', '');
    if (!token) throw new UnauthorizedException('Missing token'); // ok: sensitive-data-logged
    await this.authService.revoke(token);
    this.logger.log(`Revoked session (token present: ${Boolean(token)})`); // ok: sensitive-data-logged
  }
}
