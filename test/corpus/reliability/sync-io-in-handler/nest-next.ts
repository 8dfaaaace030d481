// @ts-nocheck
import { Controller, Get, Post, Body, Param, Injectable } from '@nestjs/common';
import { readFileSync, writeFileSync, promises as fsp } from 'fs';
import { execSync } from 'node:child_process';
import { pbkdf2Sync, createHmac } from 'node:crypto';

@Controller('files')
export class FilesController {
  @Get(':name')
  read(@Param('name') name: string) {
    return readFileSync(`/data/${name}`, 'utf8'); // expect: sync-io-in-handler
  }

  @Post()
  write(@Body() body: { name: string; text: string }) {
    writeFileSync(`/data/${body.name}`, body.text); // expect: sync-io-in-handler
    return { ok: true };
  }

  @Get('async/:name')
  async readAsync(@Param('name') name: string) {
    return fsp.readFile(`/data/${name}`, 'utf8'); // ok: sync-io-in-handler
  }

  @Get('sig/:v')
  sign(@Param('v') v: string) {
    return createHmac('sha256', 'k').update(v).digest('hex'); // ok: sync-io-in-handler
  }

  private helper() {
    return readFileSync('/etc/hostname', 'utf8'); // ok: sync-io-in-handler
  }
}

@Injectable()
export class KeysService {
  // a service method, not a route handler
  derive(password: string) {
    return pbkdf2Sync(password, 'salt', 1000, 32, 'sha256'); // ok: sync-io-in-handler
  }
}

