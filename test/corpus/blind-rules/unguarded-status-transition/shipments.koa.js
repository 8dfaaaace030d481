const Koa = require('koa');
const Router = require('@koa/router');
const bodyParser = require('koa-bodyparser');
const { MongoClient, ObjectId } = require('mongodb');

const client = new MongoClient(process.env.MONGO_URL);
const shipments = client.db('logistics').collection('shipments');

const app = new Koa();
const router = new Router();

router.post('/shipments', async (ctx) => {
  const { insertedId } = await shipments.insertOne({ ...ctx.request.body, status: 'label_created', events: [] }); // ok: unguarded-status-transition
  ctx.status = 201; // ok: unguarded-status-transition
  ctx.body = { id: insertedId };
});

router.post('/shipments/:id/deliver', async (ctx) => {
  await shipments.updateOne({ _id: new ObjectId(ctx.params.id) }, { $set: { status: 'delivered', deliveredAt: new Date() } }); // expect: unguarded-status-transition
  ctx.body = { status: 'ok' }; // ok: unguarded-status-transition
});

router.post('/shipments/:id/deliver-safe', async (ctx) => {
  const res = await shipments.updateOne( // ok: unguarded-status-transition
    { _id: new ObjectId(ctx.params.id), status: 'in_transit' },
    { $set: { status: 'delivered', deliveredAt: new Date() } },
  );
  ctx.status = res.modifiedCount === 1 ? 204 : 409;
});

router.post('/shipments/:id/cancel', async (ctx) => {
  const doc = await shipments.findOneAndUpdate( // ok: unguarded-status-transition
    { _id: new ObjectId(ctx.params.id), status: { $in: ['label_created', 'in_transit'] } },
    { $set: { status: 'cancelled' } },
    { returnDocument: 'after' },
  );
  ctx.status = doc ? 200 : 409;
});

router.post('/shipments/:tracking/return', async (ctx) => {
  await client.db('logistics').collection('shipments').findOneAndUpdate({ trackingNumber: ctx.params.tracking }, { $set: { status: 'returned' } }); // expect: unguarded-status-transition
  ctx.status = 204;
});

router.post('/carriers/:carrier/delays', async (ctx) => {
  await shipments.updateMany({ carrier: ctx.params.carrier, eta: { $lt: new Date() } }, { $set: { status: 'delayed' } }); // expect: unguarded-status-transition
  ctx.status = 204;
});

router.post('/carriers/:carrier/delays-safe', async (ctx) => {
  await shipments.updateMany({ carrier: ctx.params.carrier, eta: { $lt: new Date() }, status: 'in_transit' }, { $set: { status: 'delayed' } }); // ok: unguarded-status-transition
  ctx.status = 204;
});

router.post('/shipments/:id/scan', async (ctx) => {
  await shipments.updateOne({ _id: new ObjectId(ctx.params.id) }, { $push: { events: { status: 'scanned', at: new Date(), hub: ctx.request.body.hub } } }); // ok: unguarded-status-transition
  ctx.status = 204;
});

app.use(bodyParser()).use(router.routes()).use(router.allowedMethods());

module.exports = app;
