import mongoose, { Schema } from 'mongoose';
import { AuditEntry } from './models/audit-entry.js';

const userSchema = new Schema({
  email: { type: String, required: true },
  orgId: Schema.Types.ObjectId,
  lastSeenAt: Date,
  deletedAt: Date,
});
const sessionSchema = new Schema({ userId: Schema.Types.ObjectId, expiresAt: Date });
const orgSchema = new Schema({ name: String, plan: String });

const User = mongoose.model('User', userSchema);
const Session = mongoose.model('Session', sessionSchema);
const Org = mongoose.model('Org', orgSchema);

export async function purgeExpiredSessions(userIds) {
  for (const userId of userIds) {
    await Session.deleteMany({ userId, expiresAt: { $lt: new Date() } }); // expect: n-plus-one
  }
}

export async function purgeExpiredSessionsBatched(userIds) {
  await Session.deleteMany({ userId: { $in: userIds }, expiresAt: { $lt: new Date() } }); // ok: n-plus-one
}

export async function softDeleteInactive(cutoff) {
  const cursor = User.find({ lastSeenAt: { $lt: cutoff }, deletedAt: null }).cursor(); // ok: n-plus-one
  for await (const user of cursor) {
    await Session.deleteMany({ userId: user._id }); // expect: n-plus-one
    await User.updateOne({ _id: user._id }, { $set: { deletedAt: new Date() } }); // expect: n-plus-one
  }
}

export async function orgNamesForUsers(users) {
  return Promise.all(
    users.map(async (u) => {
      const org = await Org.findById(u.orgId).lean(); // expect: n-plus-one
      return { email: u.email, org: org?.name };
    }),
  );
}

export async function orgNamesBatched(users) {
  const orgIds = [...new Set(users.map((u) => String(u.orgId)))]; // ok: n-plus-one
  const orgs = await Org.find({ _id: { $in: orgIds } }).lean(); // ok: n-plus-one
  const byId = new Map(orgs.map((o) => [String(o._id), o.name]));
  return users.map((u) => ({ email: u.email, org: byId.get(String(u.orgId)) })); // ok: n-plus-one
}

export async function changePlans(planChanges) {
  const ops = planChanges.map((c) => ({ updateOne: { filter: { _id: c.orgId }, update: { $set: { plan: c.plan } } } })); // ok: n-plus-one
  await Org.bulkWrite(ops); // ok: n-plus-one
}

export async function auditEach(userIds, action) {
  let i = userIds.length;
  while (i > 0) {
    i -= 1;
    await AuditEntry.create({ userId: userIds[i], action, at: new Date() }); // expect: n-plus-one
  }
}

export async function activeUserCount() {
  return User.countDocuments({ deletedAt: null }); // ok: n-plus-one
}
