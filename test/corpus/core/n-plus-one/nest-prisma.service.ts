// @ts-nocheck
import { Injectable } from '@nestjs/common';
import { PrismaClient } from '@prisma/client';
import { PrismaService } from '../prisma/prisma.service';

@Injectable()
export class TeamsService {
  constructor(private readonly prisma: PrismaClient) {}

  async withMembers(teamIds: string[]) {
    const teams = [];
    for (const id of teamIds) {
      teams.push(await this.prisma.team.findUnique({ where: { id }, include: { members: true } })); // expect: n-plus-one
    }
    return teams;
  }

  async withMembersConcurrent(teamIds: string[]) {
    return Promise.all(teamIds.map(async (id) => this.prisma.team.findUnique({ where: { id } }))); // ok: n-plus-one
  }

  async withMembersBatched(teamIds: string[]) {
    return this.prisma.team.findMany({ where: { id: { in: teamIds } }, include: { members: true } }); // ok: n-plus-one
  }

  async bumpAll(teamIds: string[]) {
    await Promise.all(teamIds.map((id) => this.prisma.team.update({ where: { id }, data: { version: { increment: 1 } } }))); // expect: n-plus-one
  }
}

@Injectable()
export class ProjectsService {
  constructor(private prisma: PrismaService) {}

  async owners(projects: { ownerId: string }[]) {
    const out = [];
    for (const p of projects) {
      out.push(await this.prisma.user.findFirst({ where: { id: p.ownerId } })); // expect: n-plus-one
    }
    return out;
  }

  async ownersBatched(projects: { ownerId: string }[]) {
    return this.prisma.user.findMany({ where: { id: { in: projects.map((p) => p.ownerId) } } }); // ok: n-plus-one
  }
}
