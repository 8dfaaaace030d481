// corpus-path: app/inbox/suggestions.tsx
import * as genai from '@google/genai';
import { openai } from '@/lib/openai';
import { auth } from '@/auth';

const ai = new genai.GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });

export async function SuggestedReplies({ threadText }: { threadText: string }) {
  const session = await auth();
  if (!session) return null;
  const result = await ai.models.generateContent({ model: 'gemini-2.0-flash', contents: threadText, config: { systemInstruction: 'Suggest three short replies.', candidateCount: 1 } }); // expect: llm-call-without-limit
  const replies = (result.text ?? '').split('\n').filter(Boolean);
  return (
    <ul className="suggestions">
      {replies.map((r) => (
        <li key={r}>{r}</li>
      ))}
    </ul>
  );
}

export async function ThreadPreview({ text }: { text: string }) {
  const res = await ai.models.generateContent({ model: 'gemini-2.0-flash-lite', contents: text, config: { maxOutputTokens: 120 } }); // ok: llm-call-without-limit
  return <p className="preview">{res.text}</p>;
}

// client object built in lib/openai.ts (new OpenAI()) and imported here
export async function RewrittenDraft({ draft, tone }: { draft: string; tone: string }) {
  const res = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: `Rewrite in a ${tone} tone: ${draft}` }] }); // expect: llm-call-without-limit
  return <blockquote>{res.choices[0].message.content}</blockquote>;
}

export async function ShortDraft({ draft }: { draft: string }) {
  const res = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: `Shorten: ${draft}` }], max_tokens: 150 }); // ok: llm-call-without-limit
  return <blockquote>{res.choices[0].message.content}</blockquote>;
}
