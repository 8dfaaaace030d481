// corpus-path: scripts/seed-admin.mjs
import { randomBytes } from 'node:crypto';
import bcrypt from 'bcrypt';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();
const password = process.env.ADMIN_PASSWORD ?? randomBytes(12).toString('base64url');
const apiKey = `ak_${randomBytes(24).toString('hex')}`;

const admin = await prisma.user.upsert({
  where: { email: 'admin@example.com' },
  update: {},
  create: { email: 'admin@example.com', role: 'ADMIN', passwordHash: await bcrypt.hash(password, 12) },
});
await prisma.apiKey.create({ data: { userId: admin.id, hash: await bcrypt.hash(apiKey, 12) } });

console.log(`Admin created: ${admin.email} / ${password}`); // expect: sensitive-data-logged
console.log('Admin API key:', apiKey); // expect: sensitive-data-logged
console.log('Admin API key prefix:', apiKey.slice(0, 6)); // ok: sensitive-data-logged
console.log(`Admin id ${admin.id}; password length ${password.length}`); // ok: sensitive-data-logged
console.log('Done. Store the password and API key in the vault.'); // ok: sensitive-data-logged
await prisma.$disconnect();
