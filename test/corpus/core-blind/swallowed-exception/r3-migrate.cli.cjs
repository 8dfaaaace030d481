#!/usr/bin/env node
const { Command } = require('commander');
const { Client: PgClient } = require('pg');
const fs = require('node:fs');
const path = require('path');
const chalk = require('chalk');

const program = new Command();

function readMigrations(dir) {
  try {
    return fs.readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();
  } catch { // expect: swallowed-exception
    return [];
  }
}

function loadEnvFile(file = '.env') {
  let text;
  try {
    text = fs.readFileSync(path.resolve(file), 'utf8');
  } catch (e) { // ok: swallowed-exception
    if (e && e.code === 'ENOENT') return {};
    throw e;
  }
  return Object.fromEntries(text.split('\n').filter(Boolean).map((l) => l.split('=')));
}

function version() {
  try {
    return require('../package.json').version;
  } catch (err) { // ok: swallowed-exception
    void err;
    return '0.0.0';
  }
}

program.name('migrate').version(version());

program
  .command('up')
  .option('-d, --dir <dir>', 'migrations directory', 'migrations')
  .action(async ({ dir }) => {
    const client = new PgClient({ connectionString: loadEnvFile().DATABASE_URL });
    await client.connect();
    for (const file of readMigrations(dir)) {
      try {
        await client.query(fs.readFileSync(path.join(dir, file), 'utf8'));
        console.log(chalk.green(`applied ${file}`));
      } catch (err) { // ok: swallowed-exception
        console.error(chalk.red(`failed ${file}: ${err.message}`));
        process.exitCode = 1;
        break;
      }
    }
    await client.end().catch(() => {}); // expect: swallowed-exception
  });

program
  .command('status')
  .action(async () => {
    const client = new PgClient({ connectionString: loadEnvFile().DATABASE_URL });
    try {
      await client.connect();
      const { rows } = await client.query('select name from migrations order by name');
      console.table(rows);
    } catch { // expect: swallowed-exception
      process.exitCode = 2;
    }
  });

program
  .command('lint')
  .action(() => {
    for (const file of readMigrations('migrations')) {
      const sql = fs.readFileSync(path.join('migrations', file), 'utf8');
      try {
        if (/drop\s+table/i.test(sql)) throw new Error(`${file} drops a table`);
      } catch (e) { // ok: swallowed-exception
        console.warn(chalk.yellow(e.message));
      }
    }
  });

program.parseAsync(process.argv).catch((err) => { // ok: swallowed-exception
  console.error(err);
  process.exit(1);
});
