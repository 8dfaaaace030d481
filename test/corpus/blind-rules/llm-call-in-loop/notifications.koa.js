import Koa from 'koa';
import Router from '@koa/router';
import bodyParser from 'koa-bodyparser';
import twilio from 'twilio';
import fs from 'node:fs';
import { PrismaClient } from '@prisma/client';
import OpenAI from 'openai';
import { cmsClient } from './cms-client.js';
import { pdfRenderer } from './pdf-renderer.js';

const app = new Koa();
const router = new Router();
const sms = twilio(process.env.TWILIO_SID, process.env.TWILIO_TOKEN);
const prisma = new PrismaClient();
const openai = new OpenAI();

router.post('/threads/:id/notify', async (ctx) => {
  const members = await prisma.member.findMany({ where: { threadId: ctx.params.id } });
  for (const m of members) {
    await sms.messages.create({ to: m.phone, from: process.env.TWILIO_FROM, body: 'New reply in your thread' }); // ok: llm-call-in-loop
    await prisma.message.create({ data: { threadId: ctx.params.id, memberId: m.id, kind: 'sms' } }); // ok: llm-call-in-loop
  }
  ctx.status = 204;
});

router.post('/pages/rebuild', async (ctx) => {
  const pages = await prisma.page.findMany({ where: { stale: true } });
  for (const page of pages) {
    await cmsClient.generateContent(page.id); // ok: llm-call-in-loop
  }
  ctx.body = { rebuilt: pages.length };
});

router.post('/invoices/render', async (ctx) => {
  const invoices = await prisma.invoice.findMany({ where: { rendered: false } });
  for (const inv of invoices) {
    const pdf = await pdfRenderer.generate({ template: 'invoice', data: inv }); // ok: llm-call-in-loop
    await prisma.invoice.update({ where: { id: inv.id }, data: { pdfUrl: pdf.url, rendered: true } });
  }
  ctx.status = 204;
});

router.post('/datasets/upload', async (ctx) => {
  const { paths } = ctx.request.body;
  const ids = [];
  for (const p of paths) {
    const f = await openai.files.create({ file: fs.createReadStream(p), purpose: 'fine-tune' }); // ok: llm-call-in-loop
    ids.push(f.id);
  }
  ctx.body = { ids };
});

router.post('/comments/batch-summarize', async (ctx) => {
  const comments = await prisma.comment.findMany({ where: { summarized: false } });
  const lines = comments.map((c) =>
    JSON.stringify({
      custom_id: c.id,
      method: 'POST',
      url: '/v1/chat/completions',
      body: { model: 'gpt-4o-mini', max_tokens: 100, messages: [{ role: 'user', content: c.body }] },
    }),
  );
  const file = await openai.files.create({ file: new File([lines.join('\n')], 'batch.jsonl'), purpose: 'batch' }); // ok: llm-call-in-loop
  const batch = await openai.batches.create({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h' }); // ok: llm-call-in-loop
  ctx.body = { batchId: batch.id };
});

router.get('/chat/stream', async (ctx) => {
  const stream = await openai.chat.completions.create({ // ok: llm-call-in-loop
    model: 'gpt-4o-mini',
    stream: true,
    max_tokens: 500,
    messages: [{ role: 'user', content: String(ctx.query.q ?? '') }],
  });
  ctx.type = 'text/plain';
  for await (const chunk of stream) {
    ctx.res.write(chunk.choices[0]?.delta?.content ?? '');
  }
  ctx.res.end();
});

app.use(bodyParser()).use(router.routes()).use(router.allowedMethods());

export default app;
