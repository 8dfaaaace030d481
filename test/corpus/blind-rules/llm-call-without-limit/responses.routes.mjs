import express from 'express';
import multer from 'multer';
import { OpenAI as OpenAIClient } from 'openai';
import { requireAuth } from '../middleware/auth.mjs';

const router = express.Router();
const upload = multer({ dest: '/tmp/uploads' });
const client = new OpenAIClient();

router.post('/answer', requireAuth, async (req, res, next) => {
  try {
    const response = await client.responses.create({ // expect: llm-call-without-limit
      model: 'gpt-4.1',
      instructions: 'Answer using the knowledge base only.',
      input: req.body.question,
    });
    res.json({ text: response.output_text });
  } catch (err) {
    next(err);
  }
});

router.post('/answer/short', requireAuth, async (req, res) => {
  const response = await client.responses.create({ model: 'gpt-4.1-mini', input: req.body.question, max_output_tokens: 400 }); // ok: llm-call-without-limit
  res.json({ text: response.output_text });
});

router.post('/answer/stream', requireAuth, async (req, res) => {
  const stream = await client.responses.create({ model: 'gpt-4.1', input: req.body.question, stream: true }); // expect: llm-call-without-limit
  for await (const event of stream) {
    if (event.type === 'response.output_text.delta') res.write(event.delta);
  }
  res.end();
});

router.post('/answer/events', requireAuth, async (req, res) => {
  const runner = client.responses.stream({ model: 'gpt-4.1', input: req.body.question }); // expect: llm-call-without-limit
  runner.on('response.output_text.delta', (e) => res.write(e.delta));
  await runner.finalResponse();
  res.end();
});

router.post('/answer/tools', requireAuth, async (req, res) => {
  const response = await client.responses.create({ // ok: llm-call-without-limit
    model: 'gpt-4.1',
    input: req.body.question,
    tools: [{ type: 'web_search_preview' }],
    max_output_tokens: 1200,
  });
  res.json({ text: response.output_text });
});

router.post('/complete', requireAuth, async (req, res) => {
  const completion = await client.completions.create({ model: 'gpt-3.5-turbo-instruct', prompt: req.body.prefix }); // expect: llm-call-without-limit
  res.json({ text: completion.choices[0].text });
});

router.post('/complete/capped', requireAuth, async (req, res) => {
  const completion = await client.completions.create({ model: 'gpt-3.5-turbo-instruct', prompt: req.body.prefix, max_tokens: 64 }); // ok: llm-call-without-limit
  res.json({ text: completion.choices[0].text });
});

router.post('/transcribe', requireAuth, upload.single('audio'), async (req, res) => {
  const fs = await import('node:fs');
  const transcript = await client.audio.transcriptions.create({ model: 'whisper-1', file: fs.createReadStream(req.file.path) }); // ok: llm-call-without-limit
  res.json({ text: transcript.text });
});

router.post('/speak', requireAuth, async (req, res) => {
  const speech = await client.audio.speech.create({ model: 'tts-1', voice: 'alloy', input: req.body.text }); // ok: llm-call-without-limit
  res.type('audio/mpeg').send(Buffer.from(await speech.arrayBuffer()));
});

export default router;
