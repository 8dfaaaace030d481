import Database from 'better-sqlite3';
import Redis from 'ioredis';
import { Model } from 'mongoose';
import Docker from 'dockerode';
import { exec } from './lib/sql-runner';
import type { Report, ReportDocument } from './report.schema';

const db = new Database(process.env.SQLITE_PATH ?? 'reports.db');
const redis = new Redis(process.env.REDIS_URL!);
const docker = new Docker();
const PERIOD_RE = /^(\d{4})-(\d{2})$/;

export class ReportRepository {
  constructor(private readonly reports: Model<ReportDocument>) {}

  createTenantTable(tenant: string): void {
    db.exec(`CREATE TABLE IF NOT EXISTS reports_${tenant} (id TEXT PRIMARY KEY, body TEXT)`); // ok: command-injection
  }

  async byOwner(ownerId: string): Promise<Report[]> {
    return this.reports.find({ ownerId }).sort({ createdAt: -1 }).limit(100).exec(); // ok: command-injection
  }

  parsePeriod(input: string): { year: number; month: number } | null {
    const m = PERIOD_RE.exec(input); // ok: command-injection
    return m ? { year: Number(m[1]), month: Number(m[2]) } : null;
  }

  extractIds(text: string): string[] {
    const re = new RegExp(`${text.slice(0, 3)}-(\\d+)`, 'g');
    const ids: string[] = [];
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) ids.push(m[1]); // ok: command-injection
    return ids;
  }

  async bumpCounters(reportId: string, viewer: string): Promise<void> {
    await redis.multi().incr(`report:${reportId}:views`).sadd(`report:${reportId}:viewers`, viewer).exec(); // ok: command-injection
  }

  async rebuildMaterialized(view: string): Promise<void> {
    await exec(`REFRESH MATERIALIZED VIEW CONCURRENTLY ${view}`); // ok: command-injection
  }

  async renderInSandbox(containerId: string, reportId: string): Promise<void> {
    const container = docker.getContainer(containerId);
    const run = await container.exec({ Cmd: ['node', 'render.js', reportId], AttachStdout: true }); // ok: command-injection
    await run.start({ Detach: false });
  }

  vacuum(table: string): void {
    db.prepare(`VACUUM`).run();
    db.exec('ANALYZE ' + table); // ok: command-injection
  }
}
