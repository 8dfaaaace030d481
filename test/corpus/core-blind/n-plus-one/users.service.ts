import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import { User } from './entities/user.entity';
import { Team } from './entities/team.entity';
import { Membership } from './entities/membership.entity';

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(Membership) private readonly memberships: Repository<Membership>,
    private readonly dataSource: DataSource,
  ) {}

  async findTeamsForUsers(userIds: number[]): Promise<Map<number, Team[]>> {
    const result = new Map<number, Team[]>();
    for (const userId of userIds) {
      const rows = await this.memberships.find({ where: { userId }, relations: { team: true } }); // expect: n-plus-one
      result.set(userId, rows.map((m) => m.team)); // ok: n-plus-one
    }
    return result;
  }

  async deactivate(emails: string[]): Promise<void> {
    await Promise.all(
      emails.map(async (email) => {
        const user = await this.users.findOneBy({ email }); // expect: n-plus-one
        if (!user) return;
        user.active = false;
        await this.users.save(user); // expect: n-plus-one
      }),
    );
  }

  async renameTeams(renames: Record<string, string>): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      for (const oldName in renames) {
        await manager.query('UPDATE team SET name = $1 WHERE name = $2', [renames[oldName], oldName]); // expect: n-plus-one
      }
    });
  }

  recomputeMemberCounts(teamIds: number[]): void {
    teamIds.forEach(async (teamId) => {
      const members = await this.dataSource.getRepository(Membership).findBy({ teamId }); // expect: n-plus-one
      await this.dataSource.manager.query( // expect: n-plus-one
        'UPDATE team SET member_count = $1 WHERE id = $2',
        [members.length, teamId],
      );
    });
  }

  async getUsersByIds(ids: number[]): Promise<(User | null)[]> {
    const users = await this.users.findBy({ id: In(ids) }); // ok: n-plus-one
    return ids.map((id) => users.find((u) => u.id === id) ?? null); // ok: n-plus-one
  }

  async createUsers(payloads: Partial<User>[]): Promise<User[]> {
    const entities = payloads.map((p) => this.users.create(p)); // ok: n-plus-one
    return this.users.save(entities); // ok: n-plus-one
  }

  async getById(id: number): Promise<User> {
    const user = await this.users.findOne({ where: { id } }); // ok: n-plus-one
    if (!user) throw new NotFoundException(`user ${id}`);
    return user;
  }
}
