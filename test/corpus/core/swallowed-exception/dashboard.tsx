// @ts-nocheck
import React, { useEffect, useState } from 'react';
import { api } from '../api/client';
import { toast } from '../ui/toast';

export function Dashboard({ teamId }: { teamId: string }) {
  const [stats, setStats] = useState<Record<string, number> | null>(null);
  const [failed, setFailed] = useState(false);
  const [members, setMembers] = useState<string[]>([]);

  useEffect(() => {
    api.stats(teamId).then(setStats).catch(() => setFailed(true)); // expect: swallowed-exception
  }, [teamId]);

  useEffect(() => {
    api.members(teamId).then(setMembers).catch(() => {}); // expect: swallowed-exception
  }, [teamId]);

  useEffect(() => {
    api.trackView('dashboard').catch(() => undefined); // expect: swallowed-exception
  }, []);

  useEffect(() => {
    api.alerts(teamId).catch((err) => toast.error(err.message)); // ok: swallowed-exception
  }, [teamId]);

  async function refresh() {
    try {
      setStats(await api.stats(teamId));
    } catch (err) { // ok: swallowed-exception
      console.warn('refresh failed');
    }
  }

  async function exportCsv() {
    try {
      const blob = await api.exportCsv(teamId);
      window.open(URL.createObjectURL(blob));
    } catch { // expect: swallowed-exception
      setFailed(true);
    }
  }

  const remove = async (id: string) => {
    try {
      await api.removeMember(teamId, id);
      setMembers((m) => m.filter((x) => x !== id));
    } catch (e) { // ok: swallowed-exception
      toast.error(`Could not remove: ${String(e)}`);
    }
  };

  const invite = async (email: string) => {
    try {
      await api.invite(teamId, email);
    } catch (e) { // expect: swallowed-exception
      return false;
    }
    return true;
  };

  if (failed) return <p>Something went wrong.</p>;
  return (
    <section>
      <button onClick={() => refresh()}>Refresh</button>
      <button
        onClick={() => exportCsv().catch(() => null)} // expect: swallowed-exception
      >
        Export
      </button>
      <button onClick={() => invite('a@b.c')}>Invite</button>
      <ul>{members.map((m) => <li key={m} onClick={() => remove(m)}>{m}</li>)}</ul>
      <pre>{JSON.stringify(stats)}</pre>
    </section>
  );
}
