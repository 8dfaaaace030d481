import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.AUDIT_DATABASE_URL, max: 5 });

export interface AuditEntry {
  action: string;
  subjectId: string;
  meta?: Record<string, unknown>;
}

export function redact(meta: Record<string, unknown> = {}): Record<string, unknown> {
  const { password, token, ...rest } = meta as Record<string, unknown> & { password?: string; token?: string };
  return rest;
}

export async function record(action: string, subjectId: string, meta?: Record<string, unknown>): Promise<void> {
  await pool.query('INSERT INTO audit_log (action, subject_id, meta) VALUES ($1, $2, $3)', [
    action,
    subjectId,
    JSON.stringify(redact(meta)),
  ]);
}

export class AuditTrail {
  private buffer: AuditEntry[] = [];

  add(entry: AuditEntry): void {
    this.buffer.push(entry);
    if (this.buffer.length >= 50) {
      this.flush(); // expect: floating-promise
    }
  }

  async flush(): Promise<void> {
    const batch = this.buffer.splice(0, this.buffer.length);
    for (const e of batch) {
      await record(e.action, e.subjectId, e.meta); // ok: floating-promise
    }
  }
}

export class MetricsBuffer {
  private counts = new Map<string, number>();

  add(name: string): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    if (this.counts.size > 200) {
      this.flush(); // ok: floating-promise
    }
  }

  flush(): void {
    for (const [name, n] of this.counts) {
      process.stdout.write(`${name} ${n}\n`);
    }
    this.counts.clear();
  }
}
