// @ts-nocheck
// Methods named like generation calls on things that are not the listed SDKs.
import { PrismaClient } from '@prisma/client';
import { Kafka } from 'kafkajs';
import { chatService } from './chat-service';

const prisma = new PrismaClient();
const producer = new Kafka({ brokers: ['k:9092'] }).producer();

export async function saveCompletion(userId: string, text: string) {
  return prisma.completion.create({ data: { userId, text } }); // ok: llm-call-without-limit
}

export async function saveMessage(conversationId: string, content: string) {
  return prisma.message.create({ data: { conversationId, content } }); // ok: llm-call-without-limit
}

export async function sendChat(roomId: string, body: string) {
  return chatService.sendMessage({ roomId, body }); // ok: llm-call-without-limit
}

const messages = {
  async create(input: { to: string; text: string }) {
    return producer.send({ topic: 'sms', messages: [{ value: JSON.stringify(input) }] }); // ok: llm-call-without-limit
  },
};

export async function notify(to: string) {
  return messages.create({ to, text: 'Your order shipped' }); // ok: llm-call-without-limit
}

export const completions = {
  async create(prompt: string) {
    return { id: 'local', prompt };
  },
};

export async function fakeComplete(prompt: string) {
  return completions.create(prompt); // ok: llm-call-without-limit
}

export const model = {
  generateContent(input: string) {
    return input.toUpperCase();
  },
};

export function render(input: string) {
  return model.generateContent(input); // ok: llm-call-without-limit
}
