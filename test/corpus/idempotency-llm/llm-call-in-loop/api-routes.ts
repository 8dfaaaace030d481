// @ts-nocheck
import Koa from 'koa';
import Router from '@koa/router';
import OpenAI from 'openai';
import { GoogleGenAI } from '@google/genai';

const app = new Koa();
const router = new Router();
const openai = new OpenAI();
const ai = new GoogleGenAI({});
const MAX_QUESTIONS = 10;

router.post('/faq', async (ctx) => {
  const answers = [];
  for (const q of ctx.request.body.questions) {
    const r = await openai.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 200, messages: [{ role: 'user', content: q }] }); // expect: llm-call-in-loop
    answers.push(r.choices[0].message.content);
  }
  ctx.body = answers;
});

router.post('/faq/capped', async (ctx) => {
  const questions: string[] = ctx.request.body.questions;
  const answers = [];
  for (const [i, q] of questions.entries()) {
    if (i >= MAX_QUESTIONS) break;
    const r = await openai.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 200, messages: [{ role: 'user', content: q }] }); // ok: llm-call-in-loop
    answers.push(r.choices[0].message.content);
  }
  ctx.body = answers;
});

router.post('/translate', async (ctx) => {
  const { texts, lang } = ctx.request.body;
  ctx.body = await Promise.all(texts.map((t: string) => ai.models.generateContent({ model: 'gemini-2.0-flash', contents: `Translate to ${lang}: ${t}`, config: { maxOutputTokens: 500 } }))); // expect: llm-call-in-loop
});

router.post('/translate/flat', async (ctx) => {
  const { sections } = ctx.request.body;
  const out = await Promise.all(sections.flatMap((s) => s.paragraphs.map((p) => ai.models.generateContent({ model: 'gemini-2.0-flash', contents: p, config: { maxOutputTokens: 500 } })))); // expect: llm-call-in-loop
  ctx.body = out.map((r) => r.text);
});

router.post('/compare', async (ctx) => {
  const { a, b } = ctx.request.body;
  // two named inputs, not a collection
  const [ra, rb] = await Promise.all([a, b].map((x) => openai.responses.create({ model: 'gpt-4.1-mini', input: x, max_output_tokens: 200 }))); // ok: llm-call-in-loop
  ctx.body = { a: ra.output_text, b: rb.output_text };
});

router.post('/score', async (ctx) => {
  const { candidates } = ctx.request.body;
  const scores: number[] = [];
  for (const c of candidates.filter((x) => x.eligible)) {
    const r = await openai.responses.create({ model: 'gpt-4.1-mini', input: `Score: ${c.text}`, max_output_tokens: 5 }); // expect: llm-call-in-loop
    scores.push(Number(r.output_text));
  }
  ctx.body = scores;
});

router.post('/score/one', async (ctx) => {
  const r = await openai.responses.create({ model: 'gpt-4.1-mini', input: `Score: ${ctx.request.body.text}`, max_output_tokens: 5 }); // ok: llm-call-in-loop
  ctx.body = Number(r.output_text);
});

router.get('/models', async (ctx) => {
  const ids: string[] = [];
  for await (const m of openai.models.list()) ids.push(m.id); // ok: llm-call-in-loop
  ctx.body = ids;
});

app.use(router.routes());
export { app };
