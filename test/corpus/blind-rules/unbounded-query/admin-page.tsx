import Link from 'next/link';
import { PrismaClient } from '@prisma/client';

const db = new PrismaClient();

type Props = { searchParams: { page?: string; tenant?: string } };

export default async function AdminPage({ searchParams }: Props) {
  const page = Math.max(1, Number(searchParams.page ?? '1'));
  const tenants = await db.tenant.findMany({ orderBy: { name: 'asc' } }); // expect: unbounded-query
  const flags = await db.featureFlag.findMany({}); // expect: unbounded-query
  const pendingInvites = await db.invite.findMany({ where: { acceptedAt: null } }); // ok: unbounded-query
  const users = await db.user.findMany({ take: 25, skip: (page - 1) * 25, orderBy: { createdAt: 'desc' } }); // ok: unbounded-query
  const current = tenants.find((t) => t.slug === searchParams.tenant); // ok: unbounded-query

  return (
    <main>
      <h1>Admin{current ? ` — ${current.name}` : ''}</h1>
      <section>
        <h2>Tenants</h2>
        <ul>
          {tenants.map((t) => (
            <li key={t.id}>
              <Link href={`/admin?tenant=${t.slug}`}>{t.name}</Link>
            </li>
          ))}
        </ul>
      </section>
      <section>
        <h2>Feature flags</h2>
        <ul>
          {flags.map((f) => (
            <li key={f.key}>
              {f.key}: {f.enabled ? 'on' : 'off'}
            </li>
          ))}
        </ul>
      </section>
      <section>
        <h2>Pending invites ({pendingInvites.length})</h2>
      </section>
      <section>
        <h2>Users</h2>
        <ul>
          {users.map((u) => (
            <li key={u.id}>{u.email}</li>
          ))}
        </ul>
        <Link href={`/admin?page=${page + 1}`}>Next page</Link>
      </section>
    </main>
  );
}
