const Koa = require('koa');
const Router = require('@koa/router');
const jwt = require('jsonwebtoken');
const koaJwt = require('koa-jwt');
const { getUserById, listProjects } = require('./users');

const SECRET = process.env.JWT_SECRET;
const router = new Router();

async function authenticate(ctx, next) {
  const token = ctx.get('Authorization').replace('Bearer ', '');
  try {
    ctx.state.user = jwt.verify(token, SECRET); // expect: weak-jwt-verification
  } catch (e) {
    ctx.throw(401, 'invalid token');
  }
  await next();
}

function verifyInvite(token) {
  return new Promise((resolve, reject) => {
    jwt.verify(token, SECRET, (err, decoded) => (err ? reject(err) : resolve(decoded))); // expect: weak-jwt-verification
  });
}

function verifyInvitePinned(token) {
  return new Promise((resolve, reject) => {
    jwt.verify(token, SECRET, { algorithms: ['HS512'] }, (err, decoded) => (err ? reject(err) : resolve(decoded))); // ok: weak-jwt-verification
  });
}

router.get('/me', authenticate, async (ctx) => {
  ctx.body = await getUserById(ctx.state.user.sub);
});

router.get('/invites/:token', async (ctx) => {
  const invite = await verifyInvite(ctx.params.token);
  ctx.body = { email: invite.email };
});

router.get('/share/:token', async (ctx) => {
  const share = jwt.verify(ctx.params.token, SECRET, { maxAge: '7d' }); // expect: weak-jwt-verification
  ctx.body = await listProjects(share.ownerId);
});

router.post('/impersonate', async (ctx) => {
  const claims = jwt.decode(ctx.request.body.token); // expect: weak-jwt-verification
  if (claims && claims.scope === 'support') {
    ctx.state.user = await getUserById(claims.targetUserId);
    ctx.body = { ok: true };
    return;
  }
  ctx.throw(403);
});

router.delete('/projects/:id', async (ctx) => {
  const { role } = jwt.decode(ctx.cookies.get('sid')) || {}; // expect: weak-jwt-verification
  if (role !== 'owner') {
    ctx.throw(403, 'owners only');
  }
  ctx.status = 204;
});

router.get('/admin/stats', koaJwt({ secret: SECRET, algorithms: ['HS256'] }), async (ctx) => { // ok: weak-jwt-verification
  ctx.body = { users: 42 };
});

const app = new Koa();
app.use(router.routes());

module.exports = { app, verifyInvite, verifyInvitePinned };
