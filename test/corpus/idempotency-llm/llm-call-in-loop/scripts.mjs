import OpenAI from 'openai';
import { readFile } from 'node:fs/promises';
import { CohereClient } from 'cohere-ai';

const openai = new OpenAI();
const cohere = new CohereClient({ token: process.env.CO_API_KEY });
const rows = JSON.parse(await readFile(process.argv[2], 'utf8'));
const MAX_ROWS = Number(process.env.MAX_ROWS ?? 200);

// top-level script loop over a file of rows
for (const row of rows) {
  const r = await openai.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 50, messages: [{ role: 'user', content: row.text }] }); // expect: llm-call-in-loop
  console.log(row.id, r.choices[0].message.content);
}

for (const row of rows.slice(0, MAX_ROWS)) {
  await openai.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 50, messages: [{ role: 'user', content: row.text }] }); // ok: llm-call-in-loop
}

let processed = 0;
for (const row of rows) {
  if (processed === MAX_ROWS) break;
  processed += 1;
  await openai.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 50, messages: [{ role: 'user', content: row.text }] }); // ok: llm-call-in-loop
}

export async function labelAll(items) {
  const labels = items.map((item) => openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: item }] })); // expect: llm-call-in-loop
  return Promise.all(labels);
}

export async function labelAllCohere(items) {
  const out = [];
  for (let i = 0; i < items.length; i += 1) {
    out.push(await cohere.generate({ prompt: items[i], maxTokens: 20 })); // expect: llm-call-in-loop
  }
  return out;
}

export async function labelAllCohereChat(items) {
  return Promise.allSettled(items.map((message) => cohere.chat({ message, maxTokens: 20 }))); // expect: llm-call-in-loop
}

export async function labelPages(cursor) {
  for await (const page of cursor) {
    for (const item of page.items) {
      await openai.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 20, messages: [{ role: 'user', content: item.text }] }); // expect: llm-call-in-loop
    }
  }
}

export async function labelWithBudget(items, budgetUsd) {
  let costUsd = 0;
  for (const item of items) {
    if (costUsd >= budgetUsd) break;
    const r = await openai.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 20, messages: [{ role: 'user', content: item }] }); // ok: llm-call-in-loop
    costUsd += (r.usage?.total_tokens ?? 0) * 0.00000015;
  }
}

export async function firstThree(items) {
  const picks = [];
  for (let i = 0; i < Math.min(items.length, 3); i++) {
    picks.push(await openai.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 20, messages: [{ role: 'user', content: items[i] }] })); // ok: llm-call-in-loop
  }
  return picks;
}

export async function oneShot(items) {
  return openai.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 500, messages: items.map((content) => ({ role: 'user', content })) }); // ok: llm-call-in-loop
}
