import cron from 'node-cron';
import { subDays } from 'date-fns';
import { PrismaClient } from '@prisma/client';
import { Logger } from './logging';

const prisma = new PrismaClient();
const logger = new Logger('scheduled-tasks');

const jobs = {
  async cleanupSessions(): Promise<number> {
    const { count } = await prisma.session.deleteMany({ where: { lastSeenAt: { lt: subDays(new Date(), 30) } } });
    return count;
  },
  async rotateKeys(): Promise<number> {
    const { count } = await prisma.apiKey.updateMany({ where: { expiresAt: { lt: new Date() } }, data: { revoked: true } });
    return count;
  },
  describe(): string {
    return 'cleanupSessions, rotateKeys';
  },
};

export class HeartbeatMonitor {
  private timer?: NodeJS.Timeout;

  constructor(private readonly url: string) {}

  ping = async (): Promise<void> => {
    const res = await fetch(this.url, { method: 'HEAD' });
    if (!res.ok) throw new Error(`heartbeat failed with ${res.status}`);
  };

  start(): void {
    this.timer = setInterval(() => {
      this.ping(); // expect: floating-promise
    }, 30_000);
  }

  startSafe(): void {
    this.timer = setInterval(() => {
      this.ping().catch((err) => logger.warn('heartbeat failed', err)); // ok: floating-promise
    }, 30_000);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer); // ok: floating-promise
  }
}

cron.schedule('*/15 * * * *', () => {
  jobs.cleanupSessions(); // expect: floating-promise
});

cron.schedule('0 3 * * *', async () => { // ok: floating-promise
  const n = await jobs.rotateKeys(); // ok: floating-promise
  logger.info(`rotated ${n} keys`);
});

cron.schedule('0 * * * *', () => {
  jobs.rotateKeys().then( // ok: floating-promise
    (n) => logger.info(`rotated ${n} keys`),
    (err) => logger.error('rotateKeys failed', err),
  );
});

logger.info(`registered jobs: ${jobs.describe()}`); // ok: floating-promise

const monitor = new HeartbeatMonitor(process.env.HEARTBEAT_URL ?? 'http://localhost:8080/health');
monitor.start(); // ok: floating-promise
