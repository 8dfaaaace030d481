import axios from 'axios';
import { PrismaClient } from '@prisma/client';
import Stripe from 'stripe';
import { ChatOpenAI } from '@langchain/openai';
import { generateText } from 'ai';
import { openai as openaiProvider } from '@ai-sdk/openai';
import { contentful } from './cms/contentful';

const prisma = new PrismaClient();
const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);

export async function recordCompletion(userId: string, text: string) {
  return prisma.completion.create({ data: { userId, text } }); // ok: llm-call-without-limit
}

export async function openChatSession(userId: string) {
  return prisma.chat.create({ data: { userId, startedAt: new Date() } }); // ok: llm-call-without-limit
}

export async function buyCredits(customerId: string, priceId: string) {
  return stripe.checkout.sessions.create({ customer: customerId, mode: 'payment', line_items: [{ price: priceId, quantity: 1 }] }); // ok: llm-call-without-limit
}

// raw HTTP, not an SDK call
export async function rawOpenAI(messages: unknown[]) {
  const res = await fetch('https://api.openai.com/v1/chat/completions', { // ok: llm-call-without-limit
    method: 'POST',
    headers: { Authorization: `Bearer ${process.env.OPENAI_API_KEY}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ model: 'gpt-4o', messages }),
  });
  return res.json();
}

export async function rawAnthropic(prompt: string) {
  const { data } = await axios.post('https://api.anthropic.com/v1/messages', { model: 'claude-3-5-haiku-latest', messages: [{ role: 'user', content: prompt }] }, { headers: { 'x-api-key': process.env.ANTHROPIC_API_KEY } }); // ok: llm-call-without-limit
  return data;
}

// LangChain wrapper, not one of the named SDKs
export async function langchainAnswer(question: string) {
  const llm = new ChatOpenAI({ model: 'gpt-4o-mini', temperature: 0 }); // ok: llm-call-without-limit
  const out = await llm.invoke(question); // ok: llm-call-without-limit
  return out.content;
}

// Vercel AI SDK, not one of the named SDKs
export async function vercelAnswer(prompt: string) {
  const { text } = await generateText({ model: openaiProvider('gpt-4o'), prompt }); // ok: llm-call-without-limit
  return text;
}

export async function renderLanding(slug: string) {
  const entry = await contentful.generateContent({ slug, locale: 'en-US' }); // ok: llm-call-without-limit
  return entry.fields;
}

class ReportBuilder {
  messages = {
    create: (body: { to: string; text: string }) => ({ ...body, sentAt: Date.now() }),
  };
}

export function notifyOwner(ownerEmail: string) {
  const builder = new ReportBuilder();
  return builder.messages.create({ to: ownerEmail, text: 'Your report is ready' }); // ok: llm-call-without-limit
}
