import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import crypto from 'node:crypto';
import { z } from 'zod';
import { enqueue, loadDelivery } from './queue';

const EventSchema = z.object({
  id: z.string(),
  type: z.string(),
  payload: z.record(z.unknown()),
});

type WebhookEvent = z.infer<typeof EventSchema>;

function verifySignature(req: FastifyRequest): void {
  const sig = String(req.headers['x-signature'] ?? '');
  const expected = crypto
    .createHmac('sha256', process.env.WEBHOOK_SECRET as string)
    .update(JSON.stringify(req.body))
    .digest('hex');
  let valid = false;
  try {
    valid = crypto.timingSafeEqual(Buffer.from(sig, 'hex'), Buffer.from(expected, 'hex'));
  } catch { // expect: swallowed-exception
    valid = false;
  }
  if (!valid) throw new Error('signature mismatch');
}

async function processEvent(event: WebhookEvent): Promise<void> {
  const results = await Promise.allSettled([enqueue('audit', event), enqueue(event.type, event)]);
  const rejected = results.filter((r) => r.status === 'rejected');
  if (rejected.length) throw new Error(`${rejected.length} handlers failed for ${event.id}`);
}

export async function webhookRoutes(app: FastifyInstance) {
  app.post('/webhooks/github', async (req: FastifyRequest, reply: FastifyReply) => {
    let event: WebhookEvent;
    try {
      event = EventSchema.parse(req.body);
    } catch (err) { // ok: swallowed-exception
      req.log.warn({ err }, 'invalid webhook payload');
      return reply.code(400).send({ error: 'invalid payload' });
    }
    try {
      await processEvent(event);
    } catch (e) { // ok: swallowed-exception
      app.log.error(e);
      return reply.code(500).send();
    }
    return reply.code(204).send();
  });

  app.post('/webhooks/stripe', async (req, reply) => {
    try {
      verifySignature(req);
    } catch { // expect: swallowed-exception
      return reply.code(401).send({ error: 'bad signature' });
    }
    try {
      await processEvent(EventSchema.parse(req.body));
      return reply.code(204).send();
    } catch (error) { // ok: swallowed-exception
      return reply.code(500).send({ error });
    }
  });

  app.post('/webhooks/slack', async (req, reply) => {
    try {
      await processEvent(EventSchema.parse(req.body));
    } catch (error) { // expect: swallowed-exception
      return reply.code(500).send({ error: 'processing failed' });
    }
    return reply.code(200).send({ ok: true });
  });

  app.get('/webhooks/replay/:id', async (req, reply) => {
    const { id } = req.params as { id: string };
    const delivery = await loadDelivery(id).catch((error: Error) => { // ok: swallowed-exception
      reply.log.error({ error }, 'could not load delivery');
      return null;
    });
    if (!delivery) return reply.code(404).send();
    await processEvent(delivery.event);
    return reply.code(202).send();
  });

  app.get('/webhooks/deliveries/:id', async (req, reply) => {
    const { id } = req.params as { id: string };
    const delivery = await loadDelivery(id).catch(() => null); // expect: swallowed-exception
    return delivery ? reply.send(delivery) : reply.code(404).send();
  });
}
