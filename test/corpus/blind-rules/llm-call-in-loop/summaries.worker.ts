import { Job, Worker } from 'bullmq';
import OpenAI from 'openai';
import { Mistral } from '@mistralai/mistralai';
import { setTimeout as sleep } from 'node:timers/promises';
import { redis } from './redis';
import { sqsQueue } from './sqs';
import { runTool } from './tools';

const openai = new OpenAI();
const mistral = new Mistral({ apiKey: process.env.MISTRAL_API_KEY ?? '' });
const MAX_AGENT_TURNS = 8;

export const summaryWorker = new Worker(
  'summaries',
  async (job: Job<{ text: string }>) => {
    const r = await openai.chat.completions.create({ // ok: llm-call-in-loop
      model: 'gpt-4o-mini',
      max_tokens: 300,
      messages: [{ role: 'user', content: `Summarize:\n${job.data.text}` }],
    });
    return r.choices[0].message.content;
  },
  { connection: redis, concurrency: 4 },
);

export const bulkTagWorker = new Worker(
  'bulk-tag',
  async (job: Job<{ items: { id: string; text: string }[] }>) => {
    const tags: Record<string, string> = {};
    for (const item of job.data.items) {
      const r = await mistral.chat.complete({ // expect: llm-call-in-loop
        model: 'mistral-small-latest',
        maxTokens: 40,
        messages: [{ role: 'user', content: `Tags for: ${item.text}` }],
      });
      tags[item.id] = String(r.choices?.[0]?.message?.content ?? '');
      await job.updateProgress(Object.keys(tags).length);
    }
    return tags;
  },
  { connection: redis },
);

export async function pollForever(): Promise<never> {
  while (true) {
    const msg = await sqsQueue.receive();
    if (!msg) {
      await sleep(1000);
      continue;
    }
    const r = await mistral.chat.complete({ // ok: llm-call-in-loop
      model: 'mistral-small-latest',
      maxTokens: 200,
      messages: [{ role: 'user', content: msg.body }],
    });
    await sqsQueue.reply(msg.id, r.choices?.[0]?.message?.content);
    await sqsQueue.ack(msg.id);
  }
}

export async function runAgent(task: string): Promise<string> {
  const messages: OpenAI.Chat.ChatCompletionMessageParam[] = [{ role: 'user', content: task }];
  for (let turn = 0; turn < MAX_AGENT_TURNS; turn++) {
    const r = await openai.chat.completions.create({ // ok: llm-call-in-loop
      model: 'gpt-4o',
      max_tokens: 1000,
      messages,
      tools: [{ type: 'function', function: { name: 'search', parameters: { type: 'object', properties: { q: { type: 'string' } } } } }],
    });
    const choice = r.choices[0].message;
    messages.push(choice);
    if (!choice.tool_calls?.length) return choice.content ?? '';
    for (const call of choice.tool_calls) {
      messages.push({ role: 'tool', tool_call_id: call.id, content: await runTool(call) });
    }
  }
  throw new Error('agent did not finish within turn limit');
}

export async function completeWithBackoff(prompt: string): Promise<string> {
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      const r = await openai.responses.create({ model: 'gpt-4.1-mini', max_output_tokens: 400, input: prompt }); // ok: llm-call-in-loop
      return r.output_text;
    } catch (err) {
      await sleep(2 ** attempt * 500 + Math.random() * 300);
    }
  }
  throw new Error('openai unavailable');
}

export async function reprocessFailed(jobs: Job<{ text: string }>[]): Promise<void> {
  for (const job of jobs) {
    const r = await openai.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 300, messages: [{ role: 'user', content: job.data.text }] }); // expect: llm-call-in-loop
    await job.updateData({ ...job.data, summary: r.choices[0].message.content });
  }
}
