import { Sequelize, QueryTypes } from 'sequelize';
import express from 'express';

const sequelize = new Sequelize(process.env.DATABASE_URL, { logging: false });
const app = express();

const EVENTS_TABLE = 'analytics_events';

app.get('/analytics/events', async (req, res) => {
  const events = await sequelize.query( // expect: sql-injection
    `SELECT * FROM analytics_events WHERE event_type = '${req.query.type}' AND created_at > '${req.query.since}'`,
    { type: QueryTypes.SELECT },
  );
  res.json(events);
});

app.get('/analytics/events/:userId', async (req, res) => {
  const events = await sequelize.query('SELECT * FROM analytics_events WHERE user_id = :userId', { // ok: sql-injection
    replacements: { userId: req.params.userId },
    type: QueryTypes.SELECT,
  });
  res.json(events);
});

app.get('/analytics/sessions/:sessionId', async (req, res) => {
  const rows = await sequelize.query('SELECT * FROM analytics_events WHERE session_id = $1', { // ok: sql-injection
    bind: [req.params.sessionId],
    type: QueryTypes.SELECT,
  });
  res.json(rows);
});

app.get('/analytics/funnel', async (req, res) => {
  const steps = await sequelize.query('SELECT step, count(*) FROM funnel WHERE campaign = \'' + req.query.campaign + '\' GROUP BY step', { type: QueryTypes.SELECT }); // expect: sql-injection
  res.json(steps);
});

app.get('/analytics/daily', async (req, res) => {
  const rows = await sequelize.query( // expect: sql-injection
    `SELECT date_trunc('day', created_at) d, count(*) FROM ${EVENTS_TABLE} WHERE user_id = :uid GROUP BY 1 ORDER BY 1 ${req.query.dir}`,
    { replacements: { uid: req.query.uid }, type: QueryTypes.SELECT },
  );
  res.json(rows);
});

app.get('/analytics/total', async (_req, res) => {
  const [row] = await sequelize.query(`SELECT count(*) AS total FROM ${EVENTS_TABLE}`, { type: QueryTypes.SELECT }); // ok: sql-injection
  res.json(row);
});

app.post('/analytics/retention', async (req, res) => {
  await sequelize.transaction(async (transaction) => {
    await sequelize.query('DELETE FROM analytics_events WHERE created_at < now() - (:days || \' days\')::interval', { // ok: sql-injection
      replacements: { days: String(req.body.days) },
      transaction,
    });
  });
  res.sendStatus(204);
});

export default app;
