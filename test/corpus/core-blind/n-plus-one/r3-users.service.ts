import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { PrismaClient } from '@prisma/client';
import { User } from './entities/user.entity';
import { Role } from './entities/role.entity';
import { AuditLog } from './entities/audit-log.entity';
import { Shipment } from './entities/shipment.entity';
import { TrackingEvent } from './entities/tracking-event.entity';

type TrackingMessage = { trackingNo: string; status: string; at: string };

@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);
  private readonly prisma = new PrismaClient();

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(AuditLog)
    private readonly auditLogRepository: Repository<AuditLog>,
    private readonly dataSource: DataSource,
  ) {}

  private get roles() {
    return this.dataSource.getRepository(Role);
  }

  async deactivate(ids: string[]): Promise<void> {
    for (const id of ids) {
      const user = await this.users.findOneBy({ id }); // expect: n-plus-one
      if (!user) continue;
      user.active = false;
      await this.users.save(user); // expect: n-plus-one
    }
  }

  async deactivateBatched(ids: string[]): Promise<User[]> {
    const found = await this.users.findBy({ id: In(ids) }); // ok: n-plus-one
    for (const id of ids) {
      const user = found.find((u) => u.id === id); // ok: n-plus-one
      if (user) user.active = false;
    }
    return this.users.save(found); // ok: n-plus-one
  }

  async recordLogins(events: Array<{ userId: string; at: Date }>): Promise<void> {
    const rows = events.map((e) => this.auditLogRepository.create({ userId: e.userId, action: 'login', at: e.at })); // ok: n-plus-one
    await this.auditLogRepository.save(rows); // ok: n-plus-one
  }

  private readonly touchAll = async (ids: readonly string[]): Promise<void> => {
    let i = 0;
    while (i < ids.length) {
      await this.prisma.user.update({ where: { id: ids[i] }, data: { touchedAt: new Date() } }); // expect: n-plus-one
      i++;
    }
  };

  async profiles(ids: string[]) {
    return Promise.all(
      ids.map(async (id) =>
        this.prisma.user.findUnique({ where: { id }, include: { profile: true } }), // ok: n-plus-one
      ),
    );
  }

  async profilesSequential(ids: string[]) {
    const out = [];
    for (const id of ids) {
      out.push(await this.prisma.user.findUnique({ where: { id } })); // expect: n-plus-one
    }
    return out;
  }

  async latestOrders(ids: string[]) {
    return Promise.all(
      ids.map((id) =>
        this.prisma.order.findFirst({ where: { userId: id }, orderBy: { createdAt: 'desc' } }), // expect: n-plus-one
      ),
    );
  }

  async assignRoles(assignments: { userId: string; roleName: string }[]): Promise<number> {
    let assigned = 0;
    outer: for (const a of assignments) {
      const role = await this.roles.findOne({ where: { name: a.roleName } }); // expect: n-plus-one
      if (!role) {
        this.logger.warn(`unknown role ${a.roleName}`);
        continue outer;
      }
      assigned++;
    }
    return assigned;
  }

  async renameAll(renames: Array<[string, string]>): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      for (const [id, name] of renames) {
        await manager.query('UPDATE users SET name = $1 WHERE id = $2', [name, id]); // expect: n-plus-one
      }
    });
  }

  async ingestTracking(messages: TrackingMessage[]): Promise<string[]> {
    const shipments = this.dataSource.getRepository(Shipment);
    const unknown: string[] = [];
    for (const msg of messages) {
      const shipment = await shipments.findOne({ where: { trackingNo: msg.trackingNo } }); // expect: n-plus-one
      if (!shipment) {
        unknown.push(msg.trackingNo);
        continue;
      }
      await this.dataSource.manager.save(TrackingEvent, { // expect: n-plus-one
        shipmentId: shipment.id,
        status: msg.status,
        at: new Date(msg.at),
      });
    }
    return unknown;
  }

  async ingestTrackingBatched(messages: TrackingMessage[]): Promise<void> {
    const found = await this.dataSource // ok: n-plus-one
      .getRepository(Shipment)
      .findBy({ trackingNo: In(messages.map((m) => m.trackingNo)) });
    const byNo = new Map(found.map((s) => [s.trackingNo, s] as const));
    const events = messages
      .filter((m) => byNo.has(m.trackingNo))
      .map((m) => this.dataSource.manager.create(TrackingEvent, { shipmentId: byNo.get(m.trackingNo)!.id, status: m.status })); // ok: n-plus-one
    await this.dataSource.manager.save(events); // ok: n-plus-one

    await this.dataSource.manager.transaction(async (em) => {
      await Promise.all(
        messages.map((m) =>
          em.query('UPDATE shipments SET last_status = $1 WHERE tracking_no = $2', [m.status, m.trackingNo]), // expect: n-plus-one
        ),
      );
    });
  }

  async countMissing(trackingNos: string[]): Promise<number> {
    let missing = 0;
    for (const trackingNo of trackingNos) {
      const s = await (this.dataSource.manager as EntityManager).findOneBy(Shipment, { trackingNo }); // expect: n-plus-one
      if (!s) missing++;
    }
    return missing;
  }

  async statusHistogram(trackingNos: string[]): Promise<Record<string, number>> {
    const rows: Array<{ status: string; n: string }> = await this.dataSource.query( // ok: n-plus-one
      'SELECT last_status AS status, COUNT(*) AS n FROM shipments WHERE tracking_no = ANY($1) GROUP BY 1',
      [trackingNos],
    );
    return rows.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.status]: Number(r.n) }), {}); // ok: n-plus-one
  }

  async countActive(): Promise<number> {
    return this.users.count({ where: { active: true } });
  }
}
