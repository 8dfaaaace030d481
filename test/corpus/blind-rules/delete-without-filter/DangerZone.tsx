import { revalidatePath } from 'next/cache';
import { db } from '@/server/db';
import { auth } from '@/server/auth';

const WARNING = 'Clearing all invites runs DELETE FROM "Invite" for every team.'; // ok: delete-without-filter

export default async function DangerZone({ teamId }: { teamId: string }) {
  async function clearTeamInvites() {
    'use server';
    await db.invite.deleteMany({ where: { teamId } }); // ok: delete-without-filter
    revalidatePath(`/teams/${teamId}/settings`);
  }

  async function clearAllInvites() {
    'use server';
    const session = await auth();
    if (!session?.user.isSuperAdmin) throw new Error('forbidden');
    await db.invite.deleteMany(); // expect: delete-without-filter
    revalidatePath('/admin');
  }

  return (
    <section className="danger-zone">
      <p>{WARNING}</p>
      <form>
        <button formAction={clearTeamInvites}>Clear this team&apos;s invites</button>
        <button formAction={clearAllInvites}>Clear all invites</button>
      </form>
    </section>
  );
}
