import nodeFetch from 'node-fetch';
import fs from 'node:fs';
import { PrismaClient } from '@prisma/client';
import { setTimeout as sleep } from 'node:timers/promises';

const prisma = new PrismaClient();
const CDN = process.env.CDN_URL;

async function loadManifests(files) {
  const merged = {};
  for (const file of files) {
    const text = await fs.promises.readFile(file, 'utf8'); // ok: n-plus-one
    Object.assign(merged, JSON.parse(text));
  }
  return merged;
}

async function backfill(manifest) {
  const users = await prisma.user.findMany({ where: { avatarUrl: null }, select: { id: true, email: true } }); // ok: n-plus-one
  for (let i = 0; i < users.length; i++) {
    const user = users[i];
    const key = manifest[user.email];
    if (!key) continue;
    const head = await nodeFetch(`${CDN}/${key}`, { method: 'HEAD' }); // expect: n-plus-one
    if (!head.ok) continue;
    await prisma.user.update({ where: { id: user.id }, data: { avatarUrl: `${CDN}/${key}` } }); // expect: n-plus-one
    if (i % 100 === 0) await sleep(250); // ok: n-plus-one
  }
}

async function countMissing(ids) {
  const found = await Promise.all(ids.map((id) => prisma.user.findUnique({ where: { id }, select: { avatarUrl: true } }))); // ok: n-plus-one
  return found.filter((u) => !u?.avatarUrl).length; // ok: n-plus-one
}

async function countMissingSequential(ids) {
  let missing = 0;
  for (const id of ids) {
    const u = await prisma.user.findUnique({ where: { id }, select: { avatarUrl: true } }); // expect: n-plus-one
    if (!u?.avatarUrl) missing++;
  }
  return missing;
}

async function profileSizes(users) {
  const sizes = await Promise.all(
    users.map(async (u) => {
      const res = await nodeFetch(`${CDN}/avatars/${u.id}.png`, { method: 'HEAD' }); // expect: n-plus-one
      return Number(res.headers.get('content-length') ?? 0); // ok: n-plus-one
    }),
  );
  return sizes.reduce((a, b) => a + b, 0); // ok: n-plus-one
}

async function main() {
  const manifest = await loadManifests(process.argv.slice(2));
  await backfill(manifest);
  const ids = Object.keys(manifest);
  console.log('missing', await countMissing(ids), await countMissingSequential(ids.slice(0, 10)));
  console.log('bytes', await profileSizes(ids.map((id) => ({ id }))));
}

main()
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => prisma.$disconnect());
