// relabelled by the maintainers: the finding is where the key is sent (the generation is its related location); PayPal-Request-Id and nanoid() keys are reported (see docs/rules/unstable-idempotency-key.md)
import Koa from 'koa';
import Router from '@koa/router';
import bodyParser from 'koa-bodyparser';
import got from 'got';
import { v4 as uuidV4, v5 as uuidV5, v7 as uuidV7 } from 'uuid';
import { modernTreasury } from './clients/modern-treasury';

const router = new Router({ prefix: '/transfers' });
const NS = '1b671a64-40d5-491e-99b0-da01ff1f3341';

router.post('/ach', async (ctx) => {
  const { counterpartyId, amount } = ctx.request.body as { counterpartyId: string; amount: number };
  const paymentOrder = await got
    .post('https://app.moderntreasury.com/api/payment_orders', {
      json: { type: 'ach', amount, direction: 'credit', receiving_account_id: counterpartyId },
      headers: { 'Idempotency-Key': uuidV4() }, // expect: unstable-idempotency-key
      retry: { limit: 3 },
    })
    .json();
  ctx.body = paymentOrder;
});

router.post('/wire', async (ctx) => {
  const { counterpartyId, amount } = ctx.request.body as { counterpartyId: string; amount: number };
  const idempotencyKey = uuidV7();
  ctx.body = await modernTreasury.paymentOrders.create(
    { type: 'wire', amount, direction: 'credit', receiving_account_id: counterpartyId },
    { idempotencyKey }, // expect: unstable-idempotency-key
  );
});

router.post('/book', async (ctx) => {
  const { from, to, amount } = ctx.request.body as { from: string; to: string; amount: number };
  const requestOptions = { idempotencyKey: `book-${from}-${to}-${new Date().valueOf()}` }; // expect: unstable-idempotency-key
  ctx.body = await modernTreasury.paymentOrders.create(
    { type: 'book', amount, direction: 'credit', originating_account_id: from, receiving_account_id: to },
    requestOptions,
  );
});

// ---- look-alikes ----

router.post('/rtp', async (ctx) => {
  const { transferRequestId, counterpartyId, amount } = ctx.request.body as {
    transferRequestId: string;
    counterpartyId: string;
    amount: number;
  };
  ctx.body = await modernTreasury.paymentOrders.create(
    { type: 'rtp', amount, direction: 'credit', receiving_account_id: counterpartyId },
    { idempotencyKey: uuidV5(transferRequestId, NS) }, // ok: unstable-idempotency-key
  );
});

router.get('/status/:id', async (ctx) => {
  const res = await got(`https://app.moderntreasury.com/api/payment_orders/${ctx.params.id}`, {
    headers: { 'X-Trace-Id': uuidV4() }, // ok: unstable-idempotency-key
    searchParams: { _ts: Date.now() }, // ok: unstable-idempotency-key
  });
  ctx.body = res.body;
});

router.post('/sweep', async (ctx) => {
  const { accountId, sweepDate } = ctx.request.body as { accountId: string; sweepDate: string };
  const day = new Date(sweepDate).toISOString().slice(0, 10); // ok: unstable-idempotency-key
  ctx.body = await modernTreasury.paymentOrders.create(
    { type: 'book', amount: 0, direction: 'debit', originating_account_id: accountId },
    { idempotencyKey: `sweep-${accountId}-${day}` }, // ok: unstable-idempotency-key
  );
});

const app = new Koa();
app.use(bodyParser());
app.use(router.routes());
export default app;
