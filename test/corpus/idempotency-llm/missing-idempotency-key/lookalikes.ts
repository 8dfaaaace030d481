// @ts-nocheck
// Not Stripe: the project's own repositories and other SDKs with similar method names.
import { PrismaClient } from '@prisma/client';
import OpenAI from 'openai';
import { Queue } from 'bullmq';

const prisma = new PrismaClient();
const openai = new OpenAI();
const queue = new Queue('billing');

class RefundRepository {
  async create(data: { orderId: string; amount: number }) {
    return prisma.refund.create({ data }); // ok: missing-idempotency-key
  }
}

const refunds = new RefundRepository();

export async function recordRefund(orderId: string, amount: number) {
  return refunds.create({ orderId, amount }); // ok: missing-idempotency-key
}

export async function recordInvoice(customerId: string, total: number) {
  return prisma.invoice.create({ data: { customerId, total } }); // ok: missing-idempotency-key
}

export async function recordPayout(sellerId: string, amount: number) {
  return prisma.payout.create({ data: { sellerId, amount } }); // ok: missing-idempotency-key
}

export async function recordCharge(orderId: string) {
  return prisma.charge.create({ data: { orderId, status: 'pending' } }); // ok: missing-idempotency-key
}

export async function draftEmail(topic: string) {
  return openai.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 200, messages: [{ role: 'user', content: topic }] }); // ok: missing-idempotency-key
}

export async function enqueueInvoice(invoiceId: string) {
  return queue.add('invoice', { invoiceId }); // ok: missing-idempotency-key
}

export const subscriptions = {
  async create(userId: string, plan: string) {
    return prisma.subscription.create({ data: { userId, plan } }); // ok: missing-idempotency-key
  },
};

export async function subscribeUser(userId: string) {
  return subscriptions.create(userId, 'pro'); // ok: missing-idempotency-key
}

export async function recordTransfer(from: string, to: string, amount: number) {
  return prisma.transfer.create({ data: { from, to, amount } }); // ok: missing-idempotency-key
}
