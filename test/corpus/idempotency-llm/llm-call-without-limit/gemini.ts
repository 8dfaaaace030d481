// @ts-nocheck
import { GoogleGenAI } from '@google/genai';
import { GoogleGenerativeAI } from '@google/generative-ai';

const ai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });
const genAI = new GoogleGenerativeAI(process.env.GEMINI_API_KEY!);

export async function describe(prompt: string) {
  const response = await ai.models.generateContent({ model: 'gemini-2.0-flash', contents: prompt }); // expect: llm-call-without-limit
  return response.text;
}

export async function describeBounded(prompt: string) {
  const response = await ai.models.generateContent({ model: 'gemini-2.0-flash', contents: prompt, config: { maxOutputTokens: 300 } }); // ok: llm-call-without-limit
  return response.text;
}

export async function describeWithOtherConfig(prompt: string) {
  const response = await ai.models.generateContent({ model: 'gemini-2.0-flash', contents: prompt, config: { temperature: 0.1, systemInstruction: 'Be terse.' } }); // expect: llm-call-without-limit
  return response.text;
}

export async function streamDescribe(prompt: string) {
  const stream = await ai.models.generateContentStream({ model: 'gemini-2.0-flash', contents: prompt }); // expect: llm-call-without-limit
  for await (const chunk of stream) process.stdout.write(chunk.text ?? '');
}

export async function streamDescribeBounded(prompt: string) {
  const stream = await ai.models.generateContentStream({ model: 'gemini-2.0-flash', contents: prompt, config: { maxOutputTokens: 1000 } }); // ok: llm-call-without-limit
  for await (const chunk of stream) process.stdout.write(chunk.text ?? '');
}

export async function embedText(text: string) {
  return ai.models.embedContent({ model: 'text-embedding-004', contents: text }); // ok: llm-call-without-limit
}

export async function countText(text: string) {
  return ai.models.countTokens({ model: 'gemini-2.0-flash', contents: text }); // ok: llm-call-without-limit
}

// @google/generative-ai: the limit lives on the model (getGenerativeModel) or on the request.
export async function legacyAsk(prompt: string) {
  const model = genAI.getGenerativeModel({ model: 'gemini-1.5-flash' });
  const result = await model.generateContent(prompt); // expect: llm-call-without-limit
  return result.response.text();
}

export async function legacyAskModelBounded(prompt: string) {
  const model = genAI.getGenerativeModel({ model: 'gemini-1.5-flash', generationConfig: { maxOutputTokens: 256 } });
  const result = await model.generateContent(prompt); // ok: llm-call-without-limit
  return result.response.text();
}

export async function legacyAskRequestBounded(prompt: string) {
  const model = genAI.getGenerativeModel({ model: 'gemini-1.5-flash' });
  const result = await model.generateContent({ contents: [{ role: 'user', parts: [{ text: prompt }] }], generationConfig: { maxOutputTokens: 128 } }); // ok: llm-call-without-limit
  return result.response.text();
}

export async function legacyStream(prompt: string) {
  const model = genAI.getGenerativeModel({ model: 'gemini-1.5-pro', generationConfig: { temperature: 0.7 } });
  const result = await model.generateContentStream(prompt); // expect: llm-call-without-limit
  for await (const chunk of result.stream) process.stdout.write(chunk.text());
}

export async function legacyEmbed(text: string) {
  const model = genAI.getGenerativeModel({ model: 'text-embedding-004' });
  return model.embedContent(text); // ok: llm-call-without-limit
}
