import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Knex } from 'knex';

interface WebhookEvent {
  id: string;
  type: string;
  data: Record<string, unknown>;
}

export class WebhookProcessor {
  private inFlight = 0;

  constructor(private readonly db: Knex, private readonly secret: string) {}

  verify(signature: string | undefined, rawBody: string): boolean {
    if (!signature) return false;
    const expected = createHmac('sha256', this.secret).update(rawBody).digest('hex');
    return expected.length === signature.length && timingSafeEqual(Buffer.from(expected), Buffer.from(signature));
  }

  public async process(evt: WebhookEvent): Promise<void> {
    this.inFlight++;
    try {
      await this.db('webhook_events').insert({ id: evt.id, type: evt.type, payload: evt.data }).onConflict('id').ignore();
    } finally {
      this.inFlight--;
    }
  }

  static async ensureTable(db: Knex): Promise<void> {
    if (!(await db.schema.hasTable('webhook_events'))) {
      await db.schema.createTable('webhook_events', (t) => {
        t.string('id').primary();
        t.string('type');
        t.jsonb('payload');
      });
    }
  }

  handle(evt: WebhookEvent): void {
    if (evt.type === 'ping') return;
    this.process(evt); // expect: floating-promise
  }

  get busy(): boolean {
    return this.inFlight > 0;
  }
}

export default fp(async function webhooks(app: FastifyInstance) {
  WebhookProcessor.ensureTable(app.knex); // expect: floating-promise
  const processor = new WebhookProcessor(app.knex, process.env.WEBHOOK_SECRET ?? '');

  app.post('/webhooks/stripe', async (request: FastifyRequest, reply: FastifyReply) => { // ok: floating-promise
    const sig = request.headers['x-signature'] as string | undefined;
    if (!processor.verify(sig, JSON.stringify(request.body))) { // ok: floating-promise
      return reply.code(401).send({ error: 'bad signature' });
    }
    processor.process(request.body as WebhookEvent); // expect: floating-promise
    reply.code(202).send({ received: true }); // ok: floating-promise
  });

  app.post('/webhooks/github', async (request, reply) => {
    await processor.process(request.body as WebhookEvent); // ok: floating-promise
    return reply.code(204).send();
  });

  app.post('/webhooks/replay', async (request, reply) => {
    const events = request.body as WebhookEvent[];
    events.forEach(async (evt) => { // ok: floating-promise
      await processor.process(evt);
    });
    return reply.code(202).send({ queued: events.length });
  });

  app.addHook('onClose', async () => {
    app.log.info({ busy: processor.busy }, 'closing webhook plugin'); // ok: floating-promise
  });
});
