#!/usr/bin/env node
// CLI: maintenance commands for the articles database
'use strict';
const { Client } = require('pg');
const { Command } = require('commander');
const { Sequelize, QueryTypes } = require('sequelize');
const { readFile } = require('node:fs/promises');
const knex = require('knex')({ client: 'pg', connection: process.env.DATABASE_URL });

const program = new Command();

function slugOf(title) {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

program.command('backfill-slugs').action(async () => {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const { rows } = await client.query('SELECT id, title FROM articles WHERE slug IS NULL');
  for (let i = 0; i < rows.length; i++) {
    await client.query( // expect: n-plus-one
      'UPDATE articles SET slug = $1 WHERE id = $2',
      [slugOf(rows[i].title), rows[i].id],
    );
  }
  await client.end();
});

program.command('backfill-slugs-fast').action(async () => {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const { rows } = await client.query('SELECT id, title FROM articles WHERE slug IS NULL');
  await client.query( // ok: n-plus-one
    'UPDATE articles a SET slug = v.slug FROM unnest($1::int[], $2::text[]) AS v(id, slug) WHERE a.id = v.id',
    [rows.map((r) => r.id), rows.map((r) => slugOf(r.title))], // ok: n-plus-one
  );
  await client.end();
});

program
  .command('seed')
  .argument('<file>')
  .action(async (file) => {
    const sequelize = new Sequelize(process.env.DATABASE_URL, { logging: false });
    const seeds = JSON.parse(await readFile(file, 'utf8'));
    for (const table in seeds) {
      for (const row of seeds[table]) {
        const cols = Object.keys(row);
        await sequelize.query( // expect: n-plus-one
          `INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})`,
          { bind: Object.values(row), type: QueryTypes.INSERT },
        );
      }
    }
    await sequelize.close();
  });

program.command('tag-counts').action(async () => {
  const tags = await knex('tags').select('id', 'name');
  for (const tag of tags) {
    const [{ count }] = await knex('article_tags').where({ tag_id: tag.id }).count({ count: '*' }); // expect: n-plus-one
    console.log(`${tag.name}\t${count}`);
  }
  await knex.destroy();
});

program.command('tag-counts-fast').action(async () => {
  const counts = await knex('article_tags') // ok: n-plus-one
    .select('tag_id')
    .count({ count: '*' })
    .groupBy('tag_id');
  for (const c of counts) {
    console.log(`${c.tag_id}\t${c.count}`); // ok: n-plus-one
  }
  await knex.destroy();
});

program.command('wait-for-db').action(async () => {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  let connected = false;
  while (!connected) {
    try {
      await client.connect(); // ok: n-plus-one
      await client.query('SELECT 1'); // ok: n-plus-one
      connected = true;
    } catch {
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  await client.end();
});

program.parseAsync(process.argv);
