'use strict';

const knexFactory = require('knex');
const { setTimeout: sleep } = require('node:timers/promises');
const { handlers } = require('./handlers.cjs');

const knex = knexFactory({ client: 'pg', connection: process.env.DATABASE_URL });

async function enqueue(type, payload) {
  await knex('jobs').insert({ type, payload, status: 'queued' }); // ok: unguarded-status-transition
}

async function claimNext() {
  return knex.transaction(async (trx) => {
    const job = await trx('jobs').where({ status: 'queued' }).orderBy('id').forUpdate().skipLocked().first();
    if (!job) return null;
    await trx('jobs').where({ id: job.id, status: 'queued' }).update({ status: 'running', started_at: trx.fn.now() }); // ok: unguarded-status-transition
    return job;
  });
}

async function claimNextSloppy() {
  const job = await knex('jobs').where({ status: 'queued' }).orderBy('id').first();
  if (!job) return null;
  await knex('jobs').where({ id: job.id }).update({ status: 'running', started_at: knex.fn.now() }); // expect: unguarded-status-transition
  return job;
}

async function complete(job) {
  await knex('jobs').where('id', job.id).update('status', 'done'); // expect: unguarded-status-transition
}

async function completeGuarded(job) {
  await knex('jobs').where('id', job.id).andWhere('status', 'running').update({ status: 'done', finished_at: knex.fn.now() }); // ok: unguarded-status-transition
}

async function fail(job, err) {
  await knex('jobs').where({ id: job.id }).update({ status: 'failed', error: String(err && err.message) }); // expect: unguarded-status-transition
}

async function bumpAttempts(job) {
  await knex('jobs').where({ id: job.id }).update({ attempts: knex.raw('attempts + 1') }); // ok: unguarded-status-transition
}

async function setStatus(job, nextStatus) {
  await knex('jobs').where({ id: job.id }).update({ status: nextStatus }); // ok: unguarded-status-transition
}

async function requeueStalled() {
  const cutoff = new Date(Date.now() - 10 * 60 * 1000);
  await knex('jobs').where('locked_until', '<', cutoff).update({ status: 'queued', locked_until: null }); // expect: unguarded-status-transition
}

async function failStalledBatch(ids) {
  await knex('jobs').whereIn('id', ids).whereIn('status', ['running', 'stalled']).update({ status: 'failed' }); // ok: unguarded-status-transition
}

async function pauseAll() {
  await knex('jobs').update({ status: 'paused' }); // expect: unguarded-status-transition
}

async function loop() {
  for (;;) {
    const job = await claimNext();
    if (!job) { await sleep(1000); continue; }
    try {
      await handlers[job.type](job.payload);
      await complete(job);
    } catch (err) {
      await fail(job, err);
    }
  }
}

module.exports = { enqueue, loop, claimNextSloppy, completeGuarded, bumpAttempts, setStatus, requeueStalled, failStalledBatch, pauseAll };
