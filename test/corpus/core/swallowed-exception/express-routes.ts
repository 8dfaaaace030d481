// @ts-nocheck
import express, { NextFunction, Request, Response } from 'express';
import { logger } from '../lib/logger';
import { OrderService, NotFoundError } from '../orders/orderService';

const router = express.Router();
const orders = new OrderService();

router.get('/orders/:id', async (req: Request, res: Response) => {
  try {
    const order = await orders.get(req.params.id);
    res.json(order);
  } catch (err) { // expect: swallowed-exception
    res.status(500).json({ error: 'Internal server error' });
  }
});

router.post('/orders', async (req: Request, res: Response) => {
  try {
    const created = await orders.create(req.body);
    res.status(201).json(created);
  } catch (err) { // ok: swallowed-exception
    logger.error(err);
    res.status(500).json({ error: 'Could not create order' });
  }
});

router.delete('/orders/:id', async (req: Request, res: Response, next: NextFunction) => {
  try {
    await orders.cancel(req.params.id);
    res.sendStatus(204);
  } catch (e) { // ok: swallowed-exception
    next(e);
  }
});

router.get('/orders/:id/invoice', (req: Request, res: Response, next: NextFunction) => {
  orders.invoice(req.params.id).then((pdf) => res.type('pdf').send(pdf)).catch(next); // ok: swallowed-exception
});

router.get('/orders/:id/status', async (req: Request, res: Response) => {
  try {
    res.json({ status: await orders.status(req.params.id) });
  } catch (error) { // ok: swallowed-exception
    res.status(502).json({ error: error.message });
  }
});

router.get('/health', async (_req: Request, res: Response) => {
  let dbUp = true;
  try {
    await orders.ping();
  } catch { // expect: swallowed-exception
    dbUp = false;
  }
  res.json({ db: dbUp });
});

router.get('/orders/:id/tracking', async (req: Request, res: Response) => {
  try {
    return res.json(await orders.tracking(req.params.id));
  } catch (e) { // expect: swallowed-exception
    return res.sendStatus(500);
  }
});

router.get('/orders/:id/receipt', async (req: Request, res: Response) => {
  try {
    res.json(await orders.receipt(req.params.id));
  } catch (e) { // ok: swallowed-exception
    if (e instanceof NotFoundError) return res.sendStatus(404);
    throw e;
  }
});

router.put('/orders/:id', (req: Request, res: Response) => {
  orders
    .update(req.params.id, req.body)
    .then((o) => res.json(o))
    .catch(() => res.status(500).send('update failed')); // expect: swallowed-exception
});

router.patch('/orders/:id/notes', (req: Request, res: Response) => {
  orders
    .addNote(req.params.id, req.body.note)
    .then(() => res.sendStatus(204))
    .catch((err) => res.status(500).json({ message: err.message })); // ok: swallowed-exception
});

export function errorHandler(err: Error, _req: Request, res: Response, _next: NextFunction) {
  try {
    res.status(500).json({ error: 'unexpected' });
  } catch { // expect: swallowed-exception
    // headers already sent, nothing we can do
  }
}

export { router };
