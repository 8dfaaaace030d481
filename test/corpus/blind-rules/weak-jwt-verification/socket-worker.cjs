const { verify, decode } = require('jsonwebtoken');
const { Server } = require('socket.io');
const { Worker } = require('bullmq');
const { decode: decodeEntities } = require('html-entities');
const { sendMail } = require('./mailer.cjs');
const { unsubscribe } = require('./subscriptions.cjs');
const logger = require('./logger.cjs');

const io = new Server(3001, { cors: { origin: process.env.APP_ORIGIN } });

io.use((socket, next) => {
  const token = socket.handshake.auth.token;
  verify(token, process.env.WS_SECRET, (err, payload) => { // expect: weak-jwt-verification
    if (err) return next(new Error('unauthorized'));
    socket.data.userId = payload.sub;
    return next();
  });
});

io.of('/ops').use((socket, next) => {
  const payload = decode(socket.handshake.auth.token); // expect: weak-jwt-verification
  if (payload && payload.team === 'ops') {
    socket.data.userId = payload.sub;
    return next();
  }
  return next(new Error('forbidden'));
});

io.of('/support').use((socket, next) => {
  verify(socket.handshake.auth.token, process.env.WS_SECRET, { algorithms: ['HS256'] }, (err, payload) => { // ok: weak-jwt-verification
    if (err) return next(new Error('unauthorized'));
    socket.data.agentId = payload.sub;
    return next();
  });
});

io.of('/reconnect').use((socket, next) => {
  verify(socket.handshake.auth.token, process.env.WS_SECRET, { algorithms: ['HS256'], ignoreExpiration: true }, (err, payload) => { // expect: weak-jwt-verification
    if (err) return next(new Error('unauthorized'));
    socket.data.userId = payload.sub;
    return next();
  });
});

const worker = new Worker('emails', async (job) => {
  const requestedBy = decode(job.data.requestToken, { json: true }); // ok: weak-jwt-verification
  logger.info({ jobId: job.id, requestedBy: requestedBy && requestedBy.sub }, 'sending email');
  const html = decodeEntities(job.data.html); // ok: weak-jwt-verification
  await sendMail(job.data.to, job.data.subject, html);
});

const unsubscribeWorker = new Worker('unsubscribe', async (job) => {
  const claims = verify(job.data.token, process.env.EMAIL_SECRET, { algorithms: ['HS256'], ignoreExpiration: false }); // ok: weak-jwt-verification
  await unsubscribe(claims.sub, claims.list);
});

module.exports = { io, worker, unsubscribeWorker };
