// React client components for the team dashboard
'use client';
import React, { useEffect, useState } from 'react';
import axios from 'axios';

type Team = { id: string; name: string; members: { id: string; name: string }[] };

function TeamCard({ team, onArchive }: { team: Team; onArchive: () => void }) {
  return (
    <section>
      <h2>{team.name}</h2>
      <ul>
        {team.members.map((m) => ( // ok: n-plus-one
          <li key={m.id}>{m.name}</li>
        ))}
      </ul>
      <button onClick={onArchive}>Archive</button>
    </section>
  );
}

export function TeamDashboard({ teamIds }: { teamIds: string[] }) {
  const [teams, setTeams] = useState<Team[]>([]);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const loaded = await Promise.all(
        teamIds.map((id) => fetch(`/api/teams/${id}`).then((r) => r.json() as Promise<Team>)), // expect: n-plus-one
      );
      if (!cancelled) setTeams(loaded);
    })();
    return () => {
      cancelled = true;
    };
  }, [teamIds]);

  return (
    <div>
      {teams.map((t) => (
        <TeamCard key={t.id} team={t} onArchive={() => axios.post(`/api/teams/${t.id}/archive`)} /> // ok: n-plus-one
      ))}
    </div>
  );
}

export function TeamDashboardBatched({ teamIds }: { teamIds: string[] }) {
  const [teams, setTeams] = useState<Team[]>([]);

  useEffect(() => {
    const controller = new AbortController();
    fetch(`/api/teams?ids=${teamIds.map(encodeURIComponent).join(',')}`, { signal: controller.signal }) // ok: n-plus-one
      .then((r) => r.json())
      .then(setTeams)
      .catch(() => undefined);
    return () => controller.abort();
  }, [teamIds]);

  const refreshAll = async () => {
    for (const team of teams) {
      const { data } = await axios.get<Team>(`/api/teams/${team.id}`); // expect: n-plus-one
      setTeams((prev) => prev.map((p) => (p.id === data.id ? data : p))); // ok: n-plus-one
    }
  };

  return (
    <div>
      <button onClick={refreshAll}>Refresh</button>
      {teams.map((t) => (
        <TeamCard key={t.id} team={t} onArchive={() => void axios.delete(`/api/teams/${t.id}`)} /> // ok: n-plus-one
      ))}
    </div>
  );
}
