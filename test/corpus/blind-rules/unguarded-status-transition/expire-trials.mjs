// corpus-path: scripts/cron/expire-trials.mjs
import { PrismaClient as DB } from '@prisma/client';
import pino from 'pino';

const db = new DB();
const log = pino({ name: 'expire-trials' });

async function main() {
  const now = new Date();
  const cutoff = new Date(now.getTime() - 90 * 24 * 3600 * 1000);

  const expired = await db.subscription.updateMany({ // expect: unguarded-status-transition
    where: { trialEndsAt: { lt: now } },
    data: { status: 'expired' },
  });

  const expiredSafe = await db.subscription.updateMany({ // ok: unguarded-status-transition
    where: { trialEndsAt: { lt: now }, status: 'trialing' },
    data: { status: 'expired' },
  });

  const dormant = await db.user.updateMany({ where: { lastLoginAt: { lt: cutoff } }, data: { state: 'dormant' } }); // expect: unguarded-status-transition

  const dormantSafe = await db.user.updateMany({ where: { lastLoginAt: { lt: cutoff }, state: 'active' }, data: { state: 'dormant' } }); // ok: unguarded-status-transition

  const flagged = await db.subscription.findMany({ where: { flaggedForReview: true }, select: { id: true } });
  const ids = flagged.map((s) => s.id);

  await db.subscription.updateMany({ // ok: unguarded-status-transition
    where: { id: { in: ids }, OR: [{ status: 'trialing' }, { status: 'past_due' }] },
    data: { status: 'expired' },
  });

  await db.subscription.updateMany({ where: { id: { in: ids } }, data: { status: 'under_review' } }); // expect: unguarded-status-transition

  for (const user of await db.user.findMany({ where: { state: 'dormant' }, select: { id: true } })) {
    await db.session.updateMany({ where: { userId: user.id }, data: { state: 'revoked' } }); // expect: unguarded-status-transition
  }

  await db.jobRun.create({ data: { name: 'expire-trials', state: 'succeeded', finishedAt: new Date() } }); // ok: unguarded-status-transition

  log.info({ expired: expired.count, expiredSafe: expiredSafe.count, dormant: dormant.count, dormantSafe: dormantSafe.count, status: 'done' }, 'expire-trials finished'); // ok: unguarded-status-transition
}

main()
  .catch((err) => {
    log.error({ err }, 'expire-trials failed');
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
