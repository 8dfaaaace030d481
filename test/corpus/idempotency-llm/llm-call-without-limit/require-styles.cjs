const OpenAI = require('openai');
const { Anthropic: Claude } = require('@anthropic-ai/sdk');
const { GoogleGenerativeAI } = require('@google/generative-ai');
const genai = require('@google/genai');
const { CohereClient } = require('cohere-ai');
const { Mistral } = require('@mistralai/mistralai');

const client = new OpenAI.OpenAI();
const plain = new OpenAI();
const claude = new Claude();
const gemini = new GoogleGenerativeAI(process.env.GOOGLE_API_KEY);
const ai = new genai.GoogleGenAI({ apiKey: process.env.GOOGLE_API_KEY });
const co = new CohereClient({ token: process.env.COHERE_KEY });
const mistral = new Mistral({ apiKey: process.env.MISTRAL_KEY });

exports.tag = async (text) => {
  const r = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: text }] }); // expect: llm-call-without-limit
  return r.choices[0].message.content;
};

exports.tagBounded = async (text) => {
  const r = await plain.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 10, messages: [{ role: 'user', content: text }] }); // ok: llm-call-without-limit
  return r.choices[0].message.content;
};

exports.plainAsk = (text) => plain.responses.create({ model: 'gpt-4o-mini', input: text, instructions: 'One line.' }); // expect: llm-call-without-limit

exports.review = (diff) => claude.messages.create({ model: 'claude-3-5-sonnet-latest', messages: [{ role: 'user', content: diff }] }); // expect: llm-call-without-limit

exports.reviewBounded = (diff) => claude.messages.create({ model: 'claude-3-5-sonnet-latest', max_tokens: 2048, messages: [{ role: 'user', content: diff }] }); // ok: llm-call-without-limit

exports.caption = async (text) => {
  const model = gemini.getGenerativeModel({ model: 'gemini-1.5-flash', systemInstruction: 'Caption it.' });
  return (await model.generateContent(text)).response.text(); // expect: llm-call-without-limit
};

exports.captionBounded = async (text) => {
  const model = gemini.getGenerativeModel({ model: 'gemini-1.5-flash', generationConfig: { maxOutputTokens: 60, temperature: 0.3 } });
  return (await model.generateContent(text)).response.text(); // ok: llm-call-without-limit
};

exports.chatLegacy = async (turns, next) => {
  const model = gemini.getGenerativeModel({ model: 'gemini-1.5-flash' });
  const chat = model.startChat({ history: turns });
  return chat.sendMessage(next); // expect: llm-call-without-limit
};

exports.chatLegacyBounded = async (turns, next) => {
  const model = gemini.getGenerativeModel({ model: 'gemini-1.5-flash' });
  const chat = model.startChat({ history: turns, generationConfig: { maxOutputTokens: 500 } });
  return chat.sendMessage(next); // ok: llm-call-without-limit
};

exports.ask = (q) => ai.models.generateContent({ model: 'gemini-2.0-flash', contents: q }); // expect: llm-call-without-limit

exports.askBounded = (q) => ai.models.generateContent({ model: 'gemini-2.0-flash', contents: q, config: { maxOutputTokens: 100 } }); // ok: llm-call-without-limit

exports.coChat = (message) => co.chat({ message, preamble: 'You are a support agent.' }); // expect: llm-call-without-limit

exports.coChatBounded = (message) => co.chat({ message, maxTokens: 256 }); // ok: llm-call-without-limit

exports.mistralAsk = (content) => mistral.chat.complete({ model: 'open-mistral-nemo', messages: [{ role: 'user', content }] }); // expect: llm-call-without-limit

exports.mistralAskBounded = (content) => mistral.chat.complete({ model: 'open-mistral-nemo', maxTokens: 64, messages: [{ role: 'user', content }] }); // ok: llm-call-without-limit

exports.vectors = (input) => client.embeddings.create({ model: 'text-embedding-3-small', input }); // ok: llm-call-without-limit

exports.retrieveRun = (thread, run) => client.beta.threads.runs.retrieve(thread, run); // ok: llm-call-without-limit
