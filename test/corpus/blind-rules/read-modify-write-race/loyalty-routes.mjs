import Router from '@koa/router';
import mongoose, { Schema, model } from 'mongoose';

const memberSchema = new Schema({
  email: String,
  points: { type: Number, default: 0 },
  lifetimePoints: { type: Number, default: 0 },
  visits: { type: Number, default: 0 },
  tier: { type: String, default: 'basic' },
  badges: [String],
});
const Member = model('Member', memberSchema);

const voucherSchema = new Schema(
  { code: String, remaining: Number, redeemedBy: [String] },
  { optimisticConcurrency: true },
);
const Voucher = model('Voucher', voucherSchema);

export const router = new Router({ prefix: '/loyalty' });

router.post('/members/:id/redeem', async (ctx) => {
  const { cost } = ctx.request.body;
  const member = await Member.findById(ctx.params.id);
  if (!member) ctx.throw(404, 'member not found');
  if (member.points < cost) ctx.throw(409, 'not enough points');
  member.points -= cost;
  await member.save(); // expect: read-modify-write-race
  ctx.body = { points: member.points };
});

router.post('/members/:id/checkin', async (ctx) => {
  const member = await Member.findOne({ _id: ctx.params.id });
  if (!member) ctx.throw(404, 'member not found');
  member.visits += 1;
  if (member.visits % 10 === 0) member.tier = 'gold';
  await member.save(); // expect: read-modify-write-race
  ctx.status = 204;
});

router.post('/members/:id/earn', async (ctx) => {
  const { amount } = ctx.request.body;
  const member = await Member.findById(ctx.params.id).lean();
  if (!member) ctx.throw(404, 'member not found');
  await Member.updateOne({ _id: member._id }, { $set: { points: member.points + amount, lifetimePoints: member.lifetimePoints + amount } }); // expect: read-modify-write-race
  ctx.body = { ok: true };
});

router.post('/members/:id/expire', async (ctx) => {
  const member = await Member.findById(ctx.params.id);
  if (!member) ctx.throw(404, 'member not found');
  const expired = Math.floor(member.points * 0.1);
  await Member.findByIdAndUpdate(member.id, { points: member.points - expired }); // expect: read-modify-write-race
  ctx.body = { expired };
});

router.post('/members/:id/bonus', async (ctx) => {
  const member = await Member.findById(ctx.params.id);
  if (!member) ctx.throw(404, 'member not found');
  await Member.updateOne({ _id: member._id }, { $inc: { points: ctx.request.body.bonus, lifetimePoints: ctx.request.body.bonus } }); // ok: read-modify-write-race
  ctx.status = 204;
});

router.post('/members/:id/spend', async (ctx) => {
  const { cost } = ctx.request.body;
  const member = await Member.findById(ctx.params.id).select('points');
  if (!member) ctx.throw(404, 'member not found');
  const updated = await Member.findOneAndUpdate({ _id: member._id, points: { $gte: cost } }, { $inc: { points: -cost } }, { new: true }); // ok: read-modify-write-race
  if (!updated) ctx.throw(409, 'not enough points');
  ctx.body = { points: updated.points };
});

router.post('/members/:id/gift', async (ctx) => {
  const { to, points } = ctx.request.body;
  const session = await mongoose.startSession();
  try {
    await session.withTransaction(async () => {
      const sender = await Member.findById(ctx.params.id).session(session);
      const receiver = await Member.findById(to).session(session);
      sender.points -= points;
      receiver.points += points;
      await sender.save({ session }); // ok: read-modify-write-race
      await receiver.save({ session }); // ok: read-modify-write-race
    });
  } finally {
    await session.endSession();
  }
  ctx.status = 204;
});

router.post('/members/:id/adjust', async (ctx) => {
  const { delta } = ctx.request.body;
  const member = await Member.findById(ctx.params.id);
  if (!member) ctx.throw(404, 'member not found');
  const res = await Member.updateOne({ _id: member._id, __v: member.__v }, { $set: { points: member.points + delta }, $inc: { __v: 1 } }); // ok: read-modify-write-race
  if (res.modifiedCount === 0) ctx.throw(409, 'concurrent update, retry');
  ctx.status = 204;
});

router.put('/members/:id/email', async (ctx) => {
  const member = await Member.findById(ctx.params.id);
  if (!member) ctx.throw(404, 'member not found');
  member.email = String(ctx.request.body.email).toLowerCase();
  await member.save(); // ok: read-modify-write-race
  ctx.body = { email: member.email };
});

router.post('/members/:id/badges', async (ctx) => {
  const member = await Member.findById(ctx.params.id);
  if (!member) ctx.throw(404, 'member not found');
  member.badges.push(ctx.request.body.badge);
  await member.save(); // ok: read-modify-write-race
  ctx.status = 201;
});

router.post('/vouchers/:code/claim', async (ctx) => {
  const voucher = await Voucher.findOne({ code: ctx.params.code });
  if (!voucher || voucher.remaining <= 0) ctx.throw(410, 'voucher exhausted');
  voucher.remaining -= 1;
  voucher.redeemedBy.push(ctx.state.user.id);
  await voucher.save(); // ok: read-modify-write-race
  ctx.status = 204;
});
