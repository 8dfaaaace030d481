import { llmCallInLoop } from '../../src/core/rules/llm-call-in-loop';
import { runDocsExamples, runFixtureTests, runRuleTests, type InvalidCase, type RuleCase } from './ruleTester';

const invalid: InvalidCase[] = [
  {
    name: 'a method of the same class that makes the model call, called once per element',
    code: `import OpenAI from 'openai';

export class Triage {
  constructor(private readonly openai: OpenAI) {}

  async triageAll(tickets: { subject: string }[]) {
    for (const t of tickets) {
      await this.classify(t.subject);
    }
  }

  private async classify(subject: string) {
    return this.openai.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 5, messages: [{ role: 'user', content: subject }] });
  }
}
`,
    line: 8,
    related: 2,
    messageIncludes: ['this.classify', 'chat.completions.create'],
  },
  {
    name: 'a local function that makes the model call, in Promise.all(items.map(…))',
    file: 'src/tag.js',
    code: `const Anthropic = require('@anthropic-ai/sdk');

const anthropic = new Anthropic();

const tag = (text) => anthropic.messages.create({ model: 'claude-3-5-haiku-latest', max_tokens: 10, messages: [{ role: 'user', content: text }] });

exports.tagAll = (texts) => Promise.all(texts.map((t) => tag(t)));
`,
    line: 7,
  },
  {
    name: 'pieces of one long text: one call per piece, as many as the text is long',
    code: `import { GoogleGenAI } from '@google/genai';

const ai = new GoogleGenAI({});

function chunk(text: string, size = 4000): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

export async function notes(document: string) {
  const out: string[] = [];
  for (const chunk of chunk(document)) {
    const r = await ai.models.generateContent({ model: 'gemini-2.0-flash', contents: chunk, config: { maxOutputTokens: 300 } });
    out.push(r.text ?? '');
  }
  return out;
}
`,
    line: 14,
  },
  {
    name: 'OpenAI chat in a for…of loop over the data',
    code: `import OpenAI from 'openai';

const openai = new OpenAI();

export async function summariseReviews(reviews: { id: string; text: string }[]) {
  const summaries = new Map<string, string>();
  for (const review of reviews) {
    const completion = await openai.chat.completions.create({
      model: 'gpt-4o-mini',
      max_tokens: 60,
      messages: [{ role: 'user', content: review.text }],
    });
    summaries.set(review.id, completion.choices[0]?.message.content ?? '');
  }
  return summaries;
}
`,
    line: 8,
    severity: 'MEDIUM',
    related: 1,
    messageIncludes: ['`openai.chat.completions.create(…)`', 'element of `reviews` in this `for…of` loop', 'budget', 'slice(0, MAX_ITEMS)'],
  },
  {
    name: 'Anthropic in Promise.all(items.map(…))',
    code: `import Anthropic from '@anthropic-ai/sdk';

const anthropic = new Anthropic();

export const classifyAll = (tickets: string[]) =>
  Promise.all(tickets.map((t) => anthropic.messages.create({ model: 'claude-haiku-4-5', max_tokens: 10, messages: [{ role: 'user', content: t }] })));
`,
    messageIncludes: ['in this `.map` callback', 'Anthropic'],
  },
  {
    name: 'OpenAI responses in a forEach callback (named import)',
    code: `import { OpenAI } from 'openai';

const client = new OpenAI();

export function tagAll(products: { id: string; title: string }[], save: (id: string, tag: string) => void) {
  products.forEach(async (p) => {
    const r = await client.responses.create({ model: 'gpt-4.1-mini', max_output_tokens: 5, input: p.title });
    save(p.id, r.output_text);
  });
}
`,
  },
  {
    name: 'Google Gen AI in an index loop',
    code: `import { GoogleGenAI } from '@google/genai';

const ai = new GoogleGenAI({});

export async function captions(images: string[]) {
  const out: string[] = [];
  for (let i = 0; i < images.length; i++) {
    const r = await ai.models.generateContent({ model: 'gemini-2.0-flash', contents: images[i], config: { maxOutputTokens: 40 } });
    out.push(r.text ?? '');
  }
  return out;
}
`,
  },
  {
    name: 'Mistral in a queue-draining while loop',
    code: `import { Mistral } from '@mistralai/mistralai';

const mistral = new Mistral({ apiKey: 'k' });

export async function drain(queue: string[]) {
  while (queue.length > 0) {
    const item = queue.shift()!;
    await mistral.chat.complete({ model: 'mistral-small-latest', maxTokens: 100, messages: [{ role: 'user', content: item }] });
  }
}
`,
  },
  {
    name: 'Cohere in a for await…of over a cursor',
    code: `import { CohereClient } from 'cohere-ai';

const cohere = new CohereClient({ token: 't' });

export async function rewriteAll(rows: AsyncIterable<{ text: string }>) {
  for await (const row of rows) {
    await cohere.chat({ model: 'command-r', message: row.text, maxTokens: 200 });
  }
}
`,
  },
  {
    name: 'OpenAI in a for…in loop over an object of records',
    code: `import OpenAI from 'openai';

const openai = new OpenAI();

export async function describeAll(byId: Record<string, string>) {
  for (const id in byId) {
    await openai.responses.create({ model: 'gpt-4.1-mini', max_output_tokens: 50, input: byId[id] });
  }
}
`,
  },
  {
    name: 'AI SDK generateText in a for…of loop',
    code: `import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';

export async function pitches(titles: string[]) {
  const out = [];
  for (const title of titles) {
    out.push((await generateText({ model: openai('gpt-4o-mini'), prompt: title, maxOutputTokens: 80 })).text);
  }
  return out;
}
`,
    messageIncludes: ['the AI SDK'],
  },
  {
    name: 'client exported by the project module, require-free ESM',
    code: `import { openai } from '@/lib/openai';

export async function moderateAll(comments: string[]) {
  for (const comment of comments) {
    await openai.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 5, messages: [{ role: 'user', content: comment }] });
  }
}
`,
  },
  {
    name: 'require and a class member',
    file: 'src/worker.js',
    code: `const OpenAI = require('openai');

class Tagger {
  constructor() {
    this.openai = new OpenAI();
  }

  async tag(items) {
    for (const item of items) {
      item.tag = (await this.openai.responses.create({ model: 'gpt-4.1-mini', max_output_tokens: 5, input: item.name })).output_text;
    }
  }
}
module.exports = { Tagger };
`,
  },
  {
    name: 'a filter on the element is not a guard',
    code: `import OpenAI from 'openai';

const openai = new OpenAI();

export async function summarise(reviews: { rating: number; text: string }[]) {
  for (const review of reviews) {
    if (!review.text || review.rating > 3) continue;
    await openai.responses.create({ model: 'gpt-4.1-mini', max_output_tokens: 60, input: review.text });
  }
}
`,
  },
  {
    name: 'a counter that only logs is not a guard',
    code: `import OpenAI from 'openai';

const openai = new OpenAI();
const MAX_CALLS = 100;

export async function summarise(texts: string[], log: (m: string) => void) {
  let calls = 0;
  for (const text of texts) {
    calls += 1;
    if (calls > MAX_CALLS) log('over budget');
    await openai.responses.create({ model: 'gpt-4.1-mini', max_output_tokens: 60, input: text });
  }
}
`,
    line: 11,
  },
  {
    name: 'p-map over the data (concurrency is not a count guard)',
    code: `import pMap from 'p-map';
import OpenAI from 'openai';

const openai = new OpenAI();

export const translateAll = (texts: string[]) =>
  pMap(texts, (t) => openai.responses.create({ model: 'gpt-4.1-mini', max_output_tokens: 300, input: t }), { concurrency: 4 });
`,
  },
  {
    name: 'Google Generative AI model in a reduce chain',
    code: `import { GoogleGenerativeAI } from '@google/generative-ai';

const model = new GoogleGenerativeAI('k').getGenerativeModel({ model: 'gemini-1.5-flash', generationConfig: { maxOutputTokens: 100 } });

export const story = (chapters: string[]) =>
  chapters.reduce(async (prev, chapter) => {
    const text = await prev;
    const r = await model.generateContent(text + chapter);
    return r.response.text();
  }, Promise.resolve(''));
`,
  },
  {
    name: 'Promise.all over data held in a variable, Vertex AI',
    code: `import { VertexAI } from '@google-cloud/vertexai';

const model = new VertexAI({ project: 'p', location: 'l' }).getGenerativeModel({ model: 'gemini-1.5-pro' });

export async function answers(questions: string[]) {
  const jobs = questions.map(async (q) => (await model.generateContent(q)).response);
  return Promise.all(jobs);
}
`,
  },
  {
    name: 'nested loops over the data: one finding for the call',
    code: `import OpenAI from 'openai';

const openai = new OpenAI();

export async function perSection(docs: { sections: string[] }[]) {
  for (const doc of docs) {
    for (const section of doc.sections) {
      await openai.responses.create({ model: 'gpt-4.1-mini', max_output_tokens: 60, input: section });
    }
  }
}
`,
    count: 1,
  },
];

