// llm-call-without-limit: an LLM generation call whose request sets no output-token limit.
// OpenAI (`chat.completions.create`, `completions.create`, `responses.create`, `…parse`,
// `…stream`), Anthropic (`messages.create` / `stream`), Google Gen AI (`models.generateContent`),
// Google Generative AI / Vertex AI (`getGenerativeModel(…).generateContent`), Mistral
// (`chat.complete` / `stream`), Cohere (`chat` / `generate`) and the Vercel AI SDK
// (`generateText` / `streamText` / `generateObject` / `streamObject`). A request the file does not
// show (a parameter, a spread, a model configured elsewhere) is not flagged.
// See docs/rules/llm-call-without-limit.md for every decision.
import { ts } from 'ts-morph';
import { defineRule } from '../engine/rule';
import { describeCall, isTestOrSeedFile } from './shared/dataAccess';
import { limitOption, llmCall, mayHaveLlmCalls, outputLimitState, vendorName } from './shared/llmCalls';

export const llmCallWithoutLimit = defineRule({
  id: 'llm-call-without-limit',
  category: 'cost-control',
  defaultSeverity: 'HIGH',
  title: 'LLM generation call without an output-token limit',
  requiresTypeInfo: false,
  options: {},
  docs: {
    summary:
      'Flags OpenAI, Anthropic, Google Gemini, Mistral, Cohere and Vercel AI SDK generation calls whose request sets no output-token limit (`max_tokens`, `max_completion_tokens`, `max_output_tokens`, `maxOutputTokens`, `maxTokens`).',
    why:
      'Output tokens are the most expensive part of a generation call, and without a limit the model may write until its own maximum. One prompt that makes the model ramble, repeat itself or dump a document multiplies the cost and the latency of that call, and inside a batch job or a popular endpoint it multiplies the bill. A limit also caps how long a request can hold a worker.',
    fix:
      'Set the largest answer the feature needs: `max_completion_tokens` (or `max_tokens`) for OpenAI chat completions, `max_output_tokens` for the Responses API, `max_tokens` for Anthropic, `config: { maxOutputTokens }` for `@google/genai`, `generationConfig: { maxOutputTokens }` for `@google/generative-ai`, `maxTokens` for Mistral and Cohere, `maxOutputTokens` for the AI SDK. Handle the truncated answer (`finish_reason: "length"`, `stop_reason: "max_tokens"`).',
    invalid: [
      {
        code: "import OpenAI from 'openai';\n\nconst openai = new OpenAI();\n\nexport async function summarise(text: string) {\n  const completion = await openai.chat.completions.create({\n    model: 'gpt-4o-mini',\n    messages: [{ role: 'user', content: `Summarise: ${text}` }],\n  });\n  return completion.choices[0]?.message.content ?? '';\n}\n",
      },
      {
        code: "import { GoogleGenAI } from '@google/genai';\n\nconst ai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });\n\nexport const caption = (prompt: string) => ai.models.generateContent({ model: 'gemini-2.0-flash', contents: prompt });\n",
      },
    ],
    valid: [
      {
        code: "import OpenAI from 'openai';\n\nconst openai = new OpenAI();\n\nexport const summarise = (text: string) =>\n  openai.chat.completions.create({ model: 'gpt-4o-mini', max_completion_tokens: 200, messages: [{ role: 'user', content: text }] });\n",
      },
      {
        code: "import Anthropic from '@anthropic-ai/sdk';\n\nconst anthropic = new Anthropic();\n\nexport const answer = (question: string) =>\n  anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 1024, messages: [{ role: 'user', content: question }] });\n",
      },
      {
        code: "import OpenAI from 'openai';\n\nconst openai = new OpenAI();\n\n// the request is built elsewhere: the rule cannot see it\nexport const complete = (params: OpenAI.Chat.ChatCompletionCreateParamsNonStreaming) => openai.chat.completions.create(params);\n",
      },
    ],
  },
  create(context) {
    if (isTestOrSeedFile(context.file)) return {};
    if (!mayHaveLlmCalls(context.sourceFile)) return {};
    const facts = context.facts;
    const sf = context.sourceFile;
    return {
      CallExpression: (node: ts.Node) => {
        const call = node as ts.CallExpression;
        const c = llmCall(facts, call);
        if (!c) return;
        if (outputLimitState(facts, call, c) !== 'absent') return;
        const vendor = vendorName(c.library);
        const required =
          c.library === 'anthropic' && c.method === 'create' && c.path[c.path.length - 2] === 'messages'
            ? ' (the Messages API rejects a request without `max_tokens`, so this call fails as written)'
            : '';
        context.report(
          call,
          `\`${describeCall(call, sf)}\` asks ${vendor} to generate text with no limit on the output tokens${required}. Without one the model may write up to its own maximum on any call, and output tokens are the expensive ones: a prompt that makes it ramble or repeat itself, run in a loop or a busy endpoint, turns into slow responses and a large bill. Set ${limitOption(c)} to the longest answer this feature needs, and handle a truncated answer.`,
        );
      },
    };
  },
});
