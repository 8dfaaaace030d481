const { GoogleGenerativeAI } = require('@google/generative-ai');
const logger = require('../lib/logger');

const genAI = new GoogleGenerativeAI(process.env.GOOGLE_API_KEY);

const cappedModel = genAI.getGenerativeModel({
  model: 'gemini-1.5-flash',
  generationConfig: { maxOutputTokens: 512, temperature: 0.4 },
});

async function describeProduct(product) {
  const result = await cappedModel.generateContent(`Write a product description for ${product.name}`); // ok: llm-call-without-limit
  return result.response.text();
}

async function translate(text, lang) {
  const model = genAI.getGenerativeModel({ model: 'gemini-1.5-pro' });
  const result = await model.generateContent(`Translate to ${lang}: ${text}`); // expect: llm-call-without-limit
  return result.response.text();
}

async function tagline(product) {
  const model = genAI.getGenerativeModel({ model: 'gemini-1.5-flash' });
  const result = await model.generateContent({ // ok: llm-call-without-limit
    contents: [{ role: 'user', parts: [{ text: `Tagline for ${product.name}` }] }],
    generationConfig: { maxOutputTokens: 40 },
  });
  return result.response.text();
}

async function streamStory(prompt, write) {
  const model = genAI.getGenerativeModel({ model: 'gemini-1.5-flash', generationConfig: { temperature: 1.0 } });
  const result = await model.generateContentStream(prompt); // expect: llm-call-without-limit
  for await (const chunk of result.stream) write(chunk.text());
  logger.info('story streamed');
}

async function embed(text) {
  const model = genAI.getGenerativeModel({ model: 'text-embedding-004' });
  const { embedding } = await model.embedContent(text); // ok: llm-call-without-limit
  return embedding.values;
}

module.exports = { describeProduct, translate, tagline, streamStory, embed };
