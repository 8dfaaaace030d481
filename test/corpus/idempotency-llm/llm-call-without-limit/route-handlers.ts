// @ts-nocheck
import express from 'express';
import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';

const router = express.Router();
const openai = new OpenAI();
const anthropic = new Anthropic();
const DEFAULTS = { model: 'gpt-4o-mini', temperature: 0.3 };
const LIMITS = { max_tokens: 400 };

router.post('/chat', async (req, res) => {
  const completion = await openai.chat.completions.create({ ...DEFAULTS, messages: req.body.messages }); // expect: llm-call-without-limit
  res.json(completion.choices[0].message);
});

router.post('/chat/bounded', async (req, res) => {
  const completion = await openai.chat.completions.create({ ...DEFAULTS, ...LIMITS, messages: req.body.messages }); // ok: llm-call-without-limit
  res.json(completion.choices[0].message);
});

router.post('/chat/user-limit', async (req, res) => {
  const maxTokens = Math.min(Number(req.body.maxTokens) || 256, 1024);
  const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: maxTokens, messages: req.body.messages }); // ok: llm-call-without-limit
  res.json(completion.choices[0].message);
});

router.post('/stream', async (req, res) => {
  res.setHeader('Content-Type', 'text/event-stream');
  const stream = await openai.chat.completions.create({ model: 'gpt-4o', messages: req.body.messages, stream: true, stream_options: { include_usage: true } }); // expect: llm-call-without-limit
  for await (const part of stream) res.write(`data: ${JSON.stringify(part)}\n\n`);
  res.end();
});

router.post('/claude', async (req, res) => {
  const message = await anthropic.messages.create({ model: 'claude-3-5-haiku-latest', max_tokens: 1000, messages: req.body.messages }); // ok: llm-call-without-limit
  res.json(message);
});

router.post('/claude/stream', async (req, res) => {
  const stream = anthropic.messages.stream({ model: 'claude-3-5-haiku-latest', messages: req.body.messages }); // expect: llm-call-without-limit
  stream.on('text', (t) => res.write(t));
  await stream.finalMessage();
  res.end();
});

router.post('/tools', async (req, res) => {
  const runner = openai.beta.chat.completions.runTools({ model: 'gpt-4o', messages: req.body.messages, tools: [] }); // expect: llm-call-without-limit
  res.json(await runner.finalContent());
});

router.post('/parse', async (req, res) => {
  const parsed = await openai.chat.completions.parse({ model: 'gpt-4o', max_completion_tokens: 700, messages: req.body.messages }); // ok: llm-call-without-limit
  res.json(parsed.choices[0].message.parsed);
});

router.get('/files', async (_req, res) => {
  res.json(await openai.files.list()); // ok: llm-call-without-limit
});

export { router };
