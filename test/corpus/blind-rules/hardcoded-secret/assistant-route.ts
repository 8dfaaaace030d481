// corpus-path: app/api/assistant/route.ts
import { NextResponse, type NextRequest } from 'next/server';
import OpenAI from 'openai';
import sgMail from '@sendgrid/mail';
import { Client as MapsClient } from '@googlemaps/google-maps-services-js';

export const runtime = 'nodejs'; // ok: hardcoded-secret
export const dynamic = 'force-dynamic';

const openai = new OpenAI({
  apiKey: 'sk-proj-Qw3Er4Ty5Ui6Op7As8Df9Gh0Jk1Lz2Xc3Vb4Nm5Mn6Bv7Cx8Zl9Kj0Hg', // expect: hardcoded-secret
  organization: 'org-acmeplatformteam01', // ok: hardcoded-secret
});

const fallbackOpenai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY }); // ok: hardcoded-secret

sgMail.setApiKey('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'); // expect: hardcoded-secret

const maps = new MapsClient({});
const GOOGLE_MAPS_API_KEY = 'AIzaSyQw3Er4Ty5Ui6Op7As8Df9Gh0Jk1Lz2Xc3'; // expect: hardcoded-secret

const API_KEY_HEADER = 'x-api-key'; // ok: hardcoded-secret
const INTERNAL_API_KEY = 'c9Hq2Lw7Nk4Pv1Rx6Tz0Yb3Jd8Fg5SaMe'; // expect: hardcoded-secret

export async function POST(req: NextRequest) {
  const apiKey = req.headers.get(API_KEY_HEADER); // ok: hardcoded-secret
  if (apiKey !== INTERNAL_API_KEY) {
    return NextResponse.json({ error: 'unauthorized' }, { status: 401 });
  }
  const { prompt, address, notify } = await req.json();
  const geo = await maps.geocode({ params: { address, key: GOOGLE_MAPS_API_KEY } });
  const completion = await fallbackOpenai.chat.completions.create({
    model: 'gpt-4o-mini', // ok: hardcoded-secret
    max_tokens: 400,
    messages: [{ role: 'user', content: `${prompt}\nLocation: ${geo.data.results[0]?.formatted_address}` }],
  });
  if (notify) {
    await sgMail.send({ to: notify, from: 'noreply@acme.io', subject: 'Your answer', text: completion.choices[0].message.content ?? '' });
  }
  const cacheKey = `assistant:${Buffer.from(prompt).toString('base64url').slice(0, 32)}`; // ok: hardcoded-secret
  return NextResponse.json({ cacheKey, answer: completion.choices[0].message.content });
}

export async function GET() {
  return NextResponse.json({ ok: true, model: (await openai.models.retrieve('gpt-4o-mini')).id });
}
