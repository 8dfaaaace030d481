'use strict';
const { OpenAI } = require('openai');
const Anthropic = require('@anthropic-ai/sdk').default;
const { GoogleGenerativeAI } = require('@google/generative-ai');
const { Mistral } = require('@mistralai/mistralai');
const { PrismaClient } = require('@prisma/client');

const openai = new OpenAI();
const anthropic = new Anthropic();
const mistral = new Mistral({ apiKey: process.env.MISTRAL_API_KEY });
const model = new GoogleGenerativeAI(process.env.GOOGLE_KEY).getGenerativeModel({ model: 'gemini-1.5-flash' });
const prisma = new PrismaClient();
const DAILY_LIMIT = 500;

async function writeProductDescriptions() {
  const products = await prisma.product.findMany({ where: { description: null } });
  for (const p of products) {
    const r = await openai.chat.completions.create({ model: 'gpt-4o', max_tokens: 300, messages: [{ role: 'user', content: `Describe ${p.name}` }] }); // expect: llm-call-in-loop
    await prisma.product.update({ where: { id: p.id }, data: { description: r.choices[0].message.content } });
  }
}

async function writeProductDescriptionsCapped() {
  const products = await prisma.product.findMany({ where: { description: null }, take: DAILY_LIMIT });
  let written = 0;
  for (const p of products) {
    if (written >= DAILY_LIMIT) break;
    const r = await openai.chat.completions.create({ model: 'gpt-4o', max_tokens: 300, messages: [{ role: 'user', content: `Describe ${p.name}` }] }); // ok: llm-call-in-loop
    written++;
    await prisma.product.update({ where: { id: p.id }, data: { description: r.choices[0].message.content } });
  }
}

async function altTexts(images) {
  const out = [];
  for (const img of images) {
    out.push((await model.generateContent([img.prompt])).response.text()); // expect: llm-call-in-loop
  }
  return out;
}

async function headlines(articles) {
  return Promise.all(articles.map(async (a) => anthropic.messages.create({ model: 'claude-3-5-haiku-latest', max_tokens: 30, messages: [{ role: 'user', content: a.body }] }))); // expect: llm-call-in-loop
}

async function tweets(posts) {
  for (const post of posts) {
    await mistral.chat.complete({ model: 'mistral-small-latest', maxTokens: 80, messages: [{ role: 'user', content: post.body }] }); // expect: llm-call-in-loop
  }
}

async function keywords(pages) {
  let i = 0;
  while (i < pages.length) {
    await openai.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 40, messages: [{ role: 'user', content: pages[i].text }] }); // expect: llm-call-in-loop
    i++;
  }
}

async function keywordsGuarded(pages, quota) {
  let i = 0;
  while (i < pages.length && quota.remaining() > 0) {
    await openai.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 40, messages: [{ role: 'user', content: pages[i].text }] }); // ok: llm-call-in-loop
    quota.consume(1);
    i++;
  }
}

async function saveEach(products) {
  // database writes in a loop are another rule's business
  for (const p of products) {
    await prisma.product.create({ data: p }); // ok: llm-call-in-loop
  }
}

async function tokensFor(texts) {
  for (const t of texts) {
    await model.countTokens(t); // ok: llm-call-in-loop
  }
}

async function embedEach(texts) {
  for (const t of texts) {
    await mistral.embeddings.create({ model: 'mistral-embed', inputs: [t] }); // ok: llm-call-in-loop
  }
}

async function retryHeadline(article) {
  let attempts = 0;
  while (attempts < 3) {
    try {
      return await anthropic.messages.create({ model: 'claude-3-5-haiku-latest', max_tokens: 30, messages: [{ role: 'user', content: article.body }] }); // ok: llm-call-in-loop
    } catch {
      attempts++;
    }
  }
}

module.exports = { writeProductDescriptions, writeProductDescriptionsCapped, altTexts, headlines, tweets, keywords, keywordsGuarded, saveEach, tokensFor, embedEach, retryHeadline };
