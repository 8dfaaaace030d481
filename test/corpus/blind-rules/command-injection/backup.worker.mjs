import * as cp from 'node:child_process';
import { Worker } from 'bullmq';
import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
import fs from 'node:fs/promises';

const s3 = new S3Client({});
const DUMP_DIR = '/var/backups/pg';
const VACUUM = 'vacuumdb --all --analyze-in-stages';
const FILENAME_RE = /^(\w+)-(\d{8})\.dump$/;

export const worker = new Worker('db-backups', async (job) => {
  const { database, host, tenantSlug } = job.data;
  const file = `${DUMP_DIR}/${tenantSlug}-${Date.now()}.dump`;

  cp.execSync(`pg_dump -Fc -h ${host} -f ${file} ${database}`, { stdio: 'inherit' }); // expect: command-injection

  const body = await fs.readFile(file);
  await s3.send(new PutObjectCommand({ Bucket: process.env.BACKUP_BUCKET, Key: file, Body: body }));

  await new Promise((resolve, reject) => {
    cp.exec('rm -f ' + file, (err) => (err ? reject(err) : resolve())); // expect: command-injection
  });

  cp.execSync(VACUUM, { env: { ...process.env, PGHOST: host } }); // ok: command-injection

  const match = FILENAME_RE.exec(file); // ok: command-injection
  return { tenant: match ? match[1] : tenantSlug };
}, { connection: { host: process.env.REDIS_HOST } });

export async function restore(job) {
  const { file, database } = job.data;
  cp.execSync('pg_restore --clean --if-exists -d ' + database + ' ' + file); // expect: command-injection
}

export function diskUsage() {
  return cp.execSync('df -h ' + '/var/backups').toString(); // ok: command-injection
}

export function prune(days) {
  cp.exec(`find ${DUMP_DIR} -name '*.dump' -mtime +${days} -delete`); // expect: command-injection
}
