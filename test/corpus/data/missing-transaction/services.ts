// @ts-nocheck
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { PrismaClient } from '@prisma/client';
import { Model } from 'mongoose';
import { InjectModel } from '@nestjs/mongoose';

interface Team { id: string }
interface Member { id: string }
interface Doc { id: string }

// One finding per function, on the write that brings in a second table/model.
@Injectable()
export class TeamService {
  private readonly prisma = new PrismaClient();

  constructor(
    @InjectRepository(Object) private readonly teams: Repository<Team>,
    @InjectRepository(Object) private readonly members: Repository<Member>,
    @InjectModel('Doc') private readonly docs: Model<Doc>,
    @InjectModel('Revision') private readonly revisions: Model<Doc>,
  ) {}

  async createTeam(name: string, ownerId: string) {
    const team = await this.teams.save({ name } as never);
    await this.members.save({ teamId: (team as Team).id, userId: ownerId, role: 'owner' } as never); // expect: missing-transaction
    return team;
  }

  async removeTeam(id: string) {
    await this.members.delete({ teamId: id } as never);
    await this.teams.delete(id); // expect: missing-transaction
  }

  async invite(teamId: string, email: string) {
    const invite = await this.prisma.invite.create({ data: { teamId, email } });
    await this.prisma.team.update({ where: { id: teamId }, data: { pendingInvites: { increment: 1 } } }); // expect: missing-transaction
    await this.prisma.activity.create({ data: { teamId, kind: 'invite' } });
    return invite;
  }

  async acceptInvite(inviteId: string, userId: string) {
    const invite = await this.prisma.invite.findUniqueOrThrow({ where: { id: inviteId } });
    await this.prisma.membership.create({ data: { teamId: invite.teamId, userId } });
    await this.prisma.invite.delete({ where: { id: inviteId } }); // expect: missing-transaction
  }

  async upsertThenLog(userId: string) {
    await this.prisma.preference.upsert({ where: { userId }, create: { userId }, update: {} });
    await this.prisma.auditEvent.create({ data: { userId, action: 'prefs' } }); // expect: missing-transaction
  }

  async saveDoc(id: string, body: string) {
    await this.docs.updateOne({ _id: id }, { $set: { body } });
    await this.revisions.create({ docId: id, body }); // expect: missing-transaction
  }

  async saveDocTx(id: string, body: string) {
    const session = await this.docs.db.startSession();
    try {
      await session.withTransaction(async () => {
        await this.docs.updateOne({ _id: id }, { $set: { body } }, { session }); // ok: missing-transaction
        await this.revisions.create([{ docId: id, body }], { session }); // ok: missing-transaction
      });
    } finally {
      await session.endSession();
    }
  }

  async inviteTx(teamId: string, email: string) {
    await this.prisma.$transaction(async (tx) => {
      await tx.invite.create({ data: { teamId, email } }); // ok: missing-transaction
      await tx.team.update({ where: { id: teamId }, data: { pendingInvites: { increment: 1 } } }); // ok: missing-transaction
    });
  }

  async renameTeam(id: string, name: string) {
    await this.teams.update(id, { name } as never); // ok: missing-transaction
  }
}

export async function handler(req: { body: { userId: string; amount: number } }, prisma: PrismaClient) {
  const { userId, amount } = req.body;
  await prisma.wallet.update({ where: { userId }, data: { balance: { increment: amount } } });
  await prisma.topUp.create({ data: { userId, amount } }); // expect: missing-transaction
}

export const arrowHandler = async (prisma: PrismaClient, userId: string) => {
  await prisma.cart.deleteMany({ where: { userId } });
  await prisma.order.create({ data: { userId } }); // expect: missing-transaction
};

export async function inLoop(prisma: PrismaClient, ids: string[]) {
  for (const id of ids) {
    await prisma.user.update({ where: { id }, data: { migrated: true } }); // ok: missing-transaction
  }
}

export async function transferWithRecord(prisma: PrismaClient, a: string, b: string, amt: number) {
  await prisma.account.update({ where: { id: a }, data: { balance: { decrement: amt } } });
  await prisma.account.update({ where: { id: b }, data: { balance: { increment: amt } } });
  await prisma.transferRecord.create({ data: { a, b, amt } }); // expect: missing-transaction
}
