import express, { Request, Response, NextFunction } from 'express';
import fs from 'fs';
import { readFileSync as readText, statSync, readdirSync } from 'node:fs';
import * as path from 'path';
import { readFile } from 'fs/promises';
import { execFileSync } from 'child_process';
import * as yup from 'yup';
import { validateSync } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { CreateReportDto } from './dto/create-report.dto';

const router = express.Router();
const REPORT_DIR = process.env.REPORT_DIR ?? '/var/data/reports';
const templateHtml = fs.readFileSync(path.join(__dirname, 'templates', 'report.html'), 'utf8'); // ok: sync-io-in-handler

function loadBranding(): Record<string, string> {
  return JSON.parse(readText(path.join(__dirname, 'branding.json'), 'utf8')); // ok: sync-io-in-handler
}

const branding = loadBranding();

const shareSchema = yup.object({
  email: yup.string().email().required(),
  expiresInDays: yup.number().min(1).max(30).default(7),
});

router.get('/reports', (req: Request, res: Response) => {
  const files = readdirSync(REPORT_DIR).filter((f) => f.endsWith('.csv')); // expect: sync-io-in-handler
  const rows = files.map((name) => {
    const info = statSync(path.join(REPORT_DIR, name)); // expect: sync-io-in-handler
    return { name, size: info.size, updatedAt: info.mtime };
  });
  res.json({ reports: rows, brand: branding.name });
});

router.get('/reports/:id', async (req: Request, res: Response, next: NextFunction) => {
  try {
    const file = path.join(REPORT_DIR, path.basename(req.params.id));
    const csv = await readFile(file, 'utf8'); // ok: sync-io-in-handler
    res.type('text/csv').send(csv);
  } catch (err) {
    next(err);
  }
});

router.get('/reports/:id/html', (req: Request, res: Response) => {
  const csv = readText(path.join(REPORT_DIR, path.basename(req.params.id)), 'utf8'); // expect: sync-io-in-handler
  res.send(templateHtml.replace('{{body}}', csv));
});

router.get('/reports/:id/download', (req: Request, res: Response) => {
  // Streams the file; never readFileSync a report here, they can be 2 GB. // ok: sync-io-in-handler
  const file = path.join(REPORT_DIR, path.basename(req.params.id));
  fs.createReadStream(file).pipe(res); // ok: sync-io-in-handler
});

async function renderPdf(req: Request, res: Response) {
  const id = path.basename(req.params.id);
  const source = path.join(REPORT_DIR, `${id}.html`);
  const target = path.join('/tmp', `${id}.pdf`);
  execFileSync('wkhtmltopdf', ['--quiet', source, target], { timeout: 30_000 }); // expect: sync-io-in-handler
  const pdf = fs.readFileSync(target); // expect: sync-io-in-handler
  res.type('application/pdf').send(pdf);
}

router.get('/reports/:id/pdf', renderPdf);

router.post('/reports/:id/share', async (req: Request, res: Response) => {
  const input = shareSchema.validateSync(req.body, { stripUnknown: true }); // ok: sync-io-in-handler
  const link = await req.app.locals.shares.create(req.params.id, input.email, input.expiresInDays);
  res.status(201).json({ link });
});

router.post('/reports', async (req: Request, res: Response) => {
  const dto = plainToInstance(CreateReportDto, req.body);
  const errors = validateSync(dto, { whitelist: true }); // ok: sync-io-in-handler
  if (errors.length) return res.status(400).json({ errors });
  await fs.promises.writeFile(path.join(REPORT_DIR, `${dto.name}.csv`), dto.header + '\n'); // ok: sync-io-in-handler
  res.sendStatus(201);
});

router
  .route('/reports/:id/head')
  .get((req: Request, res: Response) => {
    const file = path.join(REPORT_DIR, path.basename(req.params.id));
    const fd = fs.openSync(file, 'r'); // expect: sync-io-in-handler
    const buf = Buffer.alloc(4096);
    const bytes = fs.readSync(fd, buf, 0, buf.length, 0); // expect: sync-io-in-handler
    fs.closeSync(fd); // expect: sync-io-in-handler
    res.type('text/plain').send(buf.subarray(0, bytes));
  });

router.get('/reports/:id/meta', (req: Request, res: Response) => {
  fs.stat(path.join(REPORT_DIR, path.basename(req.params.id)), (err, info) => { // ok: sync-io-in-handler
    if (err) return res.sendStatus(404);
    res.json({ size: info.size, mtime: info.mtime });
  });
});

export default router;
