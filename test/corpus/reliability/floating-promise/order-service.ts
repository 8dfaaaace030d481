// @ts-nocheck
import express from 'express';

interface Order { id: string; total: number }

async function sendReceipt(order: Order): Promise<void> {
  await fetch('https://mail.internal/send', { method: 'POST', body: JSON.stringify(order) });
}

function saveOrder(order: Order): Promise<Order> {
  return Promise.resolve(order);
}

const audit = async (event: string) => {
  await fetch('https://audit.internal', { method: 'POST', body: event });
};

const publish = async function (topic: string, payload: unknown) {
  return { topic, payload };
};

function syncHelper(x: number): number {
  return x * 2;
}

export async function placeOrder(order: Order) {
  sendReceipt(order); // expect: floating-promise
  saveOrder(order); // expect: floating-promise
  audit('order.placed'); // expect: floating-promise
  publish('orders', order); // expect: floating-promise
  await sendReceipt(order); // ok: floating-promise
  const saved = await saveOrder(order); // ok: floating-promise
  const pending = saveOrder(order); // ok: floating-promise
  await pending;
  syncHelper(3); // ok: floating-promise
  void audit('fire-and-forget'); // fire-and-forget on purpose: the audit trail is best effort // ok: floating-promise
  audit('x').catch((err) => console.error('audit failed', err)); // ok: floating-promise
  saveOrder(order).then((o) => o.id, (err) => console.error(err)); // ok: floating-promise
  saveOrder(order).then((o) => console.log(o.id)); // expect: floating-promise
  return saved;
}

export function handle(order: Order) {
  return saveOrder(order); // ok: floating-promise
}

export function handlers(app: express.Express) {
  app.post('/orders', async (req, res) => {
    const order = req.body as Order;
    sendReceipt(order); // expect: floating-promise
    res.json(await saveOrder(order)); // ok: floating-promise
  });
  app.get('/ping', (_req, res) => {
    audit('ping'); // expect: floating-promise
    res.send('pong');
  });
}

export async function many(orders: Order[]) {
  await Promise.all(orders.map((o) => sendReceipt(o))); // ok: floating-promise
  orders.forEach((o) => saveOrder(o)); // ok: floating-promise
  for (const o of orders) {
    sendReceipt(o); // expect: floating-promise
  }
  setTimeout(() => audit('later'), 10); // ok: floating-promise
  queue.push(saveOrder(orders[0])); // ok: floating-promise
}

const queue: Promise<unknown>[] = [];
