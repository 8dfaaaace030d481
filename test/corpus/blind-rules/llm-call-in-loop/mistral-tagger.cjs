const { Mistral } = require('@mistralai/mistralai');
const { setTimeout: sleep } = require('node:timers/promises');
const logger = require('./logger');

const mistral = new Mistral({ apiKey: process.env.MISTRAL_API_KEY });
const MODEL = 'mistral-small-latest';

async function tagArticles(articles) {
  const tagged = [];
  for (const article of articles) {
    if (!article.body) continue;
    const res = await mistral.chat.complete({ // expect: llm-call-in-loop
      model: MODEL,
      messages: [
        { role: 'system', content: 'Return 5 topical tags as a JSON array.' },
        { role: 'user', content: article.body },
      ],
    });
    tagged.push({ id: article.id, tags: JSON.parse(res.choices[0].message.content) });
  }
  return tagged;
}

async function completeSnippets(snippets) {
  return Promise.all(
    snippets.map(async (s) => {
      const r = await mistral.fim.complete({ model: 'codestral-latest', prompt: s.prefix, suffix: s.suffix }); // expect: llm-call-in-loop
      return r.choices[0].message.content;
    }),
  );
}

async function streamAnswers(questions, onChunk) {
  for (let i = 0; i < questions.length; i++) {
    const stream = await mistral.chat.stream({ // expect: llm-call-in-loop
      model: MODEL,
      maxTokens: 300,
      messages: [{ role: 'user', content: questions[i] }],
    });
    for await (const ev of stream) {
      onChunk(i, ev.data.choices[0].delta.content);
    }
  }
}

async function headlineVariants(articlesById) {
  const variants = {};
  for (const id in articlesById) {
    try {
      const res = await mistral.chat.complete({ // expect: llm-call-in-loop
        model: MODEL,
        messages: [{ role: 'user', content: `Write an alternative headline for: ${articlesById[id].title}` }],
      });
      variants[id] = res.choices[0].message.content;
    } catch (err) {
      logger.warn({ err, id }, 'headline generation failed, skipping');
    }
  }
  return variants;
}

async function tagWithinBudget(articles, tokenBudget) {
  let budgetLeft = tokenBudget;
  const tagged = [];
  for (const article of articles) {
    if (budgetLeft <= 0) break;
    const res = await mistral.chat.complete({ // ok: llm-call-in-loop
      model: MODEL,
      maxTokens: 100,
      messages: [{ role: 'user', content: `Tags for:\n${article.body}` }],
    });
    budgetLeft -= res.usage.totalTokens;
    tagged.push({ id: article.id, tags: res.choices[0].message.content });
  }
  return tagged;
}

async function completeWithRetry(prompt) {
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      return await mistral.chat.complete({ model: MODEL, maxTokens: 500, messages: [{ role: 'user', content: prompt }] }); // ok: llm-call-in-loop
    } catch (err) {
      logger.warn({ err, attempt }, 'mistral call failed');
      await sleep(2 ** attempt * 250 + Math.random() * 250);
    }
  }
  throw new Error('mistral unavailable after 3 attempts');
}

async function embedArticles(articles) {
  const vectors = [];
  for (const article of articles) {
    const e = await mistral.embeddings.create({ model: 'mistral-embed', inputs: [article.body] }); // ok: llm-call-in-loop
    vectors.push(e.data[0].embedding);
  }
  return vectors;
}

async function tagBatch(articles) {
  const numbered = articles.map((a, i) => `${i}: ${a.title}`).join('\n');
  const res = await mistral.chat.complete({ // ok: llm-call-in-loop
    model: MODEL,
    maxTokens: 2000,
    messages: [{ role: 'user', content: `For each numbered article return tags as JSON {index: tags[]}:\n${numbered}` }],
  });
  return JSON.parse(res.choices[0].message.content);
}

module.exports = { tagArticles, completeSnippets, streamAnswers, headlineVariants, tagWithinBudget, completeWithRetry, embedArticles, tagBatch };
