const fastify = require('fastify')({ logger: true });
const knexFactory = require('knex');

const knex = knexFactory({ client: 'pg', connection: process.env.DATABASE_URL });

fastify.post('/products/:id/purchase', async (request, reply) => {
  const { qty } = request.body;
  const product = await knex('products').where({ id: request.params.id }).first();
  if (!product) return reply.code(404).send({ error: 'not found' });
  if (product.stock < qty) return reply.code(409).send({ error: 'out of stock' });
  await knex('products').where({ id: product.id }).update({ stock: product.stock - qty }); // expect: read-modify-write-race
  return { ok: true };
});

fastify.post('/gift-cards/:code/redeem', async (request, reply) => {
  const { amount } = request.body;
  const card = await knex('gift_cards').where('code', request.params.code).first();
  if (!card || card.balance < amount) return reply.code(402).send({ error: 'insufficient balance' });
  await knex('gift_cards').where('id', card.id).update({ // expect: read-modify-write-race
    balance: card.balance - amount,
    last_used_at: knex.fn.now(),
  });
  return { remaining: card.balance - amount };
});

fastify.post('/coupons/:code/use', async (request, reply) => {
  const coupon = await knex.select('id', 'uses', 'max_uses').from('coupons').where({ code: request.params.code }).first();
  if (!coupon || coupon.uses >= coupon.max_uses) return reply.code(410).send({ error: 'coupon exhausted' });
  await knex('coupons').where({ id: coupon.id }).update('uses', coupon.uses + 1); // expect: read-modify-write-race
  return { ok: true };
});

fastify.post('/products/:id/reserve', async (request) => {
  const { qty } = request.body;
  return knex.transaction(async (trx) => {
    const product = await trx('products').where({ id: request.params.id }).forUpdate().first();
    if (!product || product.stock < qty) throw fastify.httpErrors.conflict('out of stock');
    await trx('products').where({ id: product.id }).update({ stock: product.stock - qty }); // ok: read-modify-write-race
    return { reserved: qty };
  });
});

fastify.post('/products/:id/return', async (request, reply) => {
  const product = await knex('products').where({ id: request.params.id }).first();
  if (!product) return reply.code(404).send({ error: 'not found' });
  await knex('products').where({ id: product.id }).increment('stock', request.body.qty); // ok: read-modify-write-race
  return { ok: true };
});

fastify.post('/products/:id/damage', async (request, reply) => {
  const product = await knex('products').where({ id: request.params.id }).first();
  if (!product) return reply.code(404).send({ error: 'not found' });
  await knex('products').where({ id: product.id }).update({ stock: knex.raw('GREATEST(stock - ?, 0)', [request.body.qty]) }); // ok: read-modify-write-race
  return { ok: true };
});

fastify.patch('/products/:id/stock', async (request, reply) => {
  const { delta, version } = request.body;
  const product = await knex('products').where({ id: request.params.id }).first();
  if (!product) return reply.code(404).send({ error: 'not found' });
  const affected = await knex('products').where({ id: product.id, version }).update({ stock: product.stock + delta, version: version + 1 }); // ok: read-modify-write-race
  if (affected === 0) return reply.code(409).send({ error: 'stale version' });
  return { ok: true };
});

fastify.put('/products/:id/price', async (request, reply) => {
  const product = await knex('products').where({ id: request.params.id }).first();
  if (!product) return reply.code(404).send({ error: 'not found' });
  await knex('products').where({ id: product.id }).update({ price_cents: request.body.priceCents, updated_at: knex.fn.now() }); // ok: read-modify-write-race
  return { ok: true };
});

module.exports = fastify;
