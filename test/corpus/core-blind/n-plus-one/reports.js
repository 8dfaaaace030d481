const { Pool, Client } = require('pg');
const express = require('express');

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
const router = express.Router();

const SQL_LOGINS = 'SELECT 1 FROM logins WHERE user_id = $1';
const SQL_EVENTS = 'SELECT 1 FROM events WHERE user_id = $1';

router.get('/reports/teams', async (req, res, next) => {
  try {
    const { rows: teams } = await pool.query('SELECT id, name FROM teams WHERE org_id = $1', [req.query.orgId]); // ok: n-plus-one
    const report = [];
    for (const team of teams) {
      const { rows: [stats] } = await pool.query( // expect: n-plus-one
        'SELECT count(*) AS open, max(updated_at) AS last FROM tickets WHERE team_id = $1 AND status = $2',
        [team.id, 'open'],
      );
      report.push({ ...team, ...stats });
    }
    res.json(report);
  } catch (err) {
    next(err);
  }
});

router.get('/reports/activity', async (req, res) => {
  const userIds = String(req.query.ids || '').split(',').filter(Boolean); // ok: n-plus-one
  const activity = {};
  for (const id of userIds) {
    activity[id] = (await pool.query(SQL_LOGINS, [id])).rowCount + (await pool.query(SQL_EVENTS, [id])).rowCount; // expect: n-plus-one x2
  }
  res.json(activity);
});

router.get('/reports/tickets', async (req, res) => {
  const ids = String(req.query.ids || '').split(',').map(Number); // ok: n-plus-one
  const { rows } = await pool.query('SELECT * FROM tickets WHERE id = ANY($1::int[])', [ids]); // ok: n-plus-one
  const byId = new Map(rows.map((t) => [t.id, t]));
  res.json(ids.map((id) => byId.get(id) || null)); // ok: n-plus-one
});

async function nightlyRollup(dates) {
  const client = new Client({ connectionString: process.env.REPORTING_URL });
  await client.connect(); // ok: n-plus-one
  try {
    let idx = 0;
    while (idx < dates.length) {
      await client.query( // expect: n-plus-one
        'INSERT INTO daily_rollup (day, total) SELECT $1::date, count(*) FROM orders WHERE created_at::date = $1::date',
        [dates[idx]],
      );
      idx++;
    }
  } finally {
    await client.end(); // ok: n-plus-one
  }
}

async function tagTickets(ticketIds, tag) {
  const conn = await pool.connect(); // ok: n-plus-one
  try {
    await conn.query('BEGIN'); // ok: n-plus-one
    await Promise.all(
      ticketIds.map((id) => conn.query('INSERT INTO ticket_tags (ticket_id, tag) VALUES ($1, $2)', [id, tag])), // expect: n-plus-one
    );
    await conn.query('COMMIT'); // ok: n-plus-one
  } catch (e) {
    await conn.query('ROLLBACK'); // ok: n-plus-one
    throw e;
  } finally {
    conn.release();
  }
}

function notifyGroupMembers(groups) {
  groups.forEach((group) => {
    group.members.forEach(async (member) => {
      await pool.query('INSERT INTO notifications (user_id, group_id) VALUES ($1, $2)', [member.id, group.id]); // expect: n-plus-one
    });
  });
}

module.exports = { router, nightlyRollup, tagTickets, notifyGroupMembers };
