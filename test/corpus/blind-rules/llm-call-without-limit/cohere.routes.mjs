import Router from '@koa/router';
import { CohereClientV2, CohereClient } from 'cohere-ai';

const cohere = new CohereClientV2({ token: process.env.CO_API_KEY });
const cohereV1 = new CohereClient({ token: process.env.CO_API_KEY });

export const router = new Router({ prefix: '/ai' });

router.post('/ask', async (ctx) => {
  const { question } = ctx.request.body;
  const response = await cohere.chat({ model: 'command-r-plus-08-2024', messages: [{ role: 'user', content: question }] }); // expect: llm-call-without-limit
  ctx.body = { answer: response.message?.content?.[0]?.text };
});

router.post('/ask/short', async (ctx) => {
  const response = await cohere.chat({ // ok: llm-call-without-limit
    model: 'command-r-08-2024',
    messages: [{ role: 'user', content: ctx.request.body.question }],
    maxTokens: 300,
  });
  ctx.body = { answer: response.message?.content?.[0]?.text };
});

router.post('/ask/stream', async (ctx) => {
  const stream = await cohere.chatStream({ // expect: llm-call-without-limit
    model: 'command-r-08-2024',
    messages: [{ role: 'user', content: ctx.request.body.question }],
  });
  let answer = '';
  for await (const event of stream) {
    if (event.type === 'content-delta') answer += event.delta?.message?.content?.text ?? '';
  }
  ctx.body = { answer };
});

router.post('/legacy/chat', async (ctx) => {
  const res = await cohereV1.chat({ model: 'command-r', message: ctx.request.body.question, preamble: 'You are a helpful support agent.' }); // expect: llm-call-without-limit
  ctx.body = { answer: res.text };
});

router.post('/legacy/generate', async (ctx) => {
  const res = await cohereV1.generate({ model: 'command', prompt: ctx.request.body.prompt }); // expect: llm-call-without-limit
  ctx.body = { text: res.generations[0].text };
});

router.post('/legacy/generate/capped', async (ctx) => {
  const res = await cohereV1.generate({ model: 'command', prompt: ctx.request.body.prompt, maxTokens: 200 }); // ok: llm-call-without-limit
  ctx.body = { text: res.generations[0].text };
});

router.post('/search', async (ctx) => {
  const { query, documents } = ctx.request.body;
  const emb = await cohere.embed({ model: 'embed-english-v3.0', texts: [query], inputType: 'search_query', embeddingTypes: ['float'] }); // ok: llm-call-without-limit
  const ranked = await cohere.rerank({ model: 'rerank-v3.5', query, documents, topN: 5 }); // ok: llm-call-without-limit
  ctx.body = { vector: emb.embeddings.float?.[0], results: ranked.results };
});

export default router;
