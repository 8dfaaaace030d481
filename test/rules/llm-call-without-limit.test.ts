import { llmCallWithoutLimit } from '../../src/core/rules/llm-call-without-limit';
import { runDocsExamples, runFixtureTests, runRuleTests, type InvalidCase, type RuleCase } from './ruleTester';

const invalid: InvalidCase[] = [
  {
    name: 'OpenAI spread of a visible module constant that has no limit',
    code: `import OpenAI from 'openai';

const openai = new OpenAI();
const DEFAULTS = { model: 'gpt-4o-mini', temperature: 0.3 };

export const reply = (messages: OpenAI.ChatCompletionMessageParam[]) => openai.chat.completions.create({ ...DEFAULTS, messages });
`,
    line: 6,
  },
  {
    name: 'OpenAI runTools helper without a limit',
    code: `import OpenAI from 'openai';

const openai = new OpenAI();

export const run = (messages: OpenAI.ChatCompletionMessageParam[]) => openai.beta.chat.completions.runTools({ model: 'gpt-4o', messages, tools: [] });
`,
  },
  {
    name: 'Google Gen AI chat session created without a limit',
    code: `import { GoogleGenAI } from '@google/genai';

const ai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });

export async function ask(question: string) {
  const chat = ai.chats.create({ model: 'gemini-2.0-flash', config: { temperature: 0.2 } });
  const reply = await chat.sendMessage({ message: question });
  return reply.text;
}
`,
    line: 7,
  },
  {
    name: 'Google Generative AI chat session: neither startChat nor the model sets a limit',
    file: 'src/chat.js',
    code: `const { GoogleGenerativeAI } = require('@google/generative-ai');

const genAI = new GoogleGenerativeAI(process.env.GOOGLE_API_KEY);

exports.reply = async (history, text) => {
  const model = genAI.getGenerativeModel({ model: 'gemini-1.5-flash' });
  const chat = model.startChat({ history });
  return chat.sendMessageStream(text);
};
`,
    line: 8,
  },
  {
    name: 'Mistral fill-in-the-middle without maxTokens',
    code: `import { Mistral } from '@mistralai/mistralai';

const mistral = new Mistral({ apiKey: process.env.MISTRAL_API_KEY ?? '' });

export const complete = (prompt: string, suffix: string) => mistral.fim.complete({ model: 'codestral-latest', prompt, suffix });
`,
  },
  {
    name: 'OpenAI default import, chat.completions.create',
    code: `import OpenAI from 'openai';

const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });

export async function summarise(text: string) {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: text }],
  });
  return completion.choices[0]?.message.content ?? '';
}
`,
    line: 6,
    severity: 'HIGH',
    messageIncludes: ['`openai.chat.completions.create(…)`', 'OpenAI', '`max_completion_tokens`', 'bill'],
  },
  {
    name: 'OpenAI named import, responses.create',
    code: `import { OpenAI } from 'openai';

const client = new OpenAI();

export const classify = (input: string) => client.responses.create({ model: 'gpt-4.1-mini', input });
`,
    messageIncludes: ['`max_output_tokens`'],
  },
  {
    name: 'OpenAI require, legacy completions.create',
    file: 'src/legacy.js',
    code: `const OpenAI = require('openai');

const openai = new OpenAI();

async function complete(prompt) {
  const res = await openai.completions.create({ model: 'gpt-3.5-turbo-instruct', prompt });
  return res.choices[0].text;
}
module.exports = { complete };
`,
    messageIncludes: ['`max_tokens`'],
  },
  {
    name: 'OpenAI beta.chat.completions.parse on a class member typed OpenAI',
    code: `import OpenAI from 'openai';

export class Extractor {
  constructor(private readonly openai: OpenAI) {}

  extract(text: string) {
    return this.openai.beta.chat.completions.parse({ model: 'gpt-4o', messages: [{ role: 'user', content: text }], response_format: { type: 'json_object' } });
  }
}
`,
  },
  {
    name: 'AzureOpenAI streaming chat',
    code: `import { AzureOpenAI } from 'openai';

const azure = new AzureOpenAI({ apiVersion: '2024-10-21' });

export const stream = (q: string) => azure.chat.completions.create({ model: 'gpt-4o', stream: true, messages: [{ role: 'user', content: q }] });
`,
  },
  {
    name: 'OpenAI client exported by the project module',
    code: `import { openai } from '@/lib/openai';

export async function tagline(product: string) {
  const r = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: product }] });
  return r.choices[0].message.content;
}
`,
  },
  {
    name: 'OpenAI params in a local const without a limit',
    code: `import OpenAI from 'openai';

const openai = new OpenAI();

export async function translate(text: string, to: string) {
  const params = { model: 'gpt-4o-mini', temperature: 0, messages: [{ role: 'user' as const, content: \`Translate to \${to}: \${text}\` }] };
  return openai.chat.completions.create(params);
}
`,
  },
  {
    name: 'Anthropic messages.create without max_tokens (the API requires it)',
    code: `import Anthropic from '@anthropic-ai/sdk';

const anthropic = new Anthropic();

export const answer = (question: string) => anthropic.messages.create({ model: 'claude-sonnet-4-5', messages: [{ role: 'user', content: question }] } as any);
`,
    messageIncludes: ['Anthropic', 'rejects a request without `max_tokens`'],
  },
  {
    name: 'Anthropic messages.stream, named import',
    code: `import { Anthropic } from '@anthropic-ai/sdk';

const claude = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });

export const draft = (topic: string) => claude.messages.stream({ model: 'claude-haiku-4-5', messages: [{ role: 'user', content: topic }] } as any);
`,
  },
  {
    name: 'Google Gen AI models.generateContent with a config lacking the limit',
    code: `import { GoogleGenAI } from '@google/genai';

const ai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });

export const caption = (prompt: string) => ai.models.generateContent({ model: 'gemini-2.0-flash', contents: prompt, config: { temperature: 0.2 } });
`,
    messageIncludes: ['Google Gemini', '`config: { maxOutputTokens }`'],
  },
  {
    name: 'Google Generative AI: model without generationConfig, prompt string',
    code: `import { GoogleGenerativeAI } from '@google/generative-ai';

const genAI = new GoogleGenerativeAI(process.env.GEMINI_API_KEY!);
const model = genAI.getGenerativeModel({ model: 'gemini-1.5-flash' });

export async function describe(prompt: string) {
  const result = await model.generateContent(prompt);
  return result.response.text();
}
`,
    line: 7,
  },
  {
    name: 'Vertex AI generateContentStream, chained getGenerativeModel',
    code: `import { VertexAI } from '@google-cloud/vertexai';

const vertex = new VertexAI({ project: 'p', location: 'europe-west4' });

export const stream = (text: string) =>
  vertex.getGenerativeModel({ model: 'gemini-1.5-pro', generationConfig: { temperature: 0.1 } }).generateContentStream({ contents: [{ role: 'user', parts: [{ text }] }] });
`,
  },
  {
    name: 'Mistral chat.complete without maxTokens',
    code: `import { Mistral } from '@mistralai/mistralai';

const mistral = new Mistral({ apiKey: process.env.MISTRAL_API_KEY });

export const reply = (content: string) => mistral.chat.complete({ model: 'mistral-small-latest', messages: [{ role: 'user', content }] });
`,
    messageIncludes: ['Mistral', '`maxTokens`'],
  },
  {
    name: 'Mistral v0 default import, chat',
    file: 'src/mistral.js',
    code: `const MistralClient = require('@mistralai/mistralai');

const client = new MistralClient(process.env.MISTRAL_API_KEY);

exports.reply = (content) => client.chat({ model: 'mistral-tiny', messages: [{ role: 'user', content }] });
`,
  },
  {
    name: 'Cohere CohereClient chat without maxTokens',
    code: `import { CohereClient } from 'cohere-ai';

const cohere = new CohereClient({ token: process.env.COHERE_API_KEY });

export const chat = (message: string) => cohere.chat({ model: 'command-r', message });
`,
    messageIncludes: ['Cohere'],
  },
  {
    name: 'Cohere legacy generate (max_tokens missing)',
    file: 'src/cohere.js',
    code: `const cohere = require('cohere-ai');
cohere.init(process.env.COHERE_API_KEY);

async function write(prompt) {
  const response = await cohere.generate({ model: 'command', prompt, temperature: 0.8 });
  return response.body.generations[0].text;
}
module.exports = { write };
`,
  },
  {
    name: 'Vercel AI SDK generateText and streamText without a limit',
    code: `import { generateText, streamText } from 'ai';
import { openai } from '@ai-sdk/openai';

export async function both(prompt: string) {
  const { text } = await generateText({ model: openai('gpt-4o-mini'), prompt });
  const stream = streamText({ model: openai('gpt-4o-mini'), prompt });
  return { text, stream };
}
`,
    count: 2,
  },
];

