const express = require('express');
const Anthropic = require('@anthropic-ai/sdk');
const { pool } = require('../db');

const router = express.Router();
const anthropic = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });
const MAX_REVIEWS = 25;
const MODEL = 'claude-3-5-haiku-latest';

router.post('/products/:id/review-sentiment', async (req, res, next) => {
  try {
    const { rows } = await pool.query('SELECT id, body FROM reviews WHERE product_id = $1', [req.params.id]);
    const results = await Promise.all(
      rows.map((r) => anthropic.messages.create({ // expect: llm-call-in-loop
        model: MODEL,
        max_tokens: 10,
        messages: [{ role: 'user', content: `Sentiment (positive/negative/neutral): ${r.body}` }],
      })),
    );
    res.json(results.map((m, i) => ({ id: rows[i].id, sentiment: m.content[0].text })));
  } catch (err) {
    next(err);
  }
});

router.post('/reviews/translate', async (req, res, next) => {
  const { reviews, targetLang } = req.body;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  try {
    for (const review of reviews) {
      const stream = anthropic.messages.stream({ // expect: llm-call-in-loop
        model: MODEL,
        max_tokens: 1024,
        messages: [{ role: 'user', content: `Translate into ${targetLang}:\n${review.text}` }],
      });
      stream.on('text', (t) => res.write(t));
      await stream.finalMessage();
      res.write('\n---\n');
    }
    res.end();
  } catch (err) {
    next(err);
  }
});

router.post('/reviews/flag-spam', async (req, res) => {
  const { reviews } = req.body;
  const spamIds = [];
  reviews.forEach(async (review) => {
    const msg = await anthropic.beta.messages.create({ // expect: llm-call-in-loop
      model: MODEL,
      max_tokens: 5,
      messages: [{ role: 'user', content: `Is this review spam? Answer yes or no.\n${review.text}` }],
    });
    if (msg.content[0].text.toLowerCase().startsWith('yes')) spamIds.push(review.id);
  });
  res.status(202).json({ accepted: reviews.length, spamIds });
});

router.post('/reviews/highlights', async (req, res) => {
  const { reviews } = req.body;
  const highlights = [];
  for (let i = 0; i < reviews.length; i++) {
    if (i >= MAX_REVIEWS) break;
    const msg = await anthropic.messages.create({ // ok: llm-call-in-loop
      model: MODEL,
      max_tokens: 60,
      messages: [{ role: 'user', content: `Pull the single most useful sentence from:\n${reviews[i].text}` }],
    });
    highlights.push(msg.content[0].text);
  }
  res.json({ highlights });
});

router.post('/reviews/pros-cons', async (req, res) => {
  const { reviews } = req.body;
  const out = [];
  for (let i = 0; i < Math.min(reviews.length, MAX_REVIEWS); i++) {
    const msg = await anthropic.messages.create({ // ok: llm-call-in-loop
      model: MODEL,
      max_tokens: 200,
      messages: [{ role: 'user', content: `List pros and cons:\n${reviews[i].text}` }],
    });
    out.push(msg.content[0].text);
  }
  res.json(out);
});

router.post('/reviews/estimate-cost', async (req, res) => {
  const { reviews } = req.body;
  let inputTokens = 0;
  for (const review of reviews) {
    const count = await anthropic.messages.countTokens({ // ok: llm-call-in-loop
      model: MODEL,
      messages: [{ role: 'user', content: review.text }],
    });
    inputTokens += count.input_tokens;
  }
  res.json({ inputTokens });
});

router.post('/reviews/summary', async (req, res) => {
  const { rows } = await pool.query('SELECT body FROM reviews WHERE product_id = $1 LIMIT 200', [req.body.productId]);
  const corpus = rows.map((r, i) => `${i + 1}. ${r.body}`).join('\n');
  const msg = await anthropic.messages.create({ // ok: llm-call-in-loop
    model: MODEL,
    max_tokens: 500,
    messages: [{ role: 'user', content: `Summarize what customers say:\n${corpus}` }],
  });
  res.json({ summary: msg.content[0].text });
});

module.exports = router;
