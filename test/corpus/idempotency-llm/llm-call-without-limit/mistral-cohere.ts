// @ts-nocheck
import { Mistral } from '@mistralai/mistralai';
import { CohereClient, CohereClientV2 } from 'cohere-ai';

const mistral = new Mistral({ apiKey: process.env.MISTRAL_API_KEY ?? '' });
const cohere = new CohereClient({ token: process.env.CO_API_KEY });
const cohereV2 = new CohereClientV2({ token: process.env.CO_API_KEY });

// The TypeScript SDKs of Mistral and Cohere spell the wire field `max_tokens` as `maxTokens`;
// an engineer reads it as the same output limit (the list names the wire spellings).
export async function mistralChat(prompt: string) {
  const res = await mistral.chat.complete({ model: 'mistral-large-latest', messages: [{ role: 'user', content: prompt }] }); // expect: llm-call-without-limit
  return res.choices?.[0]?.message?.content;
}

export async function mistralChatBounded(prompt: string) {
  const res = await mistral.chat.complete({ model: 'mistral-large-latest', maxTokens: 400, messages: [{ role: 'user', content: prompt }] }); // ok: llm-call-without-limit
  return res.choices?.[0]?.message?.content;
}

export async function mistralStream(prompt: string) {
  const stream = await mistral.chat.stream({ model: 'mistral-small-latest', messages: [{ role: 'user', content: prompt }] }); // expect: llm-call-without-limit
  for await (const ev of stream) process.stdout.write(String(ev.data.choices[0].delta.content ?? ''));
}

export async function mistralCode(prefix: string, suffix: string) {
  return mistral.fim.complete({ model: 'codestral-latest', prompt: prefix, suffix }); // expect: llm-call-without-limit
}

export async function mistralCodeBounded(prefix: string, suffix: string) {
  return mistral.fim.complete({ model: 'codestral-latest', prompt: prefix, suffix, maxTokens: 128 }); // ok: llm-call-without-limit
}

export async function mistralEmbed(texts: string[]) {
  return mistral.embeddings.create({ model: 'mistral-embed', inputs: texts }); // ok: llm-call-without-limit
}

export async function cohereChat(message: string) {
  const res = await cohere.chat({ model: 'command-r-plus', message }); // expect: llm-call-without-limit
  return res.text;
}

export async function cohereChatBounded(message: string) {
  const res = await cohere.chat({ model: 'command-r-plus', message, maxTokens: 300 }); // ok: llm-call-without-limit
  return res.text;
}

export async function cohereGenerate(prompt: string) {
  return cohere.generate({ prompt }); // expect: llm-call-without-limit
}

export async function cohereStream(message: string) {
  const stream = await cohere.chatStream({ model: 'command-r', message }); // expect: llm-call-without-limit
  for await (const ev of stream) if (ev.eventType === 'text-generation') process.stdout.write(ev.text);
}

export async function cohereV2Chat(content: string) {
  return cohereV2.chat({ model: 'command-a-03-2025', messages: [{ role: 'user', content }] }); // expect: llm-call-without-limit
}

export async function cohereV2ChatBounded(content: string) {
  return cohereV2.chat({ model: 'command-a-03-2025', messages: [{ role: 'user', content }], maxTokens: 500 }); // ok: llm-call-without-limit
}

export async function cohereEmbed(texts: string[]) {
  return cohere.embed({ texts, model: 'embed-english-v3.0', inputType: 'search_document' }); // ok: llm-call-without-limit
}

export async function cohereRerank(query: string, documents: string[]) {
  return cohere.rerank({ query, documents, model: 'rerank-english-v3.0', topN: 5 }); // ok: llm-call-without-limit
}
