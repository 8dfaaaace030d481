import Stripe from 'stripe';
import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
import OpenAI from 'openai';
import { Queue } from 'bullmq';
import { prisma } from '../lib/prisma';

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? '', { apiVersion: '2024-06-20' });
const s3 = new S3Client({ region: process.env.AWS_REGION });
const openai = new OpenAI();
const reportQueue = new Queue('reports', { connection: { host: process.env.REDIS_HOST } });
const recentReports = new Map<string, string>();

export async function startSubscription(email: string, priceId: string) {
  const customer = await stripe.customers.create({ email });
  const subscription = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: priceId }] }); // ok: missing-transaction
  return subscription;
}

export async function linkStripeCustomer(userId: string, email: string) {
  const customer = await stripe.customers.create({ email }, { idempotencyKey: `customer-${userId}` });
  await prisma.user.update({ where: { id: userId }, data: { stripeCustomerId: customer.id } }); // ok: missing-transaction
}

export async function uploadAvatar(userId: string, body: Buffer) {
  const key = `avatars/${userId}.png`;
  await s3.send(new PutObjectCommand({ Bucket: process.env.AVATAR_BUCKET, Key: key, Body: body }));
  await prisma.user.update({ where: { id: userId }, data: { avatarKey: key } }); // ok: missing-transaction
}

export async function summariseDocument(docId: string, text: string) {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_tokens: 300,
    messages: [{ role: 'user', content: `Summarise:\n${text}` }],
  });
  await prisma.document.update({ where: { id: docId }, data: { summary: completion.choices[0].message.content } }); // ok: missing-transaction
}

export async function enqueueReport(userId: string) {
  const report = await prisma.report.create({ data: { userId, status: 'queued' } });
  recentReports.set(userId, report.id); // ok: missing-transaction
  await reportQueue.add('generate', { reportId: report.id }, { jobId: report.id }); // ok: missing-transaction
  return report;
}

export async function createTag(name: string) {
  return prisma.tag.create({ data: { name } });
}

export async function createLabel(name: string) {
  return prisma.label.create({ data: { name } }); // ok: missing-transaction
}
