import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import OpenAI from 'openai';
import { Ticket } from './ticket.entity';

const MAX_TICKETS_PER_RUN = 50;

@Injectable()
export class TicketSummarizerService {
  private readonly logger = new Logger(TicketSummarizerService.name);
  private readonly openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });

  constructor(@InjectRepository(Ticket) private readonly tickets: Repository<Ticket>) {}

  async summarizeOpen(): Promise<void> {
    const open = await this.tickets.find({ where: { status: 'open' } });
    for (const ticket of open) {
      const completion = await this.openai.chat.completions.create({ // expect: llm-call-in-loop
        model: 'gpt-4o-mini',
        messages: [
          { role: 'system', content: 'Summarize the support ticket in two sentences.' },
          { role: 'user', content: ticket.body },
        ],
      });
      ticket.summary = completion.choices[0]?.message?.content ?? '';
      await this.tickets.save(ticket);
    }
  }

  async classifyByIds(ids: string[]): Promise<Record<string, string>> {
    const rows = await this.tickets.findBy({ id: In(ids) });
    const out: Record<string, string> = {};
    for (let i = 0; i < rows.length; i++) {
      const res = await this.openai.responses.create({ // expect: llm-call-in-loop
        model: 'gpt-4.1-mini',
        input: `Classify this ticket as billing, bug or other:\n${rows[i].body}`,
        max_output_tokens: 5,
      });
      out[rows[i].id] = res.output_text.trim();
    }
    return out;
  }

  async extractEntities(tickets: Ticket[]): Promise<void> {
    let processed = 0;
    for (const ticket of tickets) {
      processed++;
      const parsed = await this.openai.chat.completions.parse({ // expect: llm-call-in-loop
        model: 'gpt-4o-2024-08-06',
        max_completion_tokens: 300,
        messages: [{ role: 'user', content: `Extract order numbers and product names:\n${ticket.body}` }],
        response_format: { type: 'json_object' },
      });
      ticket.entities = parsed.choices[0].message.parsed;
    }
    this.logger.log(`extracted entities for ${processed} tickets`);
  }

  async summarizeWithCap(): Promise<void> {
    const open = await this.tickets.find({ where: { status: 'open' }, order: { createdAt: 'ASC' } });
    let calls = 0;
    for (const ticket of open) {
      if (calls >= MAX_TICKETS_PER_RUN) {
        this.logger.warn(`LLM cap reached after ${calls} tickets, deferring the rest`);
        break;
      }
      calls++;
      const completion = await this.openai.chat.completions.create({ // ok: llm-call-in-loop
        model: 'gpt-4o-mini',
        max_tokens: 200,
        messages: [{ role: 'user', content: ticket.body }],
      });
      ticket.summary = completion.choices[0]?.message?.content ?? '';
      await this.tickets.save(ticket);
    }
  }

  async draftReplies(tickets: Ticket[]): Promise<string[]> {
    const drafts: string[] = [];
    for (const ticket of tickets.slice(0, MAX_TICKETS_PER_RUN)) {
      const r = await this.openai.chat.completions.create({ // ok: llm-call-in-loop
        model: 'gpt-4o-mini',
        max_tokens: 400,
        messages: [{ role: 'user', content: `Draft a polite reply to:\n${ticket.body}` }],
      });
      drafts.push(r.choices[0].message.content ?? '');
    }
    return drafts;
  }

  async weeklyDigest(tickets: Ticket[]): Promise<string> {
    const bullets = tickets.map((t) => `- [${t.priority}] ${t.subject}`).join('\n');
    const res = await this.openai.chat.completions.create({ // ok: llm-call-in-loop
      model: 'gpt-4o',
      max_tokens: 800,
      messages: [{ role: 'user', content: `Write a weekly support digest from these tickets:\n${bullets}` }],
    });
    return res.choices[0].message.content ?? '';
  }

  async indexForSearch(tickets: Ticket[]): Promise<void> {
    for (const ticket of tickets) {
      const emb = await this.openai.embeddings.create({ model: 'text-embedding-3-small', input: ticket.body }); // ok: llm-call-in-loop
      ticket.embedding = emb.data[0].embedding;
      await this.tickets.save(ticket);
    }
  }

  async flagAbusive(tickets: Ticket[]): Promise<string[]> {
    const flagged: string[] = [];
    for (const ticket of tickets) {
      const mod = await this.openai.moderations.create({ model: 'omni-moderation-latest', input: ticket.body }); // ok: llm-call-in-loop
      if (mod.results[0].flagged) flagged.push(ticket.id);
    }
    return flagged;
  }

  async summarizeOne(id: string): Promise<string> {
    const ticket = await this.tickets.findOneByOrFail({ id });
    const res = await this.openai.chat.completions.create({ // ok: llm-call-in-loop
      model: 'gpt-4o-mini',
      max_tokens: 200,
      messages: [{ role: 'user', content: ticket.body }],
    });
    return res.choices[0].message.content ?? '';
  }
}
