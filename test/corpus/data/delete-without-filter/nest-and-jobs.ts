// @ts-nocheck
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Sequelize, QueryTypes } from 'sequelize';
import { Model } from 'mongoose';
import { PrismaService } from './prisma.service';

interface Notification { id: string; read: boolean }

@Injectable()
export class MaintenanceService {
  constructor(
    @InjectRepository(Object) private readonly repo: Repository<Notification>,
    private readonly manager: EntityManager,
    private readonly prisma: PrismaService,
    private readonly sequelize: Sequelize,
    private readonly notifications: Model<Notification>,
  ) {}

  async purgeAll() {
    await this.manager.query('DELETE FROM notifications'); // expect: delete-without-filter
  }

  async purgeRead() {
    await this.manager.query('DELETE FROM notifications WHERE read = true'); // ok: delete-without-filter
  }

  async resetCounters() {
    await this.sequelize.query('UPDATE counters SET value = 0', { type: QueryTypes.UPDATE }); // expect: delete-without-filter
  }

  async resetCounter(name: string) {
    await this.sequelize.query('UPDATE counters SET value = 0 WHERE name = :name', { replacements: { name } }); // ok: delete-without-filter
  }

  async clearPrismaNotifications() {
    await this.prisma.notification.deleteMany({}); // expect: delete-without-filter
  }

  async clearPrismaRead() {
    await this.prisma.notification.deleteMany({ where: { read: true } }); // ok: delete-without-filter
  }

  async clearMongo() {
    await this.notifications.deleteMany({}).exec(); // expect: delete-without-filter
  }

  async clearMongoRead() {
    await this.notifications.deleteMany({ read: true }).exec(); // ok: delete-without-filter
  }

  async rawPrismaDelete() {
    await this.prisma.$executeRawUnsafe('DELETE FROM "Notification"'); // expect: delete-without-filter
  }

  async rawPrismaFilteredDelete(id: string) {
    await this.prisma.$executeRaw`DELETE FROM "Notification" WHERE id = ${id}`; // ok: delete-without-filter
  }

  async rawPrismaTaggedWipe() {
    await this.prisma.$executeRaw`DELETE FROM "Notification"`; // expect: delete-without-filter
  }

  async softDeleteAll() {
    // updateMany with a data payload and no where: not a delete the issue names; left unlabelled.
    await this.prisma.notification.updateMany({ where: { read: true }, data: { read: false } }); // ok: delete-without-filter
  }
}

// Test setup code clearing tables is the same statement; it is still flagged (the rule cannot know it only
// runs against a throwaway database unless the file lives under a test path).
export async function seedReset(prisma: PrismaService) {
  await prisma.user.deleteMany(); // expect: delete-without-filter
}
