// corpus-path: app/api/reports/route.ts
import { NextRequest, NextResponse } from 'next/server';
import * as pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 5 });

const REPORT_VIEW = 'monthly_revenue_v';
const DEFAULT_LIMIT = 100;

export async function GET(req: NextRequest) {
  const { searchParams } = new URL(req.url);
  const month = searchParams.get('month');
  const region = searchParams.get('region') ?? 'eu';
  const orderBy = searchParams.get('orderBy') ?? 'total';

  if (searchParams.get('mode') === 'legacy') {
    const result = await pool.query(`SELECT * FROM ${REPORT_VIEW} WHERE month = '${month}' AND region = '${region}'`); // expect: sql-injection
    return NextResponse.json(result.rows);
  }

  if (searchParams.get('mode') === 'sorted') {
    const result = await pool.query( // expect: sql-injection
      'SELECT * FROM monthly_revenue_v WHERE month = $1 ORDER BY ' + orderBy,
      [month],
    );
    return NextResponse.json(result.rows);
  }

  const result = await pool.query({ // ok: sql-injection
    text: `SELECT * FROM ${REPORT_VIEW} WHERE month = $1 AND region = $2 LIMIT ${DEFAULT_LIMIT}`,
    values: [month, region],
  });
  return NextResponse.json(result.rows);
}

export async function DELETE(req: NextRequest) {
  const body = await req.json();
  await pool.query(`DELETE FROM saved_reports WHERE id = ${body.id} AND owner = '${body.owner}'`); // expect: sql-injection
  await pool.query('DELETE FROM saved_report_shares WHERE report_id = $1', [body.id]); // ok: sql-injection
  return new NextResponse(null, { status: 204 });
}

export async function HEAD() {
  await pool.query(`SELECT 1`); // ok: sql-injection
  return new NextResponse(null, { status: 200 });
}
