// Shared knowledge about LLM generation calls for llm-call-without-limit and llm-call-in-loop:
// which calls generate text (the engine's `llm` recognisers, plus clients exported by the
// project's own modules: `import { openai } from '@/lib/openai'`), which vendor they belong to,
// and whether the request visibly sets an output-token limit.
import { ts } from 'ts-morph';
import { skipOuterExpressions } from '../../engine/ast';
import type { FileFacts } from '../../engine/fileFacts';
import { keyState, projectClientPaths, propertyValue, visibleObject, type KeyState } from './requestOptions';

export type LlmLibrary = 'openai' | 'anthropic' | 'google-genai' | 'google-generative-ai' | 'mistral' | 'cohere' | 'vercel-ai';

export interface LlmCall {
  library: LlmLibrary;
  /** The last step of the callee path: `create`, `generateContent`, `chat`, `generateText`. */
  method: string;
  /** The path after the client (`chat.completions.create`), for messages. */
  path: string[];
}

/** Names of an output-token limit across the SDKs (any of them counts, whatever the SDK). */
const LIMIT_NAME = /^(max_tokens|max_output_tokens|max_completion_tokens|max_tokens_to_sample|max_new_tokens|maxOutputTokens|maxTokens|maxCompletionTokens|maxNewTokens)$/;
export const isLimitName = (name: string): boolean => LIMIT_NAME.test(name);

const LIBRARIES = new Set<string>(['openai', 'anthropic', 'google-genai', 'google-generative-ai', 'mistral', 'cohere', 'vercel-ai']);

/** Shapes of generation calls on a client exported by the project's own module, per vendor. */
const PROJECT_SHAPES: { library: LlmLibrary; vendor: RegExp; shape: RegExp }[] = [
  { library: 'openai', vendor: /openai|gpt|llm|(^|[/_.-])ai([/_.-]|$)|^ai$/i, shape: /^((beta\.)?chat\.completions\.(create|parse|stream)|completions\.create|responses\.(create|parse|stream))$/ },
  { library: 'anthropic', vendor: /anthropic|claude/i, shape: /^(beta\.)?messages\.(create|stream)$/ },
  { library: 'google-genai', vendor: /gemini|genai|google|vertex|llm|(^|[/_.-])ai([/_.-]|$)|^ai$/i, shape: /^models\.(generateContent|generateContentStream)$/ },
  { library: 'mistral', vendor: /mistral/i, shape: /^chat\.(complete|stream)$/ },
  { library: 'cohere', vendor: /cohere/i, shape: /^(chat|chatStream|generate|generateStream)$/ },
];
/** The last step of every PROJECT_SHAPES shape. */
const SHAPE_METHODS = new Set(['create', 'parse', 'stream', 'generateContent', 'generateContentStream', 'complete', 'chat', 'chatStream', 'generate', 'generateStream']);

/**
 * A file whose text names none of the vendors cannot hold a call these rules judge (a cheap first
 * check). One case-insensitive regular expression over the text measured about three times faster
 * than a list of substring searches (53 MB of third-party sources: 110 ms against 320 ms), and the
 * answer is kept per source file so that both LLM rules pay for it once.
 */
const LLM_TEXT = /openai|anthropic|claude|genai|generative-?ai|vertexai|gemini|mistral|cohere|llm|\bai\b/i;
const gateCache = new WeakMap<ts.SourceFile, boolean>();
export function mayHaveLlmCalls(sf: ts.SourceFile): boolean {
  let answer = gateCache.get(sf);
  if (answer === undefined) {
    answer = LLM_TEXT.test(sf.text);
    gateCache.set(sf, answer);
  }
  return answer;
}

