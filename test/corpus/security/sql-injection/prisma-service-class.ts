// @ts-nocheck
import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma/prisma.service';

@Injectable()
export class ReportsService {
  constructor(private readonly prisma: PrismaService) {}

  async byTag(tag: string) {
    return this.prisma.$queryRawUnsafe(`SELECT * FROM reports WHERE tag = '${tag}'`); // expect: sql-injection
  }

  async byTagSafe(tag: string) {
    return this.prisma.$queryRaw`SELECT * FROM reports WHERE tag = ${tag}`; // ok: sql-injection
  }
}
