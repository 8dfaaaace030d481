const Anthropic = require('@anthropic-ai/sdk');
const pLimit = require('p-limit');

const anthropic = new Anthropic();
const limit = pLimit(4);
const MAX_REVIEWS = 50;

async function reviewFiles(files) {
  const reviews = [];
  for (const file of files) {
    const msg = await anthropic.messages.create({ model: 'claude-3-5-sonnet-latest', max_tokens: 800, messages: [{ role: 'user', content: file.diff }] }); // expect: llm-call-in-loop
    reviews.push(msg.content[0].text);
  }
  return reviews;
}

// Concurrency limit is not a count or budget: still one call per file.
async function reviewFilesConcurrently(files) {
  return Promise.all(files.map((file) => limit(() => anthropic.messages.create({ model: 'claude-3-5-haiku-latest', max_tokens: 400, messages: [{ role: 'user', content: file.diff }] })))); // expect: llm-call-in-loop
}

async function reviewQueue(queue) {
  while (queue.length > 0) {
    const item = queue.shift();
    await anthropic.messages.create({ model: 'claude-3-5-haiku-latest', max_tokens: 400, messages: [{ role: 'user', content: item.text }] }); // expect: llm-call-in-loop
  }
}

async function reviewByKey(filesByPath) {
  for (const path in filesByPath) {
    await anthropic.messages.create({ model: 'claude-3-5-haiku-latest', max_tokens: 400, messages: [{ role: 'user', content: filesByPath[path] }] }); // expect: llm-call-in-loop
  }
}

async function reviewEntries(map) {
  for (const [path, diff] of map.entries()) {
    const s = anthropic.messages.stream({ model: 'claude-3-5-haiku-latest', max_tokens: 400, messages: [{ role: 'user', content: `${path}\n${diff}` }] }); // expect: llm-call-in-loop
    await s.finalMessage();
  }
}

async function reviewReduce(files) {
  return files.reduce(async (accP, file) => {
    const acc = await accP;
    const msg = await anthropic.messages.create({ model: 'claude-3-5-haiku-latest', max_tokens: 300, messages: [{ role: 'user', content: file.diff }] }); // expect: llm-call-in-loop
    return [...acc, msg];
  }, Promise.resolve([]));
}

async function reviewCapped(files) {
  let done = 0;
  for (const file of files) {
    if (++done > MAX_REVIEWS) break;
    await anthropic.messages.create({ model: 'claude-3-5-haiku-latest', max_tokens: 400, messages: [{ role: 'user', content: file.diff }] }); // ok: llm-call-in-loop
  }
}

async function reviewUntilEnough(files) {
  const findings = [];
  for (const file of files) {
    if (findings.length >= 10) break;
    const msg = await anthropic.messages.create({ model: 'claude-3-5-haiku-latest', max_tokens: 400, messages: [{ role: 'user', content: file.diff }] }); // ok: llm-call-in-loop
    findings.push(msg);
  }
  return findings;
}

// A fixed, literal list of three variants: bounded by construction (open case).
async function translateTagline(tagline) {
  const out = {};
  for (const lang of ['French', 'German', 'Spanish']) {
    const msg = await anthropic.messages.create({ model: 'claude-3-5-haiku-latest', max_tokens: 100, messages: [{ role: 'user', content: `Translate to ${lang}: ${tagline}` }] }); // ok: llm-call-in-loop
    out[lang] = msg.content[0].text;
  }
  return out;
}

async function reviewWithBudgetTracker(files, budget) {
  for (const file of files) {
    if (!budget.canSpend(400)) break;
    const msg = await anthropic.messages.create({ model: 'claude-3-5-haiku-latest', max_tokens: 400, messages: [{ role: 'user', content: file.diff }] }); // ok: llm-call-in-loop
    budget.record(msg.usage.output_tokens + msg.usage.input_tokens);
  }
}

async function reviewSingle(file) {
  return anthropic.messages.create({ model: 'claude-3-5-haiku-latest', max_tokens: 400, messages: [{ role: 'user', content: file.diff }] }); // ok: llm-call-in-loop
}

async function countAll(files) {
  // token counting is not generation
  for (const file of files) await anthropic.messages.countTokens({ model: 'claude-3-5-haiku-latest', messages: [{ role: 'user', content: file.diff }] }); // ok: llm-call-in-loop
}

module.exports = { reviewFiles, reviewFilesConcurrently, reviewQueue, reviewByKey, reviewEntries, reviewReduce, reviewCapped, reviewUntilEnough, translateTagline, reviewWithBudgetTracker, reviewSingle, countAll };