/** The LLM generation call `call` is, or undefined. */
export function llmCall(facts: FileFacts, call: ts.CallExpression): LlmCall | undefined {
  const k = facts.callKind(call);
  if (k) {
    if (k.kind !== 'llm' || !LIBRARIES.has(k.library)) return undefined;
    const path = k.origin.path;
    let start = 0;
    for (let i = 0; i < path.length; i++) if (path[i] === 'new') start = i + 1;
    return { library: k.library as LlmLibrary, method: k.method, path: k.library === 'google-generative-ai' ? [k.method] : path.slice(start) };
  }
  const callee = skipOuterExpressions(call.expression);
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  // every shape ends in one of these methods: most calls are turned away before any regex runs
  if (!SHAPE_METHODS.has(callee.name.text)) return undefined;
  const origin = facts.originOf(callee);
  if (!origin) return undefined;
  for (const s of PROJECT_SHAPES) {
    for (const rest of projectClientPaths(origin, s.vendor)) {
      if (s.shape.test(rest.join('.'))) return { library: s.library, method: rest[rest.length - 1], path: rest };
    }
  }
  return undefined;
}

/** What the message calls the vendor. */
export function vendorName(library: LlmLibrary): string {
  switch (library) {
    case 'openai':
      return 'OpenAI';
    case 'anthropic':
      return 'Anthropic';
    case 'google-genai':
    case 'google-generative-ai':
      return 'Google Gemini';
    case 'mistral':
      return 'Mistral';
    case 'cohere':
      return 'Cohere';
    case 'vercel-ai':
      return 'the AI SDK';
  }
}

/** The option that limits the output for this call, as the fix should name it. */
export function limitOption(c: LlmCall): string {
  switch (c.library) {
    case 'openai':
      if (c.path[0] === 'responses') return '`max_output_tokens`';
      if (c.method === 'createChatCompletion' || c.method === 'createCompletion' || c.path[0] === 'completions') return '`max_tokens`';
      return '`max_completion_tokens` (or `max_tokens`)';
    case 'anthropic':
      return c.path[c.path.length - 2] === 'completions' ? '`max_tokens_to_sample`' : '`max_tokens`';
    case 'google-genai':
      return '`config: { maxOutputTokens }`';
    case 'google-generative-ai':
      return '`generationConfig: { maxOutputTokens }` (in `getGenerativeModel` or in the request)';
    case 'mistral':
    case 'cohere':
      return '`maxTokens`';
    case 'vercel-ai':
      return '`maxOutputTokens` (`maxTokens` before AI SDK 5)';
  }
}

/**
 * Does the request visibly set an output-token limit? 'unknown' when the file cannot tell
 * (params from a parameter, a spread, a model configured elsewhere).
 */
export function outputLimitState(facts: FileFacts, call: ts.CallExpression, c: LlmCall): KeyState {
  if (call.arguments.some((a) => ts.isSpreadElement(a))) return 'unknown';
  const params = call.arguments[0];
  switch (c.library) {
    case 'google-genai': {
      // models.generateContent({ model, contents, config: { maxOutputTokens } }),
      // chat.sendMessage({ message, config }) on `ai.chats.create({ model, config })`
      const obj = visibleObject(facts, params);
      const inCall = obj ? nestedLimit(facts, obj, /^(config|generationConfig)$/) : params ? 'unknown' : 'absent';
      if (inCall !== 'absent' || !isChatMessage(c)) return inCall;
      return receiverLimit(facts, call);
    }
    case 'google-generative-ai': {
      // model.generateContent(prompt | { contents, generationConfig }); chat.sendMessage(prompt) on
      // `model.startChat({ generationConfig })`; the model's own `getGenerativeModel({ generationConfig })`
      const inCall = isChatMessage(c) ? 'absent' : generativeRequestLimit(facts, params);
      if (inCall === 'present') return 'present';
      const inModel = receiverLimit(facts, call);
      if (inModel === 'present') return 'present';
      return inCall === 'unknown' || inModel === 'unknown' ? 'unknown' : 'absent';
    }
    default:
      return keyState(facts, params, isLimitName);
  }
}

/** A limit inside a nested config object (`config: { maxOutputTokens }`) of a visible literal. */
function nestedLimit(facts: FileFacts, obj: ts.ObjectLiteralExpression, configName: RegExp): KeyState {
  const direct = keyState(facts, obj, isLimitName);
  if (direct === 'present') return 'present';
  const config = propertyValue(obj, (n) => configName.test(n));
  if (config.state === 'unknown') return 'unknown';
  if (config.state === 'absent') return direct;
  const inner = keyState(facts, config.value, isLimitName);
  return inner === 'absent' && direct === 'unknown' ? 'unknown' : inner;
}

