// @ts-nocheck
import { GoogleGenAI } from '@google/genai';
import { GoogleGenerativeAI } from '@google/generative-ai';

const ai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });
const legacy = new GoogleGenerativeAI(process.env.GEMINI_API_KEY!).getGenerativeModel({ model: 'gemini-1.5-flash', generationConfig: { maxOutputTokens: 300 } });
const MAX_CHUNKS = 40;

function chunk(text: string, size = 4000): string[] {
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += size) parts.push(text.slice(i, i + size));
  return parts;
}

export async function describeChunks(document: string) {
  const notes: string[] = [];
  for (const part of chunk(document)) {
    const r = await ai.models.generateContent({ model: 'gemini-2.0-flash', contents: part, config: { maxOutputTokens: 300 } }); // expect: llm-call-in-loop
    notes.push(r.text ?? '');
  }
  return notes;
}

export async function describeChunksCapped(document: string) {
  const parts = chunk(document);
  const notes: string[] = [];
  for (let i = 0; i < parts.length && i < MAX_CHUNKS; i++) {
    const r = await ai.models.generateContent({ model: 'gemini-2.0-flash', contents: parts[i], config: { maxOutputTokens: 300 } }); // ok: llm-call-in-loop
    notes.push(r.text ?? '');
  }
  return notes;
}

export async function describeImages(urls: string[]) {
  return Promise.all(urls.map(async (url) => (await legacy.generateContent([`Describe ${url}`])).response.text())); // expect: llm-call-in-loop
}

export async function interview(questions: string[]) {
  const chat = ai.chats.create({ model: 'gemini-2.0-flash', config: { maxOutputTokens: 200 } });
  const answers: string[] = [];
  for (const q of questions) {
    const reply = await chat.sendMessage({ message: q }); // expect: llm-call-in-loop
    answers.push(reply.text ?? '');
  }
  return answers;
}

export async function streamEach(prompts: string[]) {
  for (const prompt of prompts) {
    const stream = await ai.models.generateContentStream({ model: 'gemini-2.0-flash', contents: prompt, config: { maxOutputTokens: 300 } }); // expect: llm-call-in-loop
    for await (const c of stream) process.stdout.write(c.text ?? '');
  }
}

export async function legacyEach(prompts: string[]) {
  let i = 0;
  do {
    await legacy.generateContent(prompts[i]); // expect: llm-call-in-loop
    i++;
  } while (i < prompts.length);
}

export async function describeWithCheck(urls: string[]) {
  if (urls.length > MAX_CHUNKS) throw new Error(`at most ${MAX_CHUNKS} images per request`);
  // capped before the loop: the collection cannot be larger than MAX_CHUNKS
  return Promise.all(urls.map((url) => ai.models.generateContent({ model: 'gemini-2.0-flash', contents: `Describe ${url}`, config: { maxOutputTokens: 100 } }))); // ok: llm-call-in-loop
}

export async function embedAll(texts: string[]) {
  return Promise.all(texts.map((t) => ai.models.embedContent({ model: 'text-embedding-004', contents: t }))); // ok: llm-call-in-loop
}

export async function agent(goal: string) {
  // a step-bounded agent loop, not a per-element loop
  const chat = ai.chats.create({ model: 'gemini-2.0-flash', config: { maxOutputTokens: 500 } });
  let reply = await chat.sendMessage({ message: goal }); // ok: llm-call-in-loop
  for (let step = 0; step < 8 && reply.functionCalls?.length; step++) {
    reply = await chat.sendMessage({ message: 'continue' }); // ok: llm-call-in-loop
  }
  return reply.text;
}
