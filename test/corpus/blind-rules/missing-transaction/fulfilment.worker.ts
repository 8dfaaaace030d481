import { Worker, Job } from 'bullmq';
import mongoose from 'mongoose';
import { Order } from '../models/order';
import { Inventory } from '../models/inventory';
import { Notification } from '../models/notification';
import UserModel from '../models/user';
import { redis } from '../lib/redis';

async function fulfil(job: Job<{ orderId: string }>) {
  const order = await Order.findById(job.data.orderId).lean();
  if (!order) return;
  await Inventory.updateMany({ sku: { $in: order.skus } }, { $inc: { reserved: -1, shipped: 1 } });
  await Order.updateOne({ _id: order._id }, { $set: { status: 'fulfilled' } }); // expect: missing-transaction
  await Notification.create({ userId: order.userId, kind: 'order_fulfilled' });
}

async function expireTrials(job: Job<{ cutoff: string }>) {
  const cutoff = new Date(job.data.cutoff);
  const expired = await UserModel.find({ plan: 'trial', trialEndsAt: { $lt: cutoff } }, { _id: 1 }).lean();
  await UserModel.updateMany({ _id: { $in: expired.map((u) => u._id) } }, { $set: { plan: 'free' } });
  await Notification.insertMany(expired.map((u) => ({ userId: u._id, kind: 'trial_expired' }))); // expect: missing-transaction
}

const gdprErase = async (job: Job<{ userId: string }>) => {
  await Order.deleteMany({ userId: job.data.userId });
  await UserModel.findByIdAndDelete(job.data.userId); // expect: missing-transaction
};

async function fulfilAtomically(job: Job<{ orderId: string; skus: string[] }>) {
  const session = await mongoose.startSession();
  try {
    await session.withTransaction(async () => {
      await Inventory.updateMany({ sku: { $in: job.data.skus } }, { $inc: { reserved: -1 } }, { session });
      await Order.updateOne({ _id: job.data.orderId }, { $set: { status: 'fulfilled' } }, { session }); // ok: missing-transaction
    });
  } finally {
    await session.endSession();
  }
}

async function reorder(job: Job<{ userId: string; sku: string }>) {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    await Order.create([{ userId: job.data.userId, skus: [job.data.sku], status: 'new' }], { session });
    await Inventory.updateOne({ sku: job.data.sku }, { $inc: { reserved: 1 } }, { session }); // ok: missing-transaction
    await session.commitTransaction();
  } catch (err) {
    await session.abortTransaction();
    throw err;
  } finally {
    await session.endSession();
  }
}

async function touchActivity(job: Job<{ userId: string }>) {
  await UserModel.updateOne({ _id: job.data.userId }, { $set: { lastActiveAt: new Date() } });
  await redis.set(`user:${job.data.userId}:active`, '1', 'EX', 300); // ok: missing-transaction
}

export const worker = new Worker(
  'fulfilment',
  async (job: Job) => {
    switch (job.name) {
      case 'fulfil':
        return fulfil(job);
      case 'fulfil-atomic':
        return fulfilAtomically(job);
      case 'expire-trials':
        return expireTrials(job);
      case 'gdpr-erase':
        return gdprErase(job);
      case 'reorder':
        return reorder(job);
      default:
        return touchActivity(job);
    }
  },
  { connection: redis, concurrency: 5 },
);
