// corpus-path: scripts/backfill-descriptions.cjs
'use strict';

const fs = require('node:fs');
const OpenAI = require('openai');
const { AzureOpenAI } = require('openai');
const { Anthropic: AnthropicClient } = require('@anthropic-ai/sdk');
const { Mistral } = require('@mistralai/mistralai');
const { Pool } = require('pg');

const pool = new Pool();
const groq = new OpenAI({ baseURL: 'https://api.groq.com/openai/v1', apiKey: process.env.GROQ_API_KEY });
const azure = new AzureOpenAI({ endpoint: process.env.AZURE_OPENAI_ENDPOINT, apiVersion: '2024-10-21', deployment: 'gpt-4o' });
const claude = new AnthropicClient();
const mistral = new Mistral({ apiKey: process.env.MISTRAL_API_KEY });

function getClient() {
  return new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
}

function promptFor(product) {
  return [{ role: 'user', content: `Write a 2-sentence description for ${product.name}: ${product.specs}` }];
}

async function describeFast(product) {
  const res = await groq.chat.completions.create({ model: 'llama-3.3-70b-versatile', messages: promptFor(product) }); // expect: llm-call-without-limit
  return res.choices[0].message.content;
}

async function describeAzure(product) {
  const res = await azure.chat.completions.create({ model: 'gpt-4o', messages: promptFor(product), max_tokens: 300 }); // ok: llm-call-without-limit
  return res.choices[0].message.content;
}

async function describeAzureLong(product) {
  const res = await azure.chat.completions.create({ model: 'gpt-4o', messages: promptFor(product), temperature: 0.9 }); // expect: llm-call-without-limit
  return res.choices[0].message.content;
}

async function review(product) {
  const res = await claude.messages.create({ model: 'claude-3-5-haiku-latest', max_tokens: 200, messages: promptFor(product) }); // ok: llm-call-without-limit
  return res.content[0].text;
}

async function reviewVerbose(product) {
  const res = await claude.messages.create({ model: 'claude-3-5-haiku-latest', system: 'Be thorough.', messages: promptFor(product) }); // expect: llm-call-without-limit
  return res.content[0].text;
}

async function quickCheck(product) {
  const res = await getClient().chat.completions.create({ model: 'gpt-4o-mini', messages: promptFor(product) }); // expect: llm-call-without-limit
  return res.choices[0].message.content;
}

async function seoTitle(product) {
  const res = await new OpenAI().responses.create({ model: 'gpt-4.1-mini', input: `SEO title for ${product.name}` }); // expect: llm-call-without-limit
  return res.output_text;
}

async function titleFr(product) {
  const res = await mistral.chat.complete({ model: 'mistral-small-latest', messages: promptFor(product), maxTokens: 60 }); // ok: llm-call-without-limit
  return res.choices[0].message.content;
}

async function uploadBatch(path) {
  const file = await groq.files.create({ file: fs.createReadStream(path), purpose: 'batch' }); // ok: llm-call-without-limit
  return groq.batches.create({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h' }); // ok: llm-call-without-limit
}

async function main() {
  const { rows } = await pool.query('SELECT id, name, specs FROM products WHERE description IS NULL ORDER BY id LIMIT 1');
  const product = rows[0];
  if (!product) return;
  const [fast, az, azLong, rev, revLong, quick, seo, fr] = await Promise.all([
    describeFast(product),
    describeAzure(product),
    describeAzureLong(product),
    review(product),
    reviewVerbose(product),
    quickCheck(product),
    seoTitle(product),
    titleFr(product),
  ]);
  await pool.query('UPDATE products SET description = $1, review = $2, seo_title = $3 WHERE id = $4', [fast || az || azLong || quick, rev || revLong, seo || fr, product.id]);
  if (process.env.BATCH_FILE) await uploadBatch(process.env.BATCH_FILE);
  await pool.end();
}

main().catch((err) => {
  console.error('backfill failed', err);
  process.exitCode = 1;
});
