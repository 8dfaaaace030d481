import { Controller, Get, Injectable, Logger, OnModuleInit, UseGuards } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AdminGuard } from '../auth/admin.guard';

const REQUIRED_VARS = ['DATABASE_URL', 'JWT_SECRET', 'REDIS_URL'];

@Injectable()
export class BootDiagnosticsService implements OnModuleInit {
  private readonly logger = new Logger(BootDiagnosticsService.name);

  constructor(private readonly config: ConfigService) {}

  onModuleInit() {
    this.logger.log(`Starting with NODE_ENV=${process.env.NODE_ENV}`); // ok: environment-exposure
    this.logger.debug(process.env); // expect: environment-exposure
    this.logger.verbose(`Full environment: ${JSON.stringify(process.env)}`); // expect: environment-exposure
    this.logger.log(`Loaded ${Object.keys(process.env).length} environment variables`); // ok: environment-exposure
    const missing = REQUIRED_VARS.filter((name) => !process.env[name]);
    if (missing.length > 0) {
      this.logger.error(`Missing environment variables: ${missing.join(', ')}`);
    }
  }

  snapshot() {
    return { nodeEnv: this.config.get<string>('NODE_ENV'), port: this.config.get<number>('PORT') };
  }
}

@Controller('admin/config')
@UseGuards(AdminGuard)
export class ConfigController {
  constructor(private readonly diagnostics: BootDiagnosticsService) {}

  @Get('env')
  getEnv() {
    return process.env; // expect: environment-exposure
  }

  @Get('summary')
  getSummary() {
    return this.diagnostics.snapshot();
  }

  @Get('mode')
  getMode() {
    Logger.log(`mode requested (${process.env.NODE_ENV})`, ConfigController.name); // ok: environment-exposure
    return { env: process.env.NODE_ENV }; // ok: environment-exposure
  }

  @Get('dump')
  dump() {
    Logger.warn({ env: process.env }, 'config dump requested'); // expect: environment-exposure
    return { ok: true };
  }
}
