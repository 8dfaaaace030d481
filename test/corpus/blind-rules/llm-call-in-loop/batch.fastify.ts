import Fastify, { FastifyReply, FastifyRequest } from 'fastify';
import { Anthropic } from '@anthropic-ai/sdk';
import { setTimeout as sleep } from 'node:timers/promises';
import { budgetTracker } from '../billing/budget';
import { estimateCostUsd } from '../billing/pricing';

const app = Fastify({ logger: true });
const claude = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });
const MODEL = 'claude-sonnet-4-20250514';
const MAX_ITEMS = 20;
const USD_BUDGET = 2.5;

type Doc = { id: string; text: string };
type BatchReq = FastifyRequest<{ Body: { docs: Doc[] } }>;

app.post('/batch/summarize', async (req: BatchReq, reply: FastifyReply) => {
  const out: { id: string; summary: string }[] = [];
  let spentUsd = 0;
  for (const doc of req.body.docs) {
    if (spentUsd >= USD_BUDGET) {
      req.log.warn({ spentUsd }, 'batch budget exhausted');
      break;
    }
    const msg = await claude.messages.create({ // ok: llm-call-in-loop
      model: MODEL,
      max_tokens: 300,
      messages: [{ role: 'user', content: `Summarize:\n${doc.text}` }],
    });
    spentUsd += estimateCostUsd(MODEL, msg.usage);
    out.push({ id: doc.id, summary: msg.content[0].type === 'text' ? msg.content[0].text : '' });
  }
  return reply.send(out);
});

app.post('/batch/outline', async (req: BatchReq, reply: FastifyReply) => {
  const outlines: string[] = [];
  for (const [index, doc] of req.body.docs.entries()) {
    if (index >= MAX_ITEMS) {
      reply.code(207);
      break;
    }
    const msg = await claude.messages.create({ // ok: llm-call-in-loop
      model: MODEL,
      max_tokens: 500,
      messages: [{ role: 'user', content: `Outline:\n${doc.text}` }],
    });
    outlines.push(msg.content[0].type === 'text' ? msg.content[0].text : '');
  }
  return reply.send(outlines);
});

app.post('/batch/titles', async (req: BatchReq & { user: { orgId: string } }, reply: FastifyReply) => {
  const titles: string[] = [];
  for (const doc of req.body.docs) {
    if (!(await budgetTracker.tryConsume(req.user.orgId, 1))) break;
    const msg = await claude.messages.create({ // ok: llm-call-in-loop
      model: MODEL,
      max_tokens: 30,
      messages: [{ role: 'user', content: `Title for:\n${doc.text}` }],
    });
    titles.push(msg.content[0].type === 'text' ? msg.content[0].text : '');
  }
  return reply.send(titles);
});

app.post('/batch/abstracts', async (req: BatchReq, reply: FastifyReply) => {
  const skipped: string[] = [];
  const abstracts: string[] = [];
  const docs = req.body.docs;
  for (let i = 0; i < docs.length; i++) {
    if (i < MAX_ITEMS) {
      const msg = await claude.messages.create({ // ok: llm-call-in-loop
        model: MODEL,
        max_tokens: 250,
        messages: [{ role: 'user', content: `Abstract:\n${docs[i].text}` }],
      });
      abstracts.push(msg.content[0].type === 'text' ? msg.content[0].text : '');
    } else {
      skipped.push(docs[i].id);
    }
  }
  return reply.send({ abstracts, skipped });
});

app.post('/batch/keywords', async (req: BatchReq, reply: FastifyReply) => {
  const keywords: Record<string, string> = {};
  for (const doc of req.body.docs) {
    try {
      const msg = await claude.messages.create({ // expect: llm-call-in-loop
        model: MODEL,
        max_tokens: 50,
        messages: [{ role: 'user', content: `Keywords for:\n${doc.text}` }],
      });
      keywords[doc.id] = msg.content[0].type === 'text' ? msg.content[0].text : '';
    } catch (err) {
      req.log.warn({ err, id: doc.id }, 'keyword extraction failed');
      continue;
    }
  }
  return reply.send(keywords);
});

app.post('/batch/throttled', async (req: BatchReq, reply: FastifyReply) => {
  const results: string[] = [];
  for (const doc of req.body.docs) {
    const msg = await claude.messages.create({ model: MODEL, max_tokens: 100, messages: [{ role: 'user', content: doc.text }] }); // expect: llm-call-in-loop
    results.push(msg.content[0].type === 'text' ? msg.content[0].text : '');
    await sleep(250);
  }
  return reply.send(results);
});

app.post('/compare', async (req: FastifyRequest<{ Body: { a: string; b: string } }>, reply: FastifyReply) => {
  const first = await claude.messages.create({ model: MODEL, max_tokens: 200, messages: [{ role: 'user', content: `Summarize A:\n${req.body.a}` }] }); // ok: llm-call-in-loop
  const second = await claude.messages.create({ model: MODEL, max_tokens: 200, messages: [{ role: 'user', content: `Summarize B:\n${req.body.b}` }] }); // ok: llm-call-in-loop
  return reply.send({ first: first.content, second: second.content });
});

export default app;
