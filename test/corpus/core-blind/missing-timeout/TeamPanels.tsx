import { useEffect, useState, type FormEvent } from 'react';
import ky from 'ky';

interface User {
  id: string;
  name: string;
}

interface Team {
  id: string;
  name: string;
}

interface ActivityEvent {
  id: string;
  kind: string;
}

export function UserList({ teamId }: { teamId: string }) {
  const [users, setUsers] = useState<User[]>([]);
  useEffect(() => {
    fetch(`/api/teams/${teamId}/users`) // expect: missing-timeout
      .then((r) => r.json())
      .then(setUsers);
  }, [teamId]);
  return (
    <ul>
      {users.map((u) => (
        <li key={u.id}>{u.name}</li>
      ))}
    </ul>
  );
}

export function TeamBadge({ teamId }: { teamId: string }) {
  const [team, setTeam] = useState<Team | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    fetch(`/api/teams/${teamId}`, { signal: controller.signal }) // ok: missing-timeout
      .then((r) => r.json())
      .then(setTeam)
      .catch(() => undefined);
    return () => controller.abort();
  }, [teamId]);
  return <span className="badge">{team?.name ?? '…'}</span>;
}

export function InviteForm({ teamId }: { teamId: string }) {
  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    await fetch(`/api/teams/${teamId}/invites`, { method: 'POST', body: form }); // expect: missing-timeout
  }
  return (
    <form onSubmit={onSubmit}>
      <input name="email" type="email" />
      <button type="submit">Invite</button>
    </form>
  );
}

export function Activity({ teamId }: { teamId: string }) {
  const [events, setEvents] = useState<ActivityEvent[]>([]);
  useEffect(() => {
    ky.get(`/api/teams/${teamId}/activity`).json<ActivityEvent[]>().then(setEvents); // ok: missing-timeout
  }, [teamId]);
  const archive = () => ky.post(`/api/teams/${teamId}/archive`, { json: { reason: 'inactive' } }); // ok: missing-timeout
  const reload = () => ky(`/api/teams/${teamId}/activity`).json<ActivityEvent[]>().then(setEvents); // ok: missing-timeout
  return (
    <section>
      <button onClick={archive}>Archive</button>
      <button onClick={reload}>Reload</button>
      {events.map((ev) => (
        <p key={ev.id}>{ev.kind}</p>
      ))}
    </section>
  );
}

const api = ky.create({ prefixUrl: '/api', retry: 2 }); // ok: missing-timeout

export function Export({ teamId }: { teamId: string }) {
  const onClick = async () => {
    const blob = await api.get(`teams/${teamId}/export`).blob(); // ok: missing-timeout
    window.open(URL.createObjectURL(blob));
  };
  return <button onClick={onClick}>Export</button>;
}
