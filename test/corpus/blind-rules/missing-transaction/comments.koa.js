const Router = require('@koa/router');
const { PrismaClient } = require('@prisma/client');
const { sendMail } = require('../mailer');

const prisma = new PrismaClient();
const router = new Router({ prefix: '/posts' });

router.post('/:postId/comments', async (ctx) => {
  const { postId } = ctx.params;
  const comment = await prisma.comment.create({
    data: { postId, authorId: ctx.state.user.id, body: ctx.request.body.body },
  });
  await prisma.post.update({ where: { id: postId }, data: { commentCount: { increment: 1 } } }); // expect: missing-transaction
  ctx.status = 201;
  ctx.body = comment;
});

router.post('/:postId/comments/:id/flag', async (ctx) => {
  await prisma.flag.create({ data: { commentId: ctx.params.id, reporterId: ctx.state.user.id } });
  await prisma.comment.update({ where: { id: ctx.params.id }, data: { hidden: true } }); // expect: missing-transaction
  ctx.status = 204;
});

router.post('/', async (ctx) => {
  const { title, body, tags } = ctx.request.body;
  const post = await prisma.post.create({ data: { title, body, authorId: ctx.state.user.id } });
  for (const name of tags) {
    await prisma.tag.upsert({ where: { name }, create: { name, count: 1 }, update: { count: { increment: 1 } } }); // expect: missing-transaction
  }
  ctx.status = 201;
  ctx.body = post;
});

router.post('/:postId/subscribe', async (ctx) => {
  await prisma.subscription.create({ data: { postId: ctx.params.postId, userId: ctx.state.user.id } });
  await sendMail({ to: ctx.state.user.email, template: 'subscribed' }); // ok: missing-transaction
  ctx.status = 201;
});

router.delete('/:postId', async (ctx) => {
  const { postId } = ctx.params;
  await prisma.$transaction(async (tx) => {
    await tx.comment.deleteMany({ where: { postId } });
    await tx.post.delete({ where: { id: postId } }); // ok: missing-transaction
  });
  ctx.status = 204;
});

router.post('/:postId/view', async (ctx) => {
  const { postId } = ctx.params;
  await prisma.post.update({ where: { id: postId }, data: { viewCount: { increment: 1 } } });
  ctx.cookies.set(`viewed_${postId}`, '1', { httpOnly: true }); // ok: missing-transaction
  ctx.set('Cache-Control', 'no-store');
  ctx.status = 204;
});

module.exports = router;
