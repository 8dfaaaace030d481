// corpus-path: prisma/seed.ts
import { PrismaClient } from '@prisma/client';
import { faker } from '@faker-js/faker';

const prisma = new PrismaClient();

async function main() {
  // local/dev seed: start from an empty database every time
  await prisma.post.deleteMany(); // ok: delete-without-filter
  await prisma.user.deleteMany({}); // ok: delete-without-filter

  for (let i = 0; i < 20; i++) {
    await prisma.user.create({
      data: {
        email: faker.internet.email(),
        name: faker.person.fullName(),
        posts: { create: [{ title: faker.lorem.sentence() }] },
      },
    });
  }
}

main()
  .catch((e) => {
    console.error(e);
    process.exit(1);
  })
  .finally(() => prisma.$disconnect());
