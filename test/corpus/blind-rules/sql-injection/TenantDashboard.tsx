// corpus-path: app/(dashboard)/tenants/[slug]/page.tsx
import { Pool } from 'pg';
import { notFound } from 'next/navigation';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const RECENT_LIMIT = 10;

type Props = { params: { slug: string }; searchParams: { q?: string } };

export default async function TenantDashboard({ params, searchParams }: Props) {
  const tenantRes = await pool.query(`SELECT * FROM tenants WHERE slug = '${params.slug}'`); // expect: sql-injection
  const tenant = tenantRes.rows[0];
  if (!tenant) notFound();

  const projects = await pool.query( // ok: sql-injection
    `SELECT id, name FROM projects WHERE tenant_id = $1 ORDER BY updated_at DESC LIMIT ${RECENT_LIMIT}`,
    [tenant.id],
  );

  const matches = searchParams.q
    ? await pool.query("SELECT id, name FROM projects WHERE name ILIKE '%" + searchParams.q + "%'") // expect: sql-injection
    : { rows: [] };

  return (
    <main>
      <h1>{tenant.name}</h1>
      <p>{`Showing ${projects.rows.length} recent projects for ${tenant.name}`}</p>
      <ul>
        {projects.rows.map((p: { id: string; name: string }) => (
          <li key={p.id}>{p.name}</li>
        ))}
      </ul>
      <ul>
        {matches.rows.map((p: { id: string; name: string }) => (
          <li key={p.id}>{`match: ${p.name}`}</li>
        ))}
      </ul>
    </main>
  );
}
