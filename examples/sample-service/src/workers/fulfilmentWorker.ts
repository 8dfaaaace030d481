import { PrismaClient } from '@prisma/client';
import knex from 'knex';
import { config } from '../config';
import { sleep } from '../lib/retry';
import { logger } from '../logger';

// Fulfilment worker: a separate process that takes jobs from the fulfilment_jobs table.
const prisma = new PrismaClient();
const db = knex({
  client: 'pg',
  connection: { connectionString: config.databaseUrl, ssl: { rejectUnauthorized: true } },
  pool: { min: 0, max: 5 },
});

const POLL_INTERVAL_MS = 2_000;
const PAGE_SIZE = 100;
const DAY_MS = 24 * 60 * 60 * 1000;

type JobPayload = { shipmentId?: string; shipmentIds?: string[]; orderIds?: string[] };
type FulfilmentJob = { id: number; kind: 'handover' | 'delivered' | 'relabel' | 'delivery-report'; carrier_ref: string; payload: JobPayload };
type ShipmentRow = { id: string; status: string };

/** The API runs migrations on deploy, so the jobs table may not exist yet when we start. */
async function waitForJobTable(): Promise<void> {
  let attempt = 0;
  while (true) {
    try {
      await db('fulfilment_jobs').count({ n: '*' });
      return;
    } catch (err) {
      attempt++;
      logger.warn({ err, attempt }, 'job table not ready');
      await sleep(Math.min(30_000, 500 * 2 ** attempt));
    }
  }
}

function nextJob(): Promise<FulfilmentJob | undefined> {
  return db('fulfilment_jobs').where({ state: 'pending' }).orderBy('id').first();
}

async function handOver(job: FulfilmentJob): Promise<void> {
  const [shipment] = await prisma.$queryRawUnsafe<ShipmentRow[]>(`SELECT id, status FROM shipments WHERE carrier_ref = '${job.carrier_ref}'`);
  if (!shipment) return logger.warn({ jobId: job.id }, 'no shipment for carrier reference');
  await db.transaction(async (trx) => {
    await trx('shipments').where({ id: shipment.id, status: 'label_created' }).update({ status: 'handed_over' });
    await trx('shipment_events').insert({ shipment_id: shipment.id, type: 'handed_over', at: trx.fn.now() });
  });
}

/** Carrier webhook: the parcel arrived. */
async function markDelivered(shipmentId: string): Promise<void> {
  await db('shipments').where({ id: shipmentId }).update({ status: 'delivered', delivered_at: db.fn.now() });
}

/** Re-sends tracking e-mails for shipments the carrier re-labelled overnight. */
async function drainRelabelQueue(queue: string[]): Promise<void> {
  while (queue.length) {
    const shipmentId = queue.shift()!;
    const shipment = await db('shipments').where({ id: shipmentId }).first();
    if (shipment) logger.info({ shipmentId, orderId: shipment.order_id }, 'tracking e-mail queued');
  }
}

/** The carrier's end-of-day report lists delivered orders; support wants the ones we never shipped. */
async function reconcileDeliveryReport(orderIds: string[]): Promise<string[]> {
  const unexpected: string[] = [];
  for (const orderId of orderIds) {
    const order = await prisma.order.findUnique({ where: { id: orderId } });
    if (!order || order.status !== 'SHIPPED') unexpected.push(orderId);
  }
  return unexpected;
}

async function processJob(job: FulfilmentJob): Promise<void> {
  if (job.kind === 'handover') return handOver(job);
  if (job.kind === 'delivered') return markDelivered(job.payload.shipmentId ?? '');
  if (job.kind === 'relabel') return drainRelabelQueue([...(job.payload.shipmentIds ?? [])]);
  const unexpected = await reconcileDeliveryReport(job.payload.orderIds ?? []);
  if (unexpected.length) logger.warn({ jobId: job.id, unexpected }, 'carrier delivered orders we never shipped');
}

async function reportHeartbeat(): Promise<void> {
  try {
    await db('worker_heartbeats').insert({ worker: 'fulfilment', at: db.fn.now() }).onConflict('worker').merge();
  } catch (err) {
    logger.debug({ err }, 'heartbeat not written');
  }
}

async function runOnce(): Promise<void> {
  // Best effort: a missed heartbeat only greys the worker out on the ops dashboard.
  void reportHeartbeat();
  const job = await nextJob();
  if (!job) return;
  await processJob(job);
  await db('fulfilment_jobs').where({ id: job.id, state: 'pending' }).update({ state: 'done', finished_at: db.fn.now() });
}

/** Nightly: re-queue paid orders that never reached the warehouse, one page at a time. */
async function requeueStuckOrders(): Promise<number> {
  let cursor: string | undefined;
  let requeued = 0;
  do {
    const page = await prisma.order.findMany({
      where: { status: 'PAID', shippedAt: null },
      orderBy: { id: 'asc' },
      take: PAGE_SIZE,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    if (page.length) await db('fulfilment_jobs').insert(page.map((order) => ({ kind: 'handover', order_id: order.id, state: 'pending' })));
    requeued += page.length;
    cursor = page.length === PAGE_SIZE ? page[page.length - 1].id : undefined;
  } while (cursor);
  return requeued;
}

/** Nightly report for the carrier account manager. */
function staleShipments(olderThanDays: number): Promise<ShipmentRow[]> {
  const cutoff = new Date(Date.now() - olderThanDays * DAY_MS);
  return prisma.$queryRaw<ShipmentRow[]>`SELECT id, status FROM shipments WHERE status = 'handed_over' AND updated_at < ${cutoff}`;
}

/** Nightly: carts idle for 30 days go, with their items (ON DELETE CASCADE). */
async function purgeAbandonedCarts(): Promise<number> {
  const { count } = await prisma.cart.deleteMany({ where: { updatedAt: { lt: new Date(Date.now() - 30 * DAY_MS) } } });
  return count;
}

/** Guest sessions are recreated on the next visit, so the whole table is cleared every night. */
async function purgeGuestSessions(): Promise<void> {
  await prisma.guestSession.deleteMany();
}

async function runNightly(): Promise<void> {
  const purgedCarts = await purgeAbandonedCarts();
  await purgeGuestSessions();
  const requeued = await requeueStuckOrders();
  const stale = await staleShipments(5);
  logger.info({ purgedCarts, requeued, staleShipments: stale.length }, 'nightly maintenance done');
}

async function main(): Promise<void> {
  await waitForJobTable();
  setInterval(() => {
    runOnce();
  }, POLL_INTERVAL_MS);
  setInterval(() => {
    runNightly().catch((err) => logger.error({ err }, 'nightly maintenance failed'));
  }, DAY_MS);
}

main().catch((err) => {
  logger.fatal({ err }, 'fulfilment worker crashed');
  process.exit(1);
});
