const Anthropic = require('@anthropic-ai/sdk');
const { OpenAI } = require('openai');

const anthropic = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });
const oai = new OpenAI();

async function summariseTicket(ticket) {
  const msg = await anthropic.messages.create({ // expect: llm-call-without-limit
    model: 'claude-3-5-sonnet-latest',
    messages: [{ role: 'user', content: `Summarise:\n${ticket.body}` }],
  });
  return msg.content[0].text;
}

async function summariseTicketBounded(ticket) {
  const msg = await anthropic.messages.create({ // ok: llm-call-without-limit
    model: 'claude-3-5-sonnet-latest',
    max_tokens: 1024,
    messages: [{ role: 'user', content: `Summarise:\n${ticket.body}` }],
  });
  return msg.content[0].text;
}

async function streamReply(history) {
  const stream = anthropic.messages.stream({ model: 'claude-3-5-haiku-latest', messages: history }); // expect: llm-call-without-limit
  return stream.finalMessage();
}

async function streamReplyBounded(history) {
  const stream = anthropic.messages.stream({ model: 'claude-3-5-haiku-latest', max_tokens: 400, messages: history }); // ok: llm-call-without-limit
  return stream.finalMessage();
}

async function classify(text) {
  const request = { model: 'claude-3-5-haiku-latest', system: 'Reply with one label.', messages: [{ role: 'user', content: text }] };
  return anthropic.messages.create(request); // expect: llm-call-without-limit
}

async function classifyBounded(text) {
  const request = { model: 'claude-3-5-haiku-latest', max_tokens: 5, messages: [{ role: 'user', content: text }] };
  return anthropic.messages.create(request); // ok: llm-call-without-limit
}

async function countTokens(text) {
  return anthropic.messages.countTokens({ model: 'claude-3-5-haiku-latest', messages: [{ role: 'user', content: text }] }); // ok: llm-call-without-limit
}

async function betaTools(messages, tools) {
  return anthropic.beta.messages.create({ model: 'claude-3-7-sonnet-latest', messages, tools, betas: ['token-efficient-tools-2025-02-19'] }); // expect: llm-call-without-limit
}

async function draft(prompt) {
  const res = await oai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: prompt }] }); // expect: llm-call-without-limit
  return res.choices[0].message.content;
}

async function draftBounded(prompt) {
  const res = await oai.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 150, messages: [{ role: 'user', content: prompt }] }); // ok: llm-call-without-limit
  return res.choices[0].message.content;
}

async function forward(options) {
  return anthropic.messages.create(options); // ok: llm-call-without-limit
}

async function forwardMerged(options, messages) {
  return anthropic.messages.create({ ...options, messages }); // ok: llm-call-without-limit
}

module.exports = { summariseTicket, summariseTicketBounded, streamReply, streamReplyBounded, classify, classifyBounded, countTokens, betaTools, draft, draftBounded, forward, forwardMerged };
