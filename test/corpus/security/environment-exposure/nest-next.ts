// @ts-nocheck
import { Controller, Get, Logger } from '@nestjs/common';
import { NextResponse } from 'next/server';

@Controller('diagnostics')
export class DiagnosticsController {
  private readonly logger = new Logger(DiagnosticsController.name);

  @Get('env')
  env() {
    return process.env; // expect: environment-exposure
  }

  @Get('summary')
  summary() {
    return { env: process.env, node: process.version }; // expect: environment-exposure
  }

  @Get('mode')
  mode() {
    return { mode: process.env.NODE_ENV }; // ok: environment-exposure
  }

  @Get('log')
  log() {
    this.logger.log(JSON.stringify(process.env)); // expect: environment-exposure
    return { logged: true };
  }
}

export async function GET() {
  return NextResponse.json(process.env); // expect: environment-exposure
}

export async function POST() {
  return Response.json({ env: process.env }); // expect: environment-exposure
}

export async function PUT() {
  return NextResponse.json({ commit: process.env.VERCEL_GIT_COMMIT_SHA }); // ok: environment-exposure
}
