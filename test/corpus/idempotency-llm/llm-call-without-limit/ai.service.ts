// @ts-nocheck
import { Injectable, Inject } from '@nestjs/common';
import OpenAI, { AzureOpenAI } from 'openai';
import Anthropic from '@anthropic-ai/sdk';
import { GoogleGenAI } from '@google/genai';

export const OPENAI = Symbol('OPENAI');

@Injectable()
export class AiService {
  private readonly azure = new AzureOpenAI({ apiVersion: '2024-10-21', deployment: 'gpt-4o' });
  private readonly gemini = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });

  constructor(
    @Inject(OPENAI) private readonly openai: OpenAI,
    private readonly anthropic: Anthropic,
  ) {}

  async title(text: string) {
    const res = await this.openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: `Title for: ${text}` }] }); // expect: llm-call-without-limit
    return res.choices[0].message.content;
  }

  async titleBounded(text: string) {
    const res = await this.openai.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 20, messages: [{ role: 'user', content: `Title for: ${text}` }] }); // ok: llm-call-without-limit
    return res.choices[0].message.content;
  }

  async azureSummary(text: string) {
    return this.azure.chat.completions.create({ model: '', messages: [{ role: 'user', content: text }] }); // expect: llm-call-without-limit
  }

  async azureSummaryBounded(text: string) {
    return this.azure.chat.completions.create({ model: '', max_tokens: 256, messages: [{ role: 'user', content: text }] }); // ok: llm-call-without-limit
  }

  async critique(draft: string) {
    return this.anthropic.messages.create({ model: 'claude-3-5-sonnet-latest', messages: [{ role: 'user', content: draft }], temperature: 0 }); // expect: llm-call-without-limit
  }

  async critiqueBounded(draft: string) {
    return this.anthropic.messages.create({ model: 'claude-3-5-sonnet-latest', max_tokens: 600, messages: [{ role: 'user', content: draft }] }); // ok: llm-call-without-limit
  }

  async chatSession(questions: [string, string]) {
    const chat = this.gemini.chats.create({ model: 'gemini-2.0-flash' });
    const first = await chat.sendMessage({ message: questions[0] }); // expect: llm-call-without-limit
    return first.text;
  }

  async chatSessionBounded(question: string) {
    const chat = this.gemini.chats.create({ model: 'gemini-2.0-flash', config: { maxOutputTokens: 200 } });
    const reply = await chat.sendMessage({ message: question }); // ok: llm-call-without-limit
    return reply.text;
  }

  async geminiOnce(prompt: string) {
    const r = await this.gemini.models.generateContent({ model: 'gemini-2.5-flash', contents: [{ role: 'user', parts: [{ text: prompt }] }] }); // expect: llm-call-without-limit
    return r.text;
  }

  async imagine(prompt: string) {
    // image generation has no output-token limit to set
    return this.openai.images.generate({ model: 'dall-e-3', prompt, size: '1024x1024' }); // ok: llm-call-without-limit
  }

  async speak(text: string) {
    return this.openai.audio.speech.create({ model: 'tts-1', voice: 'alloy', input: text }); // ok: llm-call-without-limit
  }

  async vectors(texts: string[]) {
    return this.openai.embeddings.create({ model: 'text-embedding-3-large', input: texts }); // ok: llm-call-without-limit
  }
}
