// corpus-path: test/integration/orders.e2e-spec.ts
import { Test } from '@nestjs/testing';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { Pool } from 'pg';
import { AppModule } from '../../src/app.module';
import { PrismaService } from '../../src/prisma/prisma.service';

describe('Orders (e2e)', () => {
  let app: INestApplication;
  let prisma: PrismaService;
  const pool = new Pool({ connectionString: process.env.TEST_DATABASE_URL });

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    app = moduleRef.createNestApplication();
    await app.init();
    prisma = app.get(PrismaService);
  });

  beforeEach(async () => {
    // test isolation: wipe the throwaway test database between cases
    await prisma.orderItem.deleteMany(); // ok: delete-without-filter
    await prisma.order.deleteMany({}); // ok: delete-without-filter
    await pool.query('DELETE FROM outbox'); // ok: delete-without-filter
  });

  afterAll(async () => {
    await pool.end();
    await app.close();
  });

  it('creates an order', async () => {
    const res = await request(app.getHttpServer()).post('/orders').send({ sku: 'A1', qty: 2 });
    expect(res.status).toBe(201);
    expect(await prisma.order.count()).toBe(1);
  });
});