const valid: (string | RuleCase)[] = [
  {
    name: 'OpenAI spread of a visible module constant that sets the limit',
    code: `import OpenAI from 'openai';

const openai = new OpenAI();
const LIMITS = { max_tokens: 400 };

export const reply = (messages: OpenAI.ChatCompletionMessageParam[]) => openai.chat.completions.create({ model: 'gpt-4o-mini', ...LIMITS, messages });
`,
  },
  {
    name: 'Google Gen AI chat session: limit on the chat or on the message',
    code: `import { GoogleGenAI } from '@google/genai';

const ai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });

export async function ask(question: string) {
  const chat = ai.chats.create({ model: 'gemini-2.0-flash', config: { maxOutputTokens: 300 } });
  return (await chat.sendMessage({ message: question })).text;
}

export async function askOnce(question: string) {
  const chat = ai.chats.create({ model: 'gemini-2.0-flash' });
  return (await chat.sendMessage({ message: question, config: { maxOutputTokens: 100 } })).text;
}
`,
  },
  {
    name: 'Google Generative AI chat session: limit on startChat or on the model',
    file: 'src/chat.js',
    code: `const { GoogleGenerativeAI } = require('@google/generative-ai');

const genAI = new GoogleGenerativeAI(process.env.GOOGLE_API_KEY);

exports.reply = async (history, text) => {
  const model = genAI.getGenerativeModel({ model: 'gemini-1.5-flash' });
  return model.startChat({ history, generationConfig: { maxOutputTokens: 500 } }).sendMessage(text);
};

exports.replyBounded = async (history, text) => {
  const model = genAI.getGenerativeModel({ model: 'gemini-1.5-flash', generationConfig: { maxOutputTokens: 200 } });
  const chat = model.startChat({ history });
  return chat.sendMessage(text);
};
`,
  },
  {
    name: 'a chat session handed in (configured elsewhere)',
    code: `import type { Chat } from '@google/genai';

export const ask = (chat: Chat, message: string) => chat.sendMessage({ message });
`,
  },
  {
    name: 'OpenAI chat with max_tokens',
    code: `import OpenAI from 'openai';

const openai = new OpenAI();

export const summarise = (text: string) =>
  openai.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 120, messages: [{ role: 'user', content: text }] });
`,
  },
  {
    name: 'OpenAI responses with max_output_tokens from a constant',
    code: `import OpenAI from 'openai';

const openai = new OpenAI();
const MAX_OUTPUT = 64;

export const classify = (input: string) => openai.responses.create({ model: 'gpt-4.1-mini', input, max_output_tokens: MAX_OUTPUT });
`,
  },
  {
    name: 'OpenAI params in a local const with max_completion_tokens',
    code: `import OpenAI from 'openai';

const openai = new OpenAI();

export async function translate(text: string) {
  const params = { model: 'gpt-4o-mini', max_completion_tokens: 400, messages: [{ role: 'user' as const, content: text }] };
  return openai.chat.completions.create(params);
}
`,
  },
  {
    name: 'OpenAI params from a parameter (cannot be seen)',
    code: `import OpenAI from 'openai';

const openai = new OpenAI();

export const complete = (params: OpenAI.Chat.ChatCompletionCreateParamsNonStreaming) => openai.chat.completions.create(params);
`,
  },
  {
    name: 'OpenAI params with a spread (cannot be seen)',
    code: `import OpenAI from 'openai';

const openai = new OpenAI();

export const complete = (base: object, content: string) => openai.chat.completions.create({ ...base, model: 'gpt-4o', messages: [{ role: 'user', content }] } as any);
`,
  },
  {
    name: 'OpenAI calls that generate no text: embeddings, moderation, models',
    code: `import OpenAI from 'openai';

const openai = new OpenAI();

export async function index(text: string) {
  await openai.moderations.create({ input: text });
  await openai.models.list();
  return openai.embeddings.create({ model: 'text-embedding-3-small', input: text });
}
`,
  },
  {
    name: 'Anthropic with max_tokens',
    code: `import Anthropic from '@anthropic-ai/sdk';

const anthropic = new Anthropic();

export const answer = (q: string) => anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 1024, messages: [{ role: 'user', content: q }] });
`,
  },
  {
    name: 'Google Gen AI with config.maxOutputTokens',
    code: `import { GoogleGenAI } from '@google/genai';

const ai = new GoogleGenAI({});

export const caption = (prompt: string) => ai.models.generateContent({ model: 'gemini-2.0-flash', contents: prompt, config: { maxOutputTokens: 256 } });
`,
  },
  {
    name: 'Google Generative AI: limit on the model',
    code: `import { GoogleGenerativeAI } from '@google/generative-ai';

const genAI = new GoogleGenerativeAI(process.env.GEMINI_API_KEY!);
const model = genAI.getGenerativeModel({ model: 'gemini-1.5-flash', generationConfig: { maxOutputTokens: 300 } });

export const describe = async (prompt: string) => (await model.generateContent(prompt)).response.text();
`,
  },
  {
    name: 'Google Generative AI: limit in the request',
    code: `import { GoogleGenerativeAI } from '@google/generative-ai';

const model = new GoogleGenerativeAI('key').getGenerativeModel({ model: 'gemini-1.5-flash' });

export const describe = (text: string) =>
  model.generateContent({ contents: [{ role: 'user', parts: [{ text }] }], generationConfig: { maxOutputTokens: 200 } });
`,
  },
  {
    name: 'Google Generative AI: model passed in (configured elsewhere)',
    code: `import type { GenerativeModel } from '@google/generative-ai';

export const describe = (model: GenerativeModel, prompt: string) => model.generateContent(prompt);
`,
  },
  {
    name: 'Mistral and Cohere with maxTokens',
    code: `import { Mistral } from '@mistralai/mistralai';
import { CohereClient } from 'cohere-ai';

const mistral = new Mistral({ apiKey: 'k' });
const cohere = new CohereClient({ token: 't' });

export async function both(content: string) {
  await mistral.chat.complete({ model: 'mistral-small-latest', maxTokens: 300, messages: [{ role: 'user', content }] });
  return cohere.chat({ model: 'command-r', message: content, maxTokens: 300 });
}
`,
  },
  {
    name: 'Vercel AI SDK with maxOutputTokens / maxTokens',
    code: `import { generateText, streamText } from 'ai';
import { anthropic } from '@ai-sdk/anthropic';

export async function both(prompt: string) {
  await generateText({ model: anthropic('claude-haiku-4-5'), prompt, maxOutputTokens: 500 });
  return streamText({ model: anthropic('claude-haiku-4-5'), prompt, maxTokens: 500 });
}
`,
  },
  {
    name: 'a local function named generateText is not the AI SDK',
    code: `async function generateText(opts: { prompt: string }) {
  return { text: opts.prompt.toUpperCase() };
}

export const shout = (prompt: string) => generateText({ prompt });
`,
  },
  {
    name: 'Twilio messages.create is not Anthropic',
    code: `import twilio from 'twilio';

const client = twilio(process.env.TWILIO_SID, process.env.TWILIO_TOKEN);

export const sms = (to: string, body: string) => client.messages.create({ to, from: '+15550100', body });
`,
  },
  {
    name: 'test files are skipped',
    file: 'src/ai/summarise.test.ts',
    code: `import OpenAI from 'openai';

const openai = new OpenAI();

it('summarises', async () => {
  await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] });
});
`,
  },
];

runRuleTests(llmCallWithoutLimit, { valid, invalid });
runFixtureTests(llmCallWithoutLimit);
runDocsExamples(llmCallWithoutLimit);
