// @ts-nocheck
import { createLogger } from 'winston';
import { HttpException, InternalServerErrorException, Injectable, Logger } from '@nestjs/common';

const logger = createLogger({});

export async function importCsv(path: string) {
  try {
    await fetch(path);
  } catch (error) {
    logger.error(`import of ${path} failed`); // expect: error-context-lost
  }
  try {
    await fetch(path);
  } catch (error) {
    logger.error(`import of ${path} failed`, { error }); // ok: error-context-lost
  }
  try {
    await fetch(path);
  } catch (error) {
    console.error('[import]', 'failed'); // expect: error-context-lost
    process.exitCode = 1;
  }
  try {
    await fetch(path);
  } catch (error) {
    console.error('[import]', error); // ok: error-context-lost
  }
}

@Injectable()
export class ReportsService {
  private readonly logger = new Logger(ReportsService.name);

  async build(id: string) {
    try {
      await fetch(`https://reports/${id}`);
    } catch (e) {
      throw new InternalServerErrorException('report failed'); // expect: error-context-lost
    }
  }

  async build2(id: string) {
    try {
      await fetch(`https://reports/${id}`);
    } catch (e) {
      throw new InternalServerErrorException('report failed', { cause: e }); // ok: error-context-lost
    }
  }

  async build3(id: string) {
    try {
      await fetch(`https://reports/${id}`);
    } catch (e) {
      this.logger.warn(`report ${id} slow path`); // expect: error-context-lost
      throw new HttpException('report failed', 502); // expect: error-context-lost
    }
  }

  async build4(id: string) {
    try {
      await fetch(`https://reports/${id}`);
    } catch (e) {
      this.logger.error(e); // ok: error-context-lost
      throw e; // ok: error-context-lost
    }
  }
}

export function readJson(text: string) {
  try {
    return JSON.parse(text);
  } catch (err) {
    console.log('invalid json'); // expect: error-context-lost
    return undefined;
  }
}

export function readJson2(text: string) {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new Error(`invalid json: ${(err as Error).message}`); // expect: error-context-lost
  }
}

export async function cleanupTmp(dir: string) {
  try {
    await fetch(dir);
  } catch (_ignored) {
    // best effort: the directory may not exist
  }
  try {
    await fetch(dir);
  } catch (err) {
    // relabelled (open case): a debug line in a best-effort catch documents an expected path, it is not
    // the log on-call reads for a failure
    logger.debug('tmp cleanup skipped'); // ok: error-context-lost
  }
}
