// @ts-nocheck
import OpenAI from 'openai';
import { db } from './db';

const openai = new OpenAI();
const MAX_DOCS = 20;
const BUDGET_TOKENS = 50_000;

interface Doc {
  id: string;
  body: string;
}

export async function summariseAll(docs: Doc[]) {
  const out: string[] = [];
  for (const doc of docs) {
    const r = await openai.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 200, messages: [{ role: 'user', content: doc.body }] }); // expect: llm-call-in-loop
    out.push(r.choices[0].message.content ?? '');
  }
  return out;
}

export async function summariseAllIndexed(docs: Doc[]) {
  for (let i = 0; i < docs.length; i++) {
    const r = await openai.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 200, messages: [{ role: 'user', content: docs[i].body }] }); // expect: llm-call-in-loop
    await db.summary.upsert(docs[i].id, r.choices[0].message.content);
  }
}

export async function summariseParallel(docs: Doc[]) {
  return Promise.all(docs.map((d) => openai.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 200, messages: [{ role: 'user', content: d.body }] }))); // expect: llm-call-in-loop
}

export async function summariseParallelAsync(docs: Doc[]) {
  const results = await Promise.all(
    docs.map(async (d) => {
      const r = await openai.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 200, messages: [{ role: 'user', content: d.body }] }); // expect: llm-call-in-loop
      return r.choices[0].message.content;
    }),
  );
  return results;
}

export async function summariseForEach(docs: Doc[]) {
  docs.forEach(async (d) => {
    const r = await openai.responses.create({ model: 'gpt-4.1-mini', input: d.body, max_output_tokens: 300 }); // expect: llm-call-in-loop
    await db.summary.upsert(d.id, r.output_text);
  });
}

// Guards: a count or budget check inside the loop.
export async function summariseCapped(docs: Doc[]) {
  let calls = 0;
  for (const doc of docs) {
    if (calls >= MAX_DOCS) break;
    calls++;
    await openai.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 200, messages: [{ role: 'user', content: doc.body }] }); // ok: llm-call-in-loop
  }
}

export async function summariseWithinBudget(docs: Doc[]) {
  let spent = 0;
  for (const doc of docs) {
    if (spent > BUDGET_TOKENS) {
      console.warn('token budget exhausted');
      break;
    }
    const r = await openai.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 200, messages: [{ role: 'user', content: doc.body }] }); // ok: llm-call-in-loop
    spent += r.usage?.total_tokens ?? 0;
  }
}

export async function summariseIndexCapped(docs: Doc[]) {
  for (let i = 0; i < docs.length; i++) {
    if (i >= MAX_DOCS) throw new Error('too many documents for one request');
    await openai.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 200, messages: [{ role: 'user', content: docs[i].body }] }); // ok: llm-call-in-loop
  }
}

// Open case: a slice that cuts the collection to a fixed count bounds the calls as well as a guard.
export async function summariseFirstFew(docs: Doc[]) {
  return Promise.all(docs.slice(0, 5).map((d) => openai.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 200, messages: [{ role: 'user', content: d.body }] }))); // ok: llm-call-in-loop
}

// Not per element of a collection: a fixed number of attempts.
export async function summariseWithRetry(doc: Doc) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await openai.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 200, messages: [{ role: 'user', content: doc.body }] }); // ok: llm-call-in-loop
    } catch (err) {
      if (attempt === 2) throw err;
    }
  }
}

export async function summariseOne(doc: Doc) {
  return openai.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 200, messages: [{ role: 'user', content: doc.body }] }); // ok: llm-call-in-loop
}

// The loop makes one call for the whole batch, after building the prompt.
export async function summariseBatched(docs: Doc[]) {
  const parts: string[] = [];
  for (const d of docs) parts.push(`# ${d.id}\n${d.body}`);
  return openai.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 1000, messages: [{ role: 'user', content: parts.join('\n\n') }] }); // ok: llm-call-in-loop
}

// Embeddings are not generation calls.
export async function embedAll(docs: Doc[]) {
  for (const d of docs) {
    await openai.embeddings.create({ model: 'text-embedding-3-small', input: d.body }); // ok: llm-call-in-loop
  }
}
