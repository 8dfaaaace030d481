import type { FastifyInstance } from 'fastify';
import { Mistral as MistralClient } from '@mistralai/mistralai';

const mistral = new MistralClient({ apiKey: process.env.MISTRAL_API_KEY ?? '' });

type ChatBody = { messages: Array<{ role: 'user' | 'assistant' | 'system'; content: string }> };
type CodeBody = { prompt: string; suffix?: string };

export default async function mistralRoutes(app: FastifyInstance) {
  app.post<{ Body: ChatBody }>('/chat', async (request) => {
    const { messages } = request.body;
    const res = await mistral.chat.complete({ model: 'mistral-large-latest', messages }); // expect: llm-call-without-limit
    return { reply: res.choices?.[0]?.message?.content };
  });

  app.post<{ Body: ChatBody }>('/chat/capped', async (request) => {
    const res = await mistral.chat.complete({ // ok: llm-call-without-limit
      model: 'mistral-large-latest',
      messages: request.body.messages,
      maxTokens: 512,
    });
    return { reply: res.choices?.[0]?.message?.content };
  });

  app.post<{ Body: ChatBody }>('/chat/stream', async (request, reply) => {
    const stream = await mistral.chat.stream({ model: 'mistral-small-latest', messages: request.body.messages, temperature: 0.3 }); // expect: llm-call-without-limit
    for await (const event of stream) {
      reply.raw.write(String(event.data.choices[0]?.delta?.content ?? ''));
    }
    reply.raw.end();
  });

  app.post<{ Body: CodeBody }>('/code/complete', async (request) => {
    const { prompt, suffix } = request.body;
    const res = await mistral.fim.complete({ model: 'codestral-latest', prompt, suffix }); // expect: llm-call-without-limit
    return { code: res.choices?.[0]?.message?.content };
  });

  app.post<{ Body: CodeBody }>('/code/complete/capped', async (request) => {
    const res = await mistral.fim.complete({ model: 'codestral-latest', prompt: request.body.prompt, maxTokens: 128 }); // ok: llm-call-without-limit
    return { code: res.choices?.[0]?.message?.content };
  });

  app.post<{ Body: { text: string } }>('/embed', async (request) => {
    const res = await mistral.embeddings.create({ model: 'mistral-embed', inputs: [request.body.text] }); // ok: llm-call-without-limit
    return { vector: res.data[0]?.embedding };
  });

  app.post<{ Body: ChatBody }>('/moderate', async (request) => {
    const res = await mistral.classifiers.moderateChat({ model: 'mistral-moderation-latest', inputs: request.body.messages }); // ok: llm-call-without-limit
    return res.results;
  });
}
