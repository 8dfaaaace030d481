// corpus-path: scripts/backfill-summaries.mjs
import fs from 'node:fs/promises';
import path from 'node:path';
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';

const anthropic = new Anthropic();
const openai = new OpenAI();
const DOCS_DIR = process.argv[2] ?? './docs';
const limit = Number(process.env.LIMIT ?? 10);

const files = await fs.readdir(DOCS_DIR);
const summaries = {};
for (const file of files) {
  const text = await fs.readFile(path.join(DOCS_DIR, file), 'utf8');
  const msg = await anthropic.messages.create({ // expect: llm-call-in-loop
    model: 'claude-3-5-haiku-latest',
    max_tokens: 300,
    messages: [{ role: 'user', content: `Summarize this doc:\n${text}` }],
  });
  summaries[file] = msg.content[0].text;
}

const manifest = JSON.parse(await fs.readFile('./manifest.json', 'utf8'));
const languages = manifest.languages;
for (const lang of languages) {
  for (const section of manifest.sections) {
    const r = await openai.chat.completions.create({ // expect: llm-call-in-loop
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: `Translate section "${section.title}" to ${lang}:\n${section.body}` }],
    });
    await fs.writeFile(`./out/${lang}/${section.slug}.md`, r.choices[0].message.content ?? '');
  }
}

const pending = manifest.sections.map((s) => openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: `SEO description for: ${s.title}` }] }).then((r) => r.choices[0].message.content)); // expect: llm-call-in-loop
const seo = await Promise.all(pending);

for (const key in manifest.glossary) {
  const def = await openai.responses.create({ model: 'gpt-4.1-mini', input: `Define the term "${key}" in one sentence.` }); // expect: llm-call-in-loop
  manifest.glossary[key] = def.output_text;
}

let done = 0;
for (const file of files) {
  if (done >= limit) break;
  const text = await fs.readFile(path.join(DOCS_DIR, file), 'utf8');
  const msg = await anthropic.messages.create({ // ok: llm-call-in-loop
    model: 'claude-3-5-haiku-latest',
    max_tokens: 100,
    messages: [{ role: 'user', content: `Give this doc a title:\n${text}` }],
  });
  done++;
  console.log(file, msg.content[0].text);
}

const overview = await openai.chat.completions.create({ // ok: llm-call-in-loop
  model: 'gpt-4o',
  max_tokens: 1000,
  messages: [{ role: 'user', content: `Write an overview of these docs:\n${Object.values(summaries).join('\n\n')}` }],
});

await fs.writeFile('./out/summaries.json', JSON.stringify({ summaries, seo, overview: overview.choices[0].message.content }, null, 2));
