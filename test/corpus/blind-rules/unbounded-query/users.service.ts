import { Injectable, NotFoundException } from '@nestjs/common';
import { Prisma, PrismaClient } from '@prisma/client';

type Viewer = { id: string; orgId: string; isAdmin: boolean };

@Injectable()
export class UsersService {
  constructor(private readonly prisma: PrismaClient) {}

  async listAll() {
    return this.prisma.user.findMany(); // expect: unbounded-query
  }

  async listWithProfiles() {
    return this.prisma.user.findMany({ include: { profile: true } }); // expect: unbounded-query
  }

  async listEmails() {
    return this.prisma.user.findMany({ select: { id: true, email: true } }); // expect: unbounded-query
  }

  async listNewestFirst() {
    return this.prisma.user.findMany({ where: {}, orderBy: { createdAt: 'desc' } }); // expect: unbounded-query
  }

  async page(page: number, pageSize = 20) {
    return this.prisma.user.findMany({ skip: (page - 1) * pageSize, take: pageSize, orderBy: { id: 'asc' } }); // ok: unbounded-query
  }

  async byOrg(orgId: string) {
    return this.prisma.user.findMany({ where: { orgId } }); // ok: unbounded-query
  }

  async byIds(ids: string[]) {
    return this.prisma.user.findMany({ where: { id: { in: ids } } }); // ok: unbounded-query
  }

  async afterCursor(cursor?: string) {
    return this.prisma.user.findMany({ // ok: unbounded-query
      take: 50,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
      orderBy: { id: 'asc' },
    });
  }

  async search(filters: Prisma.UserWhereInput) {
    return this.prisma.user.findMany({ where: filters }); // ok: unbounded-query
  }

  async visibleTo(viewer: Viewer) {
    return this.prisma.user.findMany({ where: viewer.isAdmin ? {} : { orgId: viewer.orgId } }); // ok: unbounded-query
  }

  async getById(id: string) {
    const user = await this.prisma.user.findUnique({ where: { id } }); // ok: unbounded-query
    if (!user) throw new NotFoundException(`user ${id} not found`);
    return user;
  }

  async oldest() {
    return this.prisma.user.findFirst({ orderBy: { createdAt: 'asc' } }); // ok: unbounded-query
  }

  async total() {
    return this.prisma.user.count(); // ok: unbounded-query
  }

  async deactivateStale(cutoff: Date) {
    return this.prisma.$transaction(async (tx) => {
      const stale = await tx.user.findMany({ where: { lastLoginAt: { lt: cutoff } }, select: { id: true } }); // ok: unbounded-query
      const roles = await tx.role.findMany(); // expect: unbounded-query
      const guest = roles.find((r) => r.name === 'guest'); // ok: unbounded-query
      if (!guest) throw new Error('guest role missing');
      await tx.user.updateMany({
        where: { id: { in: stale.map((u) => u.id) } },
        data: { roleId: guest.id, active: false },
      });
      return stale.length;
    });
  }
}
