// @ts-nocheck
import OpenAI from 'openai';
import type { ChatCompletionCreateParams } from 'openai/resources/chat/completions';

const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });

export async function answer(question: string) {
  const completion = await openai.chat.completions.create({ // expect: llm-call-without-limit
    model: 'gpt-4o',
    messages: [{ role: 'user', content: question }],
  });
  return completion.choices[0].message.content;
}

export async function answerBounded(question: string) {
  const completion = await openai.chat.completions.create({ // ok: llm-call-without-limit
    model: 'gpt-4o',
    max_tokens: 512,
    messages: [{ role: 'user', content: question }],
  });
  return completion.choices[0].message.content;
}

export async function reason(question: string) {
  return openai.chat.completions.create({ model: 'o3-mini', max_completion_tokens: 4000, messages: [{ role: 'user', content: question }] }); // ok: llm-call-without-limit
}

export async function reasonUnbounded(question: string) {
  return openai.chat.completions.create({ model: 'o3-mini', reasoning_effort: 'high', messages: [{ role: 'user', content: question }] }); // expect: llm-call-without-limit
}

export async function respond(input: string) {
  const response = await openai.responses.create({ model: 'gpt-4.1', input }); // expect: llm-call-without-limit
  return response.output_text;
}

export async function respondBounded(input: string) {
  const response = await openai.responses.create({ model: 'gpt-4.1', input, max_output_tokens: 800 }); // ok: llm-call-without-limit
  return response.output_text;
}

export async function streamAnswer(question: string) {
  const stream = await openai.chat.completions.create({ model: 'gpt-4o-mini', stream: true, messages: [{ role: 'user', content: question }] }); // expect: llm-call-without-limit
  for await (const chunk of stream) process.stdout.write(chunk.choices[0]?.delta?.content ?? '');
}

export async function legacyComplete(prompt: string) {
  return openai.completions.create({ model: 'gpt-3.5-turbo-instruct', prompt }); // expect: llm-call-without-limit
}

export async function legacyCompleteBounded(prompt: string) {
  return openai.completions.create({ model: 'gpt-3.5-turbo-instruct', prompt, max_tokens: 64 }); // ok: llm-call-without-limit
}

export async function extract(text: string) {
  return openai.beta.chat.completions.parse({ model: 'gpt-4o-2024-08-06', messages: [{ role: 'user', content: text }], response_format: { type: 'json_object' } }); // expect: llm-call-without-limit
}

export async function withLocalParams(question: string) {
  const params = { model: 'gpt-4o', messages: [{ role: 'user' as const, content: question }], temperature: 0.2 };
  return openai.chat.completions.create(params); // expect: llm-call-without-limit
}

export async function withLocalParamsBounded(question: string) {
  const params = { model: 'gpt-4o', messages: [{ role: 'user' as const, content: question }], max_tokens: 300 };
  return openai.chat.completions.create(params); // ok: llm-call-without-limit
}

// Parameters from the caller: the limit may be in there.
export async function passThrough(params: ChatCompletionCreateParams) {
  return openai.chat.completions.create(params); // ok: llm-call-without-limit
}

export async function withDefaults(messages: OpenAI.ChatCompletionMessageParam[], defaults: Partial<ChatCompletionCreateParams>) {
  return openai.chat.completions.create({ model: 'gpt-4o', ...defaults, messages }); // ok: llm-call-without-limit
}

// Not generation calls.
export async function embed(text: string) {
  return openai.embeddings.create({ model: 'text-embedding-3-small', input: text }); // ok: llm-call-without-limit
}

export async function moderate(text: string) {
  return openai.moderations.create({ input: text }); // ok: llm-call-without-limit
}

export async function models() {
  return openai.models.list(); // ok: llm-call-without-limit
}

export async function transcribe(file: File) {
  return openai.audio.transcriptions.create({ file, model: 'whisper-1' }); // ok: llm-call-without-limit
}
