// corpus-path: src/__tests__/users.test.ts
import { PrismaClient } from '@prisma/client';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { UsersService } from '../users/users.service';

const prisma = new PrismaClient();
const service = new UsersService(prisma);

describe('UsersService', () => {
  beforeEach(async () => {
    await prisma.user.deleteMany({ where: { email: { endsWith: '@test.local' } } });
    await prisma.user.createMany({
      data: [
        { email: 'a@test.local', orgId: 'org-1' },
        { email: 'b@test.local', orgId: 'org-2' },
      ],
    });
  });

  afterAll(async () => {
    await prisma.$disconnect();
  });

  it('lists users of one org', async () => {
    const result = await service.byOrg('org-1');
    const all = await prisma.user.findMany(); // ok: unbounded-query
    expect(result.length).toBeLessThan(all.length);
  });

  it('returns every user', async () => {
    const rows = await prisma.user.findMany({ orderBy: { email: 'asc' } }); // ok: unbounded-query
    expect(rows.map((r) => r.email)).toContain('a@test.local');
  });
});
