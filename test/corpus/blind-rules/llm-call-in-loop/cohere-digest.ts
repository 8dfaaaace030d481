import { CohereClientV2 as Cohere } from 'cohere-ai';
import * as cohereSdk from 'cohere-ai';
import type { Knex } from 'knex';

const cohere = new Cohere({ token: process.env.CO_API_KEY });
const legacy = new cohereSdk.CohereClient({ token: process.env.CO_API_KEY });
const MAX_DOCS = 40;

interface Doc {
  id: string;
  team: string;
  text: string;
}

export async function summarizeByTeam(docs: Doc[]): Promise<Record<string, string>> {
  const groups: Record<string, Doc[]> = {};
  for (const d of docs) (groups[d.team] ??= []).push(d);

  const entries = await Promise.all(
    Object.entries(groups).map(async ([team, teamDocs]) => {
      const res = await cohere.chat({ // expect: llm-call-in-loop
        model: 'command-r-plus',
        messages: [{ role: 'user', content: `Summarize the updates from ${team}:\n${teamDocs.map((d) => d.text).join('\n')}` }],
      });
      return [team, res.message?.content?.[0]?.text ?? ''] as const;
    }),
  );
  return Object.fromEntries(entries);
}

export async function legacyTitles(docs: Doc[]): Promise<string[]> {
  const titles: string[] = [];
  for (const doc of docs) {
    const gen = await legacy.generate({ prompt: `Title for: ${doc.text}`, maxTokens: 20 }); // expect: llm-call-in-loop
    titles.push(gen.generations[0].text.trim());
  }
  return titles;
}

export async function legacyQa(questions: string[], context: string): Promise<string[]> {
  const answers: string[] = [];
  for (let i = 0; i < questions.length; i++) {
    const r = await legacy.chat({ message: questions[i], preamble: context }); // expect: llm-call-in-loop
    answers.push(r.text);
  }
  return answers;
}

export async function streamSummaries(docsById: Record<string, Doc>, write: (id: string, s: string) => void) {
  for (const id in docsById) {
    const stream = await cohere.chatStream({ // expect: llm-call-in-loop
      model: 'command-r',
      messages: [{ role: 'user', content: docsById[id].text }],
    });
    for await (const event of stream) {
      if (event.type === 'content-delta') write(id, event.delta?.message?.content?.text ?? '');
    }
  }
}

export async function rollingSummary(docs: Doc[]): Promise<string> {
  return docs.reduce(async (accP, doc) => {
    const acc = await accP;
    const r = await cohere.chat({ // expect: llm-call-in-loop
      model: 'command-r',
      maxTokens: 400,
      messages: [{ role: 'user', content: `Current summary:\n${acc}\n\nIncorporate:\n${doc.text}` }],
    });
    return r.message?.content?.[0]?.text ?? acc;
  }, Promise.resolve(''));
}

export async function summarizeCapped(docs: Doc[]): Promise<string[]> {
  const out: string[] = [];
  for (const [i, doc] of docs.entries()) {
    if (i >= MAX_DOCS) break;
    const r = await cohere.chat({ // ok: llm-call-in-loop
      model: 'command-r',
      maxTokens: 200,
      messages: [{ role: 'user', content: doc.text }],
    });
    out.push(r.message?.content?.[0]?.text ?? '');
  }
  return out;
}

export async function embedAll(db: Knex, docs: Doc[]): Promise<void> {
  for (const doc of docs) {
    const e = await cohere.embed({ model: 'embed-english-v3.0', texts: [doc.text], inputType: 'search_document', embeddingTypes: ['float'] }); // ok: llm-call-in-loop
    await db('doc_vectors').insert({ doc_id: doc.id, vector: JSON.stringify(e.embeddings.float?.[0]) });
  }
}

export async function rerankPerQuery(queries: string[], docs: Doc[]) {
  const results = [];
  for (const query of queries) {
    const r = await cohere.rerank({ model: 'rerank-english-v3.0', query, documents: docs.map((d) => d.text), topN: 5 }); // ok: llm-call-in-loop
    results.push(r.results);
  }
  return results;
}

export async function oneDigest(docs: Doc[]): Promise<string> {
  const r = await cohere.chat({ // ok: llm-call-in-loop
    model: 'command-r-plus',
    maxTokens: 1000,
    messages: [{ role: 'user', content: `Weekly digest:\n${docs.map((d) => `- ${d.text}`).join('\n')}` }],
  });
  return r.message?.content?.[0]?.text ?? '';
}
