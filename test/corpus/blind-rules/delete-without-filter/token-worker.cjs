const mongoose = require('mongoose');
const { Schema, model } = mongoose;
const { Worker } = require('bullmq');
const Token = require('./models/token');

const Session = model(
  'Session',
  new Schema({ user: { type: Schema.Types.ObjectId, ref: 'User' }, expiresAt: Date }),
);

async function flushSessions() {
  await Session.deleteMany({}); // expect: delete-without-filter
}

async function flushTokens() {
  const res = await Token.deleteMany(); // expect: delete-without-filter
  return res.deletedCount;
}

async function flushSessionsExec() {
  await Session.deleteMany({}).exec(); // expect: delete-without-filter
}

async function flushRawCollection() {
  await mongoose.connection.db.collection('rate_limits').deleteMany({}); // expect: delete-without-filter
}

async function revokeUserTokens(userId) {
  await Token.deleteMany({ user: userId }); // ok: delete-without-filter
}

async function pruneExpired() {
  await Token.deleteMany({ expiresAt: { $lte: new Date() } }); // ok: delete-without-filter
  await Session.deleteMany({ expiresAt: { $lte: new Date() } }).exec(); // ok: delete-without-filter
}

async function removeSession(id) {
  await Session.findByIdAndDelete(id); // ok: delete-without-filter
  await Session.deleteOne({ _id: id }); // ok: delete-without-filter
}

const worker = new Worker(
  'maintenance',
  async (job) => {
    switch (job.name) {
      case 'flush-sessions':
        return flushSessions();
      case 'flush-tokens':
        return flushTokens();
      case 'flush-sessions-exec':
        return flushSessionsExec();
      case 'flush-rate-limits':
        return flushRawCollection();
      case 'revoke':
        return revokeUserTokens(job.data.userId);
      case 'remove-session':
        return removeSession(job.data.id);
      default:
        return pruneExpired();
    }
  },
  { connection: { host: process.env.REDIS_HOST } },
);

module.exports = { worker };
