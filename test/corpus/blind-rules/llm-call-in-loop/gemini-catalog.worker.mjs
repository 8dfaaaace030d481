import { GoogleGenAI } from '@google/genai';
import { GoogleGenerativeAI } from '@google/generative-ai';
import { MongoClient } from 'mongodb';
import pino from 'pino';

const log = pino();
const ai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });
const legacy = new GoogleGenerativeAI(process.env.GEMINI_API_KEY);
const flash = legacy.getGenerativeModel({ model: 'gemini-1.5-flash' });

const mongo = new MongoClient(process.env.MONGO_URL);
const products = mongo.db('shop').collection('products');

const TOKEN_BUDGET = 200_000;

export async function enrichDescriptions() {
  const cursor = products.find({ description: { $exists: false } });
  for await (const product of cursor) {
    const response = await ai.models.generateContent({ // expect: llm-call-in-loop
      model: 'gemini-2.0-flash',
      contents: `Write a two-sentence product description for ${product.name}`,
    });
    await products.updateOne({ _id: product._id }, { $set: { description: response.text } });
  }
}

export async function tagProducts(items) {
  const tags = new Map();
  for (const item of items) {
    const result = await flash.generateContent(`Give three comma-separated tags for: ${item.title}`); // expect: llm-call-in-loop
    tags.set(item.sku, result.response.text().split(','));
  }
  return tags;
}

export async function localizeBundles(bundles) {
  const localized = {};
  for (const locale of Object.keys(bundles)) {
    let text = '';
    const stream = await ai.models.generateContentStream({ // expect: llm-call-in-loop
      model: 'gemini-2.0-flash',
      contents: `Translate this JSON bundle to ${locale}, keep keys:\n${JSON.stringify(bundles.en)}`,
      config: { maxOutputTokens: 4096 },
    });
    for await (const chunk of stream) {
      text += chunk.text;
    }
    localized[locale] = text;
  }
  return localized;
}

export async function answerFaq(productId, questions) {
  const chat = ai.chats.create({ model: 'gemini-2.0-flash', config: { systemInstruction: `You answer questions about product ${productId}` } });
  const answers = [];
  for (const q of questions) {
    const reply = await chat.sendMessage({ message: q }); // expect: llm-call-in-loop
    answers.push(reply.text);
  }
  return answers;
}

export async function altTextFor(images) {
  return Promise.all(
    images.map(async (img) => {
      const r = await flash.generateContent([ // expect: llm-call-in-loop
        { inlineData: { data: img.base64, mimeType: img.mime } },
        'Write concise alt text for this product photo.',
      ]);
      return r.response.text();
    }),
  );
}

export async function enrichWithinBudget(items) {
  let tokensUsed = 0;
  const out = [];
  for (const item of items) {
    if (tokensUsed >= TOKEN_BUDGET) {
      log.warn({ tokensUsed }, 'gemini token budget exhausted');
      break;
    }
    const r = await ai.models.generateContent({ // ok: llm-call-in-loop
      model: 'gemini-2.0-flash',
      contents: item.title,
      config: { maxOutputTokens: 256 },
    });
    tokensUsed += r.usageMetadata?.totalTokenCount ?? 0;
    out.push(r.text);
  }
  return out;
}

export async function embedCatalog(items) {
  for (const item of items) {
    const e = await ai.models.embedContent({ model: 'text-embedding-004', contents: item.title }); // ok: llm-call-in-loop
    await products.updateOne({ sku: item.sku }, { $set: { vector: e.embeddings[0].values } });
  }
}

export async function measurePrompts(prompts) {
  const counts = [];
  for (const p of prompts) {
    const c = await ai.models.countTokens({ model: 'gemini-2.0-flash', contents: p }); // ok: llm-call-in-loop
    counts.push(c.totalTokens);
  }
  return counts;
}

export async function generateWithFallback(prompt) {
  let lastErr;
  for (const modelName of ['gemini-2.0-flash', 'gemini-1.5-flash']) {
    try {
      const r = await ai.models.generateContent({ model: modelName, contents: prompt, config: { maxOutputTokens: 512 } }); // ok: llm-call-in-loop
      return r.text;
    } catch (err) {
      lastErr = err;
      log.warn({ err, modelName }, 'model failed, trying fallback');
    }
  }
  throw lastErr;
}

export async function describeOne(product) {
  const r = await flash.generateContent(`Describe ${product.name}`); // ok: llm-call-in-loop
  return r.response.text();
}
