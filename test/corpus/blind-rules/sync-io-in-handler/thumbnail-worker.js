const { Worker } = require('bullmq');
const { execFileSync } = require('node:child_process');
const { readFileSync, writeFileSync, unlinkSync } = require('node:fs');
const crypto = require('crypto');

const connection = { host: process.env.REDIS_HOST || '127.0.0.1', port: 6379 };

const worker = new Worker(
  'thumbnails',
  async (job) => {
    const src = job.data.path;
    execFileSync('convert', [src, '-resize', '200x200', `${src}.thumb.jpg`]); // ok: sync-io-in-handler
    const thumb = readFileSync(`${src}.thumb.jpg`); // ok: sync-io-in-handler
    const checksum = crypto.createHash('md5').update(thumb).digest('hex');
    writeFileSync(`${src}.thumb.md5`, checksum); // ok: sync-io-in-handler
    return { checksum };
  },
  { connection, concurrency: 4 },
);

worker.on('failed', (job, err) => {
  if (job && job.data.path) unlinkSync(`${job.data.path}.thumb.jpg`); // ok: sync-io-in-handler
  console.error('thumbnail failed', job && job.id, err.message);
});

module.exports = worker;
