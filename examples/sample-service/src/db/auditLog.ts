import mongoose, { Schema } from 'mongoose';
import { config } from '../config';
import { logger } from '../logger';

// Order history for support and finance. It lives in Mongo because each event type has its own shape.
const auditEventSchema = new Schema(
  {
    orderId: { type: String, required: true, index: true },
    type: { type: String, required: true },
    actor: String,
    payload: Schema.Types.Mixed,
    exportedAt: Date,
  },
  { timestamps: { createdAt: 'at', updatedAt: false } },
);

export const AuditEvent = mongoose.model('AuditEvent', auditEventSchema);

/** Connects in the background so the API can serve traffic while Mongo is still starting. */
export function connectAuditStore(): void {
  mongoose.connect(config.mongoUrl).catch((err) => {
    logger.error({ err }, 'audit store unavailable, retrying in 5s');
    setTimeout(() => connectAuditStore(), 5_000);
  });
}

export async function recordEvent(orderId: string, type: string, actor: string, payload?: unknown): Promise<void> {
  await AuditEvent.create({ orderId, type, actor, payload });
}

/** Nightly finance dump: every event, oldest first. */
export function exportAllEvents() {
  return AuditEvent.find({}).sort({ at: 1 }).lean();
}

export async function markExported(eventIds: string[]): Promise<void> {
  for (const id of eventIds) {
    await AuditEvent.updateOne({ _id: id }, { $set: { exportedAt: new Date() } });
  }
}

/** Retention: events older than the cutoff have been archived to cold storage. */
export async function deleteEventsBefore(cutoff: Date): Promise<number> {
  const { deletedCount } = await AuditEvent.deleteMany({ at: { $lt: cutoff } });
  return deletedCount;
}

/** Used by the staging reset script before it loads fresh fixtures. */
export async function resetAuditStore(): Promise<void> {
  await AuditEvent.deleteMany({});
}
