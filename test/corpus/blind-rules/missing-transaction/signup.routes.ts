import express, { Request, Response } from 'express';
import { PrismaClient } from '@prisma/client';
import bcrypt from 'bcryptjs';

const prisma = new PrismaClient();
export const router = express.Router();

router.post('/signup', async (req: Request, res: Response) => {
  const { email, password, company } = req.body;
  const passwordHash = await bcrypt.hash(password, 12);
  const user = await prisma.user.create({ data: { email, passwordHash } });
  const workspace = await prisma.workspace.create({ // expect: missing-transaction
    data: { name: company, ownerId: user.id },
  });
  await prisma.membership.create({ data: { userId: user.id, workspaceId: workspace.id, role: 'OWNER' } });
  res.status(201).json({ user, workspace });
});

router.post('/invites/:token/accept', async (req: Request, res: Response) => {
  const invite = await prisma.invite.findUnique({ where: { token: req.params.token } });
  if (!invite) return res.sendStatus(404);
  await prisma.membership.upsert({
    where: { userId_workspaceId: { userId: req.user.id, workspaceId: invite.workspaceId } },
    create: { userId: req.user.id, workspaceId: invite.workspaceId, role: invite.role },
    update: {},
  });
  await prisma.invite.delete({ where: { id: invite.id } }); // expect: missing-transaction
  return res.sendStatus(204);
});

async function deleteAccount(req: Request, res: Response) {
  const userId = req.user.id;
  await prisma.session.deleteMany({ where: { userId } });
  await prisma.apiKey.deleteMany({ where: { userId } }); // expect: missing-transaction
  await prisma.user.delete({ where: { id: userId } });
  res.sendStatus(204);
}
router.delete('/me', deleteAccount);

router.post('/workspaces/:id/transfer-ownership', async (req: Request, res: Response) => {
  const { newOwnerId } = req.body;
  await prisma.$transaction(async (tx) => {
    await tx.workspace.update({ where: { id: req.params.id }, data: { ownerId: newOwnerId } });
    await tx.membership.updateMany({ // ok: missing-transaction
      where: { workspaceId: req.params.id, userId: newOwnerId },
      data: { role: 'OWNER' },
    });
  });
  res.sendStatus(204);
});

// Only one branch runs, so at most one write happens per request.
router.patch('/profile', async (req: Request, res: Response) => {
  if (req.body.avatarUrl) {
    await prisma.avatar.create({ data: { userId: req.user.id, url: req.body.avatarUrl } });
  } else {
    await prisma.profile.update({ where: { userId: req.user.id }, data: { bio: req.body.bio } }); // ok: missing-transaction
  }
  res.sendStatus(204);
});

router.post('/tags', async (req: Request, res: Response) => {
  const tag = await prisma.tag.create({ data: { name: req.body.name } });
  res.status(201).json(tag);
});

router.post('/labels', async (req: Request, res: Response) => {
  const label = await prisma.label.create({ data: { name: req.body.name } }); // ok: missing-transaction
  res.status(201).json(label);
});
