import { Controller, Get, Post, Param, Body, Res, StreamableFile, Header, OnModuleInit } from '@nestjs/common';
import { Response } from 'express';
import { readFileSync, existsSync, createReadStream, writeFileSync } from 'fs';
import * as fs from 'fs';
import { execFileSync } from 'node:child_process';
import { join } from 'path';
import { InvoicesService } from './invoices.service';

const INVOICE_DIR = '/var/invoices';

@Controller('invoices')
export class InvoicesController implements OnModuleInit {
  private readonly logo: Buffer;
  private footer = '';

  constructor(private readonly invoices: InvoicesService) {
    this.logo = readFileSync(join(__dirname, 'assets', 'logo.png')); // ok: sync-io-in-handler
  }

  onModuleInit() {
    this.footer = fs.readFileSync(join(__dirname, 'assets', 'footer.html'), 'utf8'); // ok: sync-io-in-handler
  }

  @Get(':id/pdf')
  @Header('Content-Type', 'application/pdf')
  download(@Param('id') id: string): StreamableFile {
    const file = join(INVOICE_DIR, `${id}.pdf`);
    if (!existsSync(file)) { // expect: sync-io-in-handler
      execFileSync('invoice-render', ['--id', id, '--out', file]); // expect: sync-io-in-handler
    }
    return new StreamableFile(createReadStream(file)); // ok: sync-io-in-handler
  }

  @Get(':id/html')
  async html(@Param('id') id: string, @Res() res: Response) {
    const invoice = await this.invoices.findOne(id);
    const template = fs.readFileSync(join(__dirname, 'templates', 'invoice.hbs'), 'utf8'); // expect: sync-io-in-handler
    res.send(this.invoices.render(template, invoice, this.footer, this.logo));
  }

  @Post(':id/notes')
  async addNote(@Param('id') id: string, @Body() body: { note: string }) {
    writeFileSync(join(INVOICE_DIR, 'notes', `${id}.txt`), body.note); // expect: sync-io-in-handler
    return { saved: true };
  }

  @Post(':id/attachments')
  async attach(@Param('id') id: string, @Body() body: { name: string; base64: string }) {
    await fs.promises.writeFile(join(INVOICE_DIR, 'attachments', id, body.name), Buffer.from(body.base64, 'base64')); // ok: sync-io-in-handler
    return { saved: true };
  }

  @Get(':id')
  findOne(@Param('id') id: string) {
    return this.invoices.findOne(id);
  }
}
