import { Injectable, Controller, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { EventPattern, MessagePattern, Payload } from '@nestjs/microservices';
import { execFileSync } from 'child_process';
import { readdirSync, unlinkSync, statSync, readFileSync } from 'fs';
import { join } from 'path';

const EXPORT_DIR = '/tmp/exports';

@Injectable()
export class CleanupService {
  private readonly logger = new Logger(CleanupService.name);

  @Cron(CronExpression.EVERY_HOUR)
  purgeExports() {
    for (const name of readdirSync(EXPORT_DIR)) { // ok: sync-io-in-handler
      const info = statSync(join(EXPORT_DIR, name)); // ok: sync-io-in-handler
      if (Date.now() - info.mtimeMs > 86_400_000) {
        unlinkSync(join(EXPORT_DIR, name)); // ok: sync-io-in-handler
      }
    }
    this.logger.log('export directory purged');
  }

  @Cron('0 3 * * *')
  vacuum() {
    execFileSync('psql', [process.env.DATABASE_URL as string, '-c', 'VACUUM ANALYZE']); // ok: sync-io-in-handler
  }
}

@Controller()
export class MediaConsumer {
  @EventPattern('image.uploaded')
  handleUploaded(@Payload() data: { path: string }) {
    execFileSync('convert', [data.path, '-resize', '200x200', `${data.path}.thumb.jpg`]); // ok: sync-io-in-handler
  }

  @MessagePattern({ cmd: 'export.read' })
  readExport(@Payload() name: string) {
    return readFileSync(join(EXPORT_DIR, name), 'utf8'); // ok: sync-io-in-handler
  }
}
