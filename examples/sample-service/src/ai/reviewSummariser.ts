import OpenAI from 'openai';
import { config } from '../config';
import { logger } from '../logger';

const openai = new OpenAI({ apiKey: config.openaiApiKey, timeout: 30_000, maxRetries: 2 });
const MODEL = 'gpt-4o-mini';
// Model calls allowed per nightly run; agreed with finance when the feature shipped.
const MAX_CALLS_PER_RUN = 200;

export type Review = { id: string; productId: string; rating: number; text: string };

/** One sentence for the packing slip, from whatever the customer typed at checkout. */
export async function summariseDeliveryNotes(notes: string[]): Promise<string> {
  const completion = await openai.chat.completions.create({
    model: MODEL,
    messages: [
      { role: 'system', content: 'Summarise these delivery instructions for a warehouse picker in one sentence.' },
      { role: 'user', content: notes.join('\n') },
    ],
  });
  return completion.choices[0]?.message.content ?? '';
}

/** One-line summary per review for the product page. */
export async function summariseReviews(reviews: Review[]): Promise<Map<string, string>> {
  const summaries = new Map<string, string>();
  for (const review of reviews) {
    const completion = await openai.chat.completions.create({
      model: MODEL,
      max_tokens: 60,
      messages: [{ role: 'user', content: `Summarise this product review in one line:\n${review.text}` }],
    });
    summaries.set(review.id, completion.choices[0]?.message.content ?? '');
  }
  return summaries;
}

/** Flags reviews that complain about delivery; stops at the nightly budget, the rest wait for tomorrow. */
export async function tagDeliveryComplaints(reviews: Review[]): Promise<string[]> {
  const flagged: string[] = [];
  let calls = 0;
  for (const review of reviews) {
    if (calls >= MAX_CALLS_PER_RUN) break;
    calls += 1;
    const response = await openai.responses.create({
      model: MODEL,
      max_output_tokens: 16,
      input: `Answer yes or no: does this review complain about delivery?\n${review.text}`,
    });
    if (response.output_text.trim().toLowerCase().startsWith('yes')) flagged.push(review.id);
  }
  if (calls === MAX_CALLS_PER_RUN) logger.info({ tagged: calls, total: reviews.length }, 'review tagging budget reached');
  return flagged;
}
