import { MongoClient } from 'mongodb';
import pino from 'pino';

const log = pino();
const client = new MongoClient(process.env.MONGO_URL);
const db = client.db('app');
const jobs = db.collection('jobs');

export async function resetCache() {
  const { deletedCount } = await db.collection('cache').deleteMany({}); // expect: delete-without-filter
  log.info({ deletedCount }, 'cache cleared');
}

export async function wipeEvents() {
  const session = client.startSession();
  try {
    await session.withTransaction(async () => {
      await db.collection('events').deleteMany({}, { session }); // expect: delete-without-filter
      await db.collection('event_counters').deleteMany( // expect: delete-without-filter
        {},
        { session, writeConcern: { w: 'majority' } },
      );
    });
  } finally {
    await session.endSession();
  }
}

export async function flushJobs() {
  await jobs.deleteMany(); // expect: delete-without-filter
}

export async function pruneFinishedJobs(days = 14) {
  const cutoff = new Date(Date.now() - days * 864e5);
  await jobs.deleteMany({ status: 'done', finishedAt: { $lt: cutoff } }); // ok: delete-without-filter
}

export async function removeJobs(ids) {
  await jobs.deleteMany({ _id: { $in: ids } }); // ok: delete-without-filter
}

export async function removeTenantJobs(baseFilter, tenantId) {
  await jobs.deleteMany({ ...baseFilter, tenantId }); // ok: delete-without-filter
}

export async function removeByFilter(filter) {
  await jobs.deleteMany(filter); // ok: delete-without-filter
}

export async function removeJob(id) {
  await jobs.deleteOne({ _id: id }); // ok: delete-without-filter
}

export async function unlockAllJobs() {
  // update, not a delete; not one of the shapes the rule names
  await jobs.updateMany({}, { $set: { lockedBy: null } }); // ok: delete-without-filter
}

export async function dropScratch() {
  await db.collection('scratch_import').drop(); // ok: delete-without-filter
}