const valid: (string | RuleCase)[] = [
  {
    name: 'a helper whose model call sits in its own loop is judged there, not at the caller',
    code: `import OpenAI from 'openai';

const openai = new OpenAI();
const MAX_PARTS = 10;

async function summarise(parts: string[]) {
  let n = 0;
  for (const p of parts) {
    if (++n > MAX_PARTS) break;
    await openai.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 50, messages: [{ role: 'user', content: p }] });
  }
}

export async function run(docs: string[][]) {
  for (const d of docs.slice(0, 5)) await summarise(d);
}
`,
  },
  {
    name: 'a helper that makes no model call',
    code: `import OpenAI from 'openai';

const openai = new OpenAI();
const clean = (s: string) => s.trim().toLowerCase();

export function normaliseAll(items: string[]) {
  for (const i of items) clean(i);
  return openai.models.list();
}
`,
  },
  {
    name: 'stops once enough results are collected',
    code: `import Anthropic from '@anthropic-ai/sdk';

const anthropic = new Anthropic();

export async function firstFindings(files: { diff: string }[]) {
  const findings: unknown[] = [];
  for (const f of files) {
    if (findings.length >= 10) break;
    findings.push(await anthropic.messages.create({ model: 'claude-3-5-haiku-latest', max_tokens: 400, messages: [{ role: 'user', content: f.diff }] }));
  }
  return findings;
}
`,
  },
  {
    name: 'an agent loop bounded by a step count',
    code: `import { GoogleGenAI } from '@google/genai';

const ai = new GoogleGenAI({});

export async function agent(goal: string) {
  const chat = ai.chats.create({ model: 'gemini-2.0-flash', config: { maxOutputTokens: 500 } });
  let reply = await chat.sendMessage({ message: goal });
  for (let step = 0; step < 8 && reply.functionCalls?.length; step++) {
    reply = await chat.sendMessage({ message: 'continue' });
  }
  return reply.text;
}
`,
  },
  {
    name: 'counter guard that breaks',
    code: `import OpenAI from 'openai';

const openai = new OpenAI();
const MAX_CALLS_PER_RUN = 200;

export async function tag(reviews: { text: string }[]) {
  let calls = 0;
  for (const review of reviews) {
    if (calls >= MAX_CALLS_PER_RUN) break;
    calls += 1;
    await openai.responses.create({ model: 'gpt-4.1-mini', max_output_tokens: 16, input: review.text });
  }
}
`,
  },
  {
    name: 'collection cut with slice in the for…of',
    code: `import OpenAI from 'openai';

const openai = new OpenAI();
const MAX_ITEMS = 50;

export async function tag(titles: string[]) {
  for (const title of titles.slice(0, MAX_ITEMS)) {
    await openai.responses.create({ model: 'gpt-4.1-mini', max_output_tokens: 5, input: title });
  }
}
`,
  },
  {
    name: 'collection cut into a variable before the loop',
    code: `import Anthropic from '@anthropic-ai/sdk';

const anthropic = new Anthropic();

export async function summarise(tickets: string[]) {
  const batch = tickets.slice(0, 25);
  for (const t of batch) {
    await anthropic.messages.create({ model: 'claude-haiku-4-5', max_tokens: 100, messages: [{ role: 'user', content: t }] });
  }
}
`,
  },
  {
    name: 'Promise.all over a sliced collection',
    code: `import OpenAI from 'openai';

const openai = new OpenAI();

export const tagFirst = (titles: string[]) =>
  Promise.all(titles.slice(0, 10).map((t) => openai.responses.create({ model: 'gpt-4.1-mini', max_output_tokens: 5, input: t })));
`,
  },
  {
    name: 'a fixed list of languages',
    code: `import OpenAI from 'openai';

const openai = new OpenAI();
const LANGUAGES = ['de', 'fr', 'es'] as const;

export async function translate(text: string) {
  const out: Record<string, string> = {};
  for (const lang of LANGUAGES) {
    out[lang] = (await openai.responses.create({ model: 'gpt-4.1-mini', max_output_tokens: 300, input: \`\${lang}: \${text}\` })).output_text;
  }
  return out;
}
`,
  },
  {
    name: 'a retry loop around one call',
    code: `import OpenAI from 'openai';

const openai = new OpenAI();

export async function answer(question: string) {
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      return await openai.responses.create({ model: 'gpt-4.1-mini', max_output_tokens: 300, input: question });
    } catch (err) {
      if (attempt === 3) throw err;
    }
  }
}
`,
  },
  {
    name: 'a token budget that breaks',
    code: `import OpenAI from 'openai';

const openai = new OpenAI();
const TOKEN_BUDGET = 200_000;

export async function summariseAll(docs: string[]) {
  let totalTokens = 0;
  for (const doc of docs) {
    const r = await openai.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 200, messages: [{ role: 'user', content: doc }] });
    totalTokens += r.usage?.total_tokens ?? 0;
    if (totalTokens > TOKEN_BUDGET) break;
  }
}
`,
  },
  {
    name: 'a spend budget that throws',
    code: `import Anthropic from '@anthropic-ai/sdk';

const anthropic = new Anthropic();

export async function run(items: string[], dailyBudgetUsd: number) {
  let spentUsd = 0;
  for (const item of items) {
    if (spentUsd >= dailyBudgetUsd) throw new Error('daily LLM budget reached');
    const m = await anthropic.messages.create({ model: 'claude-haiku-4-5', max_tokens: 50, messages: [{ role: 'user', content: item }] });
    spentUsd += m.usage.output_tokens * 0.000004;
  }
}
`,
  },
  {
    name: 'a guard in the while condition',
    code: `import { Mistral } from '@mistralai/mistralai';

const mistral = new Mistral({ apiKey: 'k' });
const MAX_CALLS = 30;

export async function drain(queue: string[]) {
  let calls = 0;
  while (queue.length > 0 && calls < MAX_CALLS) {
    const item = queue.shift()!;
    calls++;
    await mistral.chat.complete({ model: 'mistral-small-latest', maxTokens: 100, messages: [{ role: 'user', content: item }] });
  }
}
`,
  },
  {
    name: 'an index loop bounded with Math.min',
    code: `import OpenAI from 'openai';

const openai = new OpenAI();

export async function firstHundred(texts: string[]) {
  for (let i = 0; i < Math.min(texts.length, 100); i++) {
    await openai.responses.create({ model: 'gpt-4.1-mini', max_output_tokens: 20, input: texts[i] });
  }
}
`,
  },
  {
    name: 'the size is checked against a maximum before the loop',
    code: `import OpenAI from 'openai';

const openai = new OpenAI();
const MAX_BATCH = 500;

export async function label(rows: string[]) {
  if (rows.length > MAX_BATCH) throw new Error(\`at most \${MAX_BATCH} rows per run\`);
  for (const row of rows) {
    await openai.responses.create({ model: 'gpt-4.1-mini', max_output_tokens: 5, input: row });
  }
}
`,
  },
  {
    name: 'a budget object consumed in the loop',
    code: `import OpenAI from 'openai';

const openai = new OpenAI();

export async function label(rows: string[], budget: { consume(n: number): Promise<void> }) {
  for (const row of rows) {
    await budget.consume(1);
    await openai.responses.create({ model: 'gpt-4.1-mini', max_output_tokens: 5, input: row });
  }
}
`,
  },
  {
    name: 'a guard inside the map callback',
    code: `import OpenAI from 'openai';

const openai = new OpenAI();
const MAX_CALLS = 20;

export async function tagAll(titles: string[]) {
  let calls = 0;
  return Promise.all(titles.map(async (t) => {
    if (calls++ >= MAX_CALLS) return null;
    return openai.responses.create({ model: 'gpt-4.1-mini', max_output_tokens: 5, input: t });
  }));
}
`,
  },
  {
    name: 'chunks of elements, one prompt per chunk',
    code: `import OpenAI from 'openai';
import { chunk } from 'lodash';

const openai = new OpenAI();

export async function tagInBatches(titles: string[]) {
  for (const batch of chunk(titles, 50)) {
    await openai.responses.create({ model: 'gpt-4.1-mini', max_output_tokens: 500, input: batch.join('\\n') });
  }
}
`,
  },
  {
    name: 'a count guard on the outer loop caps the inner one too',
    code: `import OpenAI from 'openai';

const openai = new OpenAI();
const MAX_CALLS = 100;

export async function perSection(docs: { sections: string[] }[]) {
  let calls = 0;
  for (const doc of docs) {
    if (calls >= MAX_CALLS) break;
    for (const section of doc.sections) {
      calls += 1;
      await openai.responses.create({ model: 'gpt-4.1-mini', max_output_tokens: 60, input: section });
    }
  }
}
`,
  },
  {
    name: 'one call for the whole collection after the loop',
    code: `import OpenAI from 'openai';

const openai = new OpenAI();

export async function digest(items: { title: string }[]) {
  const lines: string[] = [];
  for (const item of items) lines.push(item.title);
  return openai.responses.create({ model: 'gpt-4.1-mini', max_output_tokens: 300, input: lines.join('\\n') });
}
`,
  },
  {
    name: 'embeddings in a loop are not generation calls',
    code: `import OpenAI from 'openai';

const openai = new OpenAI();

export async function embedAll(texts: string[]) {
  for (const text of texts) {
    await openai.embeddings.create({ model: 'text-embedding-3-small', input: text });
  }
}
`,
  },
  {
    name: 'test files are skipped',
    file: 'test/eval/summaries.test.ts',
    code: `import OpenAI from 'openai';

const openai = new OpenAI();

it('summarises every sample', async () => {
  for (const sample of ['a', 'b']) await openai.responses.create({ model: 'gpt-4.1-mini', max_output_tokens: 5, input: sample });
});
`,
  },
];

runRuleTests(llmCallInLoop, { valid, invalid });
runFixtureTests(llmCallInLoop);
runDocsExamples(llmCallInLoop);
