'use strict';

const Anthropic = require('@anthropic-ai/sdk');
const { Worker } = require('bullmq');
const { redis } = require('../lib/redis.cjs');

const anthropic = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });
const MODEL = 'claude-sonnet-4-20250514';

async function summarize(doc) {
  const msg = await anthropic.messages.create({ // ok: llm-call-without-limit
    model: MODEL,
    max_tokens: 1024,
    system: 'Summarize the document in five bullet points.',
    messages: [{ role: 'user', content: doc.text }],
  });
  return msg.content[0].text;
}

async function classify(doc) {
  const msg = await anthropic.messages.create({ // expect: llm-call-without-limit
    model: MODEL,
    temperature: 0,
    messages: [{ role: 'user', content: `Classify this document: ${doc.title}` }],
  });
  return msg.content[0].text.trim();
}

async function draftReply(doc, budget) {
  const msg = await anthropic.messages.create({ model: MODEL, max_tokens: budget, messages: [{ role: 'user', content: doc.text }] }); // ok: llm-call-without-limit
  return msg.content[0].text;
}

async function streamDraft(doc, onText) {
  const stream = anthropic.messages.stream({ model: MODEL, messages: [{ role: 'user', content: doc.text }] }); // expect: llm-call-without-limit
  stream.on('text', onText);
  return stream.finalMessage();
}

async function streamDraftCapped(doc, onText) {
  const stream = anthropic.messages.stream({ model: MODEL, max_tokens: 2048, messages: [{ role: 'user', content: doc.text }] }); // ok: llm-call-without-limit
  stream.on('text', onText);
  return stream.finalMessage();
}

async function rawEventStream(doc) {
  const events = await anthropic.messages.create({ model: MODEL, max_tokens: 4096, stream: true, messages: [{ role: 'user', content: doc.text }] }); // ok: llm-call-without-limit
  let out = '';
  for await (const ev of events) {
    if (ev.type === 'content_block_delta' && ev.delta.type === 'text_delta') out += ev.delta.text;
  }
  return out;
}

async function extractEntities(doc) {
  const msg = await anthropic.beta.messages.create({ // expect: llm-call-without-limit
    model: MODEL,
    betas: ['token-efficient-tools-2025-02-19'],
    tools: [{ name: 'record_entities', description: 'Store entities', input_schema: { type: 'object', properties: {} } }],
    messages: [{ role: 'user', content: doc.text }],
  });
  return msg.content;
}

async function estimateCost(doc) {
  const { input_tokens } = await anthropic.messages.countTokens({ model: MODEL, messages: [{ role: 'user', content: doc.text }] }); // ok: llm-call-without-limit
  return input_tokens;
}

// legacy Text Completions API: its cap is max_tokens_to_sample, which is still a cap
async function legacyTitle(doc) {
  const res = await anthropic.completions.create({ model: 'claude-2.1', max_tokens_to_sample: 300, prompt: `\n\nHuman: Title for: ${doc.text}\n\nAssistant:` }); // ok: llm-call-without-limit
  return res.completion;
}

async function queueBatch(docs) {
  return anthropic.messages.batches.create({ // ok: llm-call-without-limit
    requests: docs.map((d) => ({
      custom_id: String(d.id),
      params: { model: MODEL, max_tokens: 512, messages: [{ role: 'user', content: d.text }] },
    })),
  });
}

const worker = new Worker(
  'summaries',
  async (job) => {
    switch (job.name) {
      case 'classify':
        return classify(job.data);
      case 'entities':
        return extractEntities(job.data);
      case 'batch':
        return queueBatch(job.data.docs);
      default:
        return summarize(job.data);
    }
  },
  { connection: redis },
);

module.exports = { worker, summarize, classify, draftReply, streamDraft, streamDraftCapped, rawEventStream, estimateCost, legacyTitle };
