// corpus-path: app/api/summarize/route.ts
import { NextRequest, NextResponse } from 'next/server';
import { GoogleGenAI, Type } from '@google/genai';

const ai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY! });

const baseConfig = { maxOutputTokens: 1024, temperature: 0.2 };

export async function POST(req: NextRequest) {
  const { text, mode } = await req.json();

  if (mode === 'brief') {
    const result = await ai.models.generateContent({ // ok: llm-call-without-limit
      model: 'gemini-2.5-flash',
      contents: text,
      config: { maxOutputTokens: 300, temperature: 0.3 },
    });
    return NextResponse.json({ summary: result.text });
  }

  if (mode === 'json') {
    const result = await ai.models.generateContent({ // expect: llm-call-without-limit
      model: 'gemini-2.5-flash',
      contents: text,
      config: {
        responseMimeType: 'application/json',
        responseSchema: { type: Type.OBJECT, properties: { summary: { type: Type.STRING } } },
      },
    });
    return NextResponse.json(JSON.parse(result.text ?? '{}'));
  }

  if (mode === 'deep') {
    // a thinking budget caps reasoning tokens, not the answer
    const result = await ai.models.generateContent({ // expect: llm-call-without-limit
      model: 'gemini-2.5-pro',
      contents: text,
      config: { thinkingConfig: { thinkingBudget: 1024 } },
    });
    return NextResponse.json({ summary: result.text });
  }

  if (mode === 'shared') {
    const result = await ai.models.generateContent({ model: 'gemini-2.5-flash', contents: text, config: { ...baseConfig, temperature: 0.5 } }); // ok: llm-call-without-limit
    return NextResponse.json({ summary: result.text });
  }

  if (mode === 'named') {
    const generationConfig = { maxOutputTokens: 800, topP: 0.9 };
    const result = await ai.models.generateContent({ model: 'gemini-2.5-flash', contents: text, config: generationConfig }); // ok: llm-call-without-limit
    return NextResponse.json({ summary: result.text });
  }

  if (mode === 'chat') {
    const chat = ai.chats.create({ model: 'gemini-2.5-flash', config: { maxOutputTokens: 500 } });
    const reply = await chat.sendMessage({ message: text }); // ok: llm-call-without-limit
    return NextResponse.json({ summary: reply.text });
  }

  const result = await ai.models.generateContent({ model: 'gemini-2.5-pro', contents: text }); // expect: llm-call-without-limit
  return NextResponse.json({ summary: result.text });
}

export async function PUT(req: NextRequest) {
  const { text } = await req.json();
  const stream = await ai.models.generateContentStream({ model: 'gemini-2.5-flash', contents: text }); // expect: llm-call-without-limit
  const encoder = new TextEncoder();
  return new Response(
    new ReadableStream({
      async start(controller) {
        for await (const chunk of stream) controller.enqueue(encoder.encode(chunk.text ?? ''));
        controller.close();
      },
    }),
  );
}

export async function PATCH(req: NextRequest) {
  const { text } = await req.json();
  const stream = await ai.models.generateContentStream({ // ok: llm-call-without-limit
    model: 'gemini-2.5-flash',
    contents: text,
    config: { maxOutputTokens: 2048 },
  });
  let out = '';
  for await (const chunk of stream) out += chunk.text ?? '';
  return NextResponse.json({ summary: out });
}

export async function GET(req: NextRequest) {
  const q = req.nextUrl.searchParams.get('q') ?? '';
  const [embedding, tokens] = await Promise.all([
    ai.models.embedContent({ model: 'gemini-embedding-001', contents: q }), // ok: llm-call-without-limit
    ai.models.countTokens({ model: 'gemini-2.5-flash', contents: q }), // ok: llm-call-without-limit
  ]);
  return NextResponse.json({ vector: embedding.embeddings?.[0]?.values, tokens: tokens.totalTokens });
}
