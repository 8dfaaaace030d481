// corpus-path: app/api/translate/route.ts
import { NextRequest, NextResponse } from 'next/server';
import { OpenAI as OpenAIClient } from 'openai';

const client = new OpenAIClient();
const MAX_STRINGS = 100;

type Body = { strings: string[]; target: string };

export async function POST(req: NextRequest) {
  const { strings, target } = (await req.json()) as Body;
  const translations = await Promise.all(
    strings.map(async (s) => {
      const r = await client.chat.completions.create({ // expect: llm-call-in-loop
        model: 'gpt-4o-mini',
        max_tokens: 256,
        messages: [{ role: 'user', content: `Translate to ${target}, reply with the translation only:\n${s}` }],
      });
      return r.choices[0].message.content;
    }),
  );
  return NextResponse.json({ translations });
}

export async function PUT(req: NextRequest) {
  const { strings, target } = (await req.json()) as Body;
  const results: string[] = [];
  for (const s of strings) {
    const r = await client.completions.create({ model: 'gpt-3.5-turbo-instruct', prompt: `Translate to ${target}: ${s}` }); // expect: llm-call-in-loop
    results.push(r.choices[0].text);
  }
  return NextResponse.json({ results });
}

export async function OPTIONS(req: NextRequest) {
  const { dict, target } = (await req.json()) as { dict: Record<string, string>; target: string };
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(dict)) {
    const r = await client.chat.completions.create({ // expect: llm-call-in-loop
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: `Translate UI string "${key}" to ${target}: ${value}` }],
    });
    out[key] = r.choices[0].message.content ?? value;
  }
  return NextResponse.json(out);
}

export async function PATCH(req: NextRequest) {
  const { strings, target } = (await req.json()) as Body;
  if (strings.length > MAX_STRINGS) {
    return NextResponse.json({ error: `at most ${MAX_STRINGS} strings per request` }, { status: 413 });
  }
  const translations = await Promise.all(
    strings.map((s) => client.responses.create({ model: 'gpt-4.1-mini', max_output_tokens: 256, input: `Translate to ${target}: ${s}` })), // ok: llm-call-in-loop
  );
  return NextResponse.json({ translations: translations.map((t) => t.output_text) });
}

export async function GET(req: NextRequest) {
  const text = req.nextUrl.searchParams.get('text') ?? '';
  const target = req.nextUrl.searchParams.get('target') ?? 'en';
  const variants = await Promise.all(
    Array.from({ length: 3 }, () => client.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 128, temperature: 1, messages: [{ role: 'user', content: `Translate to ${target}: ${text}` }] })), // ok: llm-call-in-loop
  );
  return NextResponse.json({ variants: variants.map((v) => v.choices[0].message.content) });
}

export async function DELETE(req: NextRequest) {
  const { text } = (await req.json()) as { text: string };
  const r = await client.chat.completions.create({ // ok: llm-call-in-loop
    model: 'gpt-4o-mini',
    max_tokens: 64,
    messages: [{ role: 'user', content: `Detect the language of: ${text}` }],
  });
  return NextResponse.json({ language: r.choices[0].message.content });
}
