import { Injectable, Logger } from '@nestjs/common';
import OpenAI from 'openai';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { zodResponseFormat } from 'openai/helpers/zod';
import { z } from 'zod';

const TicketTriage = z.object({
  priority: z.enum(['low', 'medium', 'high']),
  team: z.string(),
});

const DEFAULT_LIMITS = { max_tokens: 600, temperature: 0.2 };

@Injectable()
export class AssistantService {
  private readonly logger = new Logger(AssistantService.name);
  private readonly openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });

  async reply(history: ChatCompletionMessageParam[]): Promise<string> {
    const completion = await this.openai.chat.completions.create({ // expect: llm-call-without-limit
      model: 'gpt-4o',
      messages: history,
      temperature: 0.7,
    });
    return completion.choices[0]?.message?.content ?? '';
  }

  async shortReply(history: ChatCompletionMessageParam[]): Promise<string> {
    const completion = await this.openai.chat.completions.create({ // ok: llm-call-without-limit
      model: 'gpt-4o-mini',
      messages: history,
      max_tokens: 256,
    });
    return completion.choices[0]?.message?.content ?? '';
  }

  async reason(question: string) {
    const res = await this.openai.chat.completions.create({ // ok: llm-call-without-limit
      model: 'o3-mini',
      messages: [{ role: 'user', content: question }],
      max_completion_tokens: 4000,
      reasoning_effort: 'medium',
    });
    return res.choices[0].message.content;
  }

  async *streamReply(history: ChatCompletionMessageParam[]) {
    const stream = await this.openai.chat.completions.create({ // expect: llm-call-without-limit
      model: 'gpt-4o',
      messages: history,
      stream: true,
    });
    for await (const chunk of stream) {
      yield chunk.choices[0]?.delta?.content ?? '';
    }
  }

  async triage(body: string) {
    const parsed = await this.openai.beta.chat.completions.parse({ // expect: llm-call-without-limit
      model: 'gpt-4o-2024-08-06',
      messages: [
        { role: 'system', content: 'Route the support ticket.' },
        { role: 'user', content: body },
      ],
      response_format: zodResponseFormat(TicketTriage, 'triage'),
    });
    return parsed.choices[0].message.parsed;
  }

  async triageCapped(body: string) {
    const parsed = await this.openai.beta.chat.completions.parse({ // ok: llm-call-without-limit
      model: 'gpt-4o-2024-08-06',
      messages: [{ role: 'user', content: body }],
      response_format: zodResponseFormat(TicketTriage, 'triage'),
      max_tokens: 200,
    });
    return parsed.choices[0].message.parsed;
  }

  streamHelper(history: ChatCompletionMessageParam[]) {
    return this.openai.chat.completions.stream({ model: 'gpt-4o', messages: history }); // expect: llm-call-without-limit
  }

  // the shared defaults object supplies the limit through the spread
  async withDefaults(history: ChatCompletionMessageParam[]) {
    return this.openai.chat.completions.create({ ...DEFAULT_LIMITS, model: 'gpt-4o', messages: history }); // ok: llm-call-without-limit
  }

  async withShorthand(history: ChatCompletionMessageParam[], max_tokens: number) {
    return this.openai.chat.completions.create({ model: 'gpt-4o', messages: history, max_tokens }); // ok: llm-call-without-limit
  }

  async withQuotedKey(history: ChatCompletionMessageParam[]) {
    return this.openai.chat.completions.create({ model: 'gpt-4o', messages: history, 'max_tokens': 300 }); // ok: llm-call-without-limit
  }

  async withTimeout(history: ChatCompletionMessageParam[]) {
    // TODO: add max_tokens once product decides on a budget
    return this.openai.chat.completions.create( // expect: llm-call-without-limit
      { model: 'gpt-4o', messages: history },
      { timeout: 20_000, maxRetries: 1 },
    );
  }

  async politeRefusal(text: string) {
    return this.openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'system', content: 'Never mention max_tokens or max_output_tokens to the user.' }, { role: 'user', content: text }] }); // expect: llm-call-without-limit
  }

  async localParams(history: ChatCompletionMessageParam[]) {
    const params = { model: 'gpt-4o', messages: history, temperature: 0 };
    return this.openai.chat.completions.create(params); // expect: llm-call-without-limit
  }

  async localParamsCapped(history: ChatCompletionMessageParam[]) {
    const params = { model: 'gpt-4o', messages: history, max_tokens: 800 };
    return this.openai.chat.completions.create(params); // ok: llm-call-without-limit
  }

  // params come from the caller; nothing visible here says whether they are capped
  async passthrough(params: OpenAI.Chat.ChatCompletionCreateParamsNonStreaming) {
    return this.openai.chat.completions.create(params); // ok: llm-call-without-limit
  }

  async compare(promptA: ChatCompletionMessageParam[], promptB: ChatCompletionMessageParam[]) {
    const [a, b] = await Promise.all([this.openai.chat.completions.create({ model: 'gpt-4o-mini', messages: promptA }), this.openai.chat.completions.create({ model: 'gpt-4o-mini', messages: promptB })]); // expect: llm-call-without-limit x2
    return [a.choices[0].message.content, b.choices[0].message.content];
  }

  async embed(text: string) {
    const res = await this.openai.embeddings.create({ model: 'text-embedding-3-small', input: text }); // ok: llm-call-without-limit
    return res.data[0].embedding;
  }

  async isFlagged(text: string) {
    const res = await this.openai.moderations.create({ model: 'omni-moderation-latest', input: text }); // ok: llm-call-without-limit
    return res.results[0].flagged;
  }

  async avatar(prompt: string) {
    const img = await this.openai.images.generate({ model: 'dall-e-3', prompt, size: '1024x1024' }); // ok: llm-call-without-limit
    this.logger.log('avatar generated');
    return img.data?.[0]?.url;
  }
}
