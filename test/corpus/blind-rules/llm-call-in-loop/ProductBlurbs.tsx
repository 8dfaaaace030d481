import * as genai from '@google/genai';
import { db } from '@/lib/db';

const ai = new genai.GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY! });
const FEATURED_LIMIT = 6;

export default async function ProductBlurbs({ categoryId }: { categoryId: string }) {
  const products = await db.product.findMany({ where: { categoryId } });
  const blurbs = await Promise.all(
    products.map((p) => ai.models.generateContent({ model: 'gemini-2.0-flash', contents: `One-line blurb for ${p.name}` })), // expect: llm-call-in-loop
  );
  return (
    <ul>
      {products.map((p, i) => (
        <li key={p.id}>
          <strong>{p.name}</strong> {blurbs[i].text}
        </li>
      ))}
    </ul>
  );
}

export async function FeaturedBlurbs({ categoryId }: { categoryId: string }) {
  const products = await db.product.findMany({ where: { categoryId, featured: true } });
  const blurbs = await Promise.all(
    products.slice(0, FEATURED_LIMIT).map((p) => ai.models.generateContent({ model: 'gemini-2.0-flash', contents: `Blurb for ${p.name}`, config: { maxOutputTokens: 60 } })), // ok: llm-call-in-loop
  );
  return (
    <section>
      {blurbs.map((b, i) => (
        <p key={i}>{b.text}</p>
      ))}
    </section>
  );
}

export async function ReviewHighlights({ reviews }: { reviews: { id: string; body: string }[] }) {
  const highlights: Record<string, string> = {};
  const pending: Promise<void>[] = [];
  reviews.forEach((r) => {
    pending.push(ai.models.generateContent({ model: 'gemini-2.0-flash', contents: `Quote the best sentence: ${r.body}` }).then((res) => { highlights[r.id] = res.text ?? ''; })); // expect: llm-call-in-loop
  });
  await Promise.all(pending);
  return (
    <blockquote>
      {reviews.map((r) => (
        <p key={r.id}>{highlights[r.id]}</p>
      ))}
    </blockquote>
  );
}

export async function CategoryIntro({ name, productNames }: { name: string; productNames: string[] }) {
  const intro = await ai.models.generateContent({ // ok: llm-call-in-loop
    model: 'gemini-2.0-flash',
    contents: `Write an intro for the ${name} category featuring: ${productNames.join(', ')}`,
    config: { maxOutputTokens: 200 },
  });
  return <p className="intro">{intro.text}</p>;
}