const REQUEST_LIKE = /request|req$|params|options|opts|config|body|payload/i;

/**
 * `model.generateContent(x)` of `@google/generative-ai`: `x` is a prompt (a string, parts) or a
 * request object that may carry `generationConfig`. A prompt sets no limit.
 */
function generativeRequestLimit(facts: FileFacts, arg: ts.Expression | undefined): KeyState {
  if (!arg) return 'absent';
  const e = skipOuterExpressions(arg);
  if (ts.isStringLiteralLike(e) || ts.isTemplateExpression(e) || ts.isArrayLiteralExpression(e) || ts.isBinaryExpression(e)) return 'absent';
  const obj = visibleObject(facts, e);
  if (obj) return nestedLimit(facts, obj, /^generationConfig$/);
  if (ts.isIdentifier(e)) {
    const decl = facts.resolver.declarationOf(e);
    if (decl && ts.isVariableDeclaration(decl) && decl.initializer) {
      const init = skipOuterExpressions(decl.initializer);
      if (ts.isStringLiteralLike(init) || ts.isTemplateExpression(init) || ts.isArrayLiteralExpression(init) || ts.isBinaryExpression(init)) return 'absent';
    }
    return REQUEST_LIKE.test(e.text) ? 'unknown' : 'absent';
  }
  if (ts.isCallExpression(e) || ts.isPropertyAccessExpression(e)) {
    const name = ts.isCallExpression(e) ? skipOuterExpressions(e.expression).getText() : e.name.text;
    return REQUEST_LIKE.test(name) ? 'unknown' : 'absent';
  }
  return 'unknown';
}

function isChatMessage(c: LlmCall): boolean {
  return c.method === 'sendMessage' || c.method === 'sendMessageStream';
}

/** The limit set where the call's receiver was made (a model or a chat session), or 'unknown'. */
function receiverLimit(facts: FileFacts, call: ts.CallExpression): KeyState {
  const callee = skipOuterExpressions(call.expression);
  return ts.isPropertyAccessExpression(callee) ? creatorLimit(facts, callee.expression, 0) : 'unknown';
}

/**
 * The output limit of the call that made a model or a chat: `getGenerativeModel({ generationConfig })`,
 * `model.startChat({ generationConfig })` (falling back to the model's own config), and
 * `ai.chats.create({ config })` of `@google/genai`. Followed through local variables.
 */
function creatorLimit(facts: FileFacts, receiver: ts.Expression, depth: number): KeyState {
  if (depth > 4) return 'unknown';
  let e = skipOuterExpressions(receiver);
  if (ts.isAwaitExpression(e)) e = skipOuterExpressions(e.expression);
  if (ts.isCallExpression(e)) {
    const callee = skipOuterExpressions(e.expression);
    if (!ts.isPropertyAccessExpression(callee)) return 'unknown';
    const name = callee.name.text;
    const chatsCreate = name === 'create' && ts.isPropertyAccessExpression(callee.expression) && callee.expression.name.text === 'chats';
    if (name !== 'getGenerativeModel' && name !== 'startChat' && !chatsCreate) return 'unknown';
    const arg = e.arguments[0];
    let own: KeyState = 'absent';
    if (arg) {
      const obj = visibleObject(facts, arg);
      own = obj ? nestedLimit(facts, obj, chatsCreate ? /^config$/ : /^generationConfig$/) : 'unknown';
    }
    // a chat without its own config generates with the model's
    if (own === 'absent' && name === 'startChat') return creatorLimit(facts, callee.expression, depth + 1);
    return own;
  }
  if (ts.isIdentifier(e)) {
    const decl = facts.resolver.declarationOf(e);
    if (!decl || !ts.isVariableDeclaration(decl) || !decl.initializer) return 'unknown';
    return creatorLimit(facts, decl.initializer, depth + 1);
  }
  return 'unknown';
}
