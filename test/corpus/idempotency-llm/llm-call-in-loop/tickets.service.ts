// @ts-nocheck
import { Injectable } from '@nestjs/common';
import OpenAI from 'openai';
import { Mistral } from '@mistralai/mistralai';
import { CohereClientV2 } from 'cohere-ai';
import type { Repository } from 'typeorm';
import type { Ticket } from './ticket.entity';

@Injectable()
export class TicketTriageService {
  private readonly maxPerRun = 100;

  constructor(
    private readonly openai: OpenAI,
    private readonly mistral: Mistral,
    private readonly cohere: CohereClientV2,
    private readonly tickets: Repository<Ticket>,
  ) {}

  async triageOpen() {
    const open = await this.tickets.find({ where: { status: 'open' } });
    for (const t of open) {
      const r = await this.openai.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 5, messages: [{ role: 'user', content: t.subject }] }); // expect: llm-call-in-loop
      t.priority = r.choices[0].message.content;
    }
    await this.tickets.save(open);
  }

  async triageOpenCapped() {
    const open = await this.tickets.find({ where: { status: 'open' } });
    let n = 0;
    for (const t of open) {
      if (n++ >= this.maxPerRun) break;
      const r = await this.openai.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 5, messages: [{ role: 'user', content: t.subject }] }); // ok: llm-call-in-loop
      t.priority = r.choices[0].message.content;
    }
  }

  async translateAll(open: Ticket[]) {
    return Promise.all(open.map((t) => this.mistral.chat.complete({ model: 'mistral-small-latest', maxTokens: 300, messages: [{ role: 'user', content: `Translate: ${t.body}` }] }))); // expect: llm-call-in-loop
  }

  async replyAll(open: Ticket[]) {
    for (const t of open) {
      await this.cohere.chat({ model: 'command-r', maxTokens: 300, messages: [{ role: 'user', content: t.body }] }); // expect: llm-call-in-loop
    }
  }

  async tagAll(open: Ticket[]) {
    open.forEach((t) => {
      void this.openai.responses.create({ model: 'gpt-4.1-mini', input: t.body, max_output_tokens: 20 }); // expect: llm-call-in-loop
    });
  }

  async classifyAll(open: Ticket[]) {
    // one model call per ticket through a helper of this class
    for (const t of open) {
      await this.classify(t); // expect: llm-call-in-loop
    }
  }

  async classify(t: Ticket) {
    return this.openai.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 5, messages: [{ role: 'user', content: t.subject }] }); // ok: llm-call-in-loop
  }

  async summariseThread(t: Ticket) {
    const transcript = t.messages.map((m) => `${m.author}: ${m.text}`).join('\n');
    return this.mistral.chat.complete({ model: 'mistral-small-latest', maxTokens: 400, messages: [{ role: 'user', content: transcript }] }); // ok: llm-call-in-loop
  }

  async rerankAll(queries: string[], docs: string[]) {
    for (const q of queries) {
      await this.cohere.rerank({ model: 'rerank-v3.5', query: q, documents: docs, topN: 3 }); // ok: llm-call-in-loop
    }
  }

  async loadAll(ids: string[]) {
    for (const id of ids) {
      await this.tickets.findOneBy({ id }); // ok: llm-call-in-loop
    }
  }
}
