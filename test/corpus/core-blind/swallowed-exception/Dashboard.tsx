import { useCallback, useEffect, useState } from 'react';
import * as Sentry from '@sentry/react';
import toast from 'react-hot-toast';
import { api } from '../lib/api';
import { download } from '../lib/download';

type Stats = { users: number; revenue: number };
type Prefs = { theme: 'light' | 'dark'; compact: boolean };
type Widget = { id: string; title: string };

function readDismissed(): string[] {
  try {
    return JSON.parse(localStorage.getItem('dismissed') ?? '[]');
  } catch { // expect: swallowed-exception
    return [];
  }
}

export default function Dashboard() {
  const [stats, setStats] = useState<Stats | null>(null);
  const [widgets, setWidgets] = useState<Widget[]>([]);
  const [hasError, setHasError] = useState(false);
  const [saving, setSaving] = useState(false);
  const dismissed = readDismissed();

  useEffect(() => {
    api
      .get<Stats>('/stats')
      .then((r) => setStats(r.data))
      .catch(() => setHasError(true)); // expect: swallowed-exception
  }, []);

  const save = useCallback(async (prefs: Prefs) => {
    setSaving(true);
    try {
      await api.put('/prefs', prefs);
      toast.success('Saved');
    } catch (err) { // ok: swallowed-exception
      Sentry.captureException(err);
      toast.error('Could not save preferences');
    } finally {
      setSaving(false);
    }
  }, []);

  const exportCsv = async () => {
    try {
      const res = await api.get('/stats/export', { responseType: 'blob' });
      download(res.data, 'stats.csv');
    } catch { // expect: swallowed-exception
      toast.error('Export failed');
    }
  };

  const archive = async (id: string) => {
    try {
      await api.post(`/widgets/${id}/archive`);
      setWidgets((ws) => ws.filter((w) => w.id !== id));
    } catch (e) { // ok: swallowed-exception
      toast.error(e instanceof Error ? e.message : 'Archive failed');
    }
  };

  const loadWidgets = () =>
    api.get<Widget[]>('/widgets').then(
      (r) => setWidgets(r.data),
      (e) => { // ok: swallowed-exception
        Sentry.captureException(e);
        setWidgets([]);
      },
    );

  const prefetch = () => {
    api.get('/stats/details').catch(async () => {}); // expect: swallowed-exception
  };

  useEffect(() => {
    const id = setInterval(() => {
      api.get<Stats>('/stats').then((r) => setStats(r.data), () => undefined); // expect: swallowed-exception
    }, 30_000);
    return () => clearInterval(id);
  }, []);

  useEffect(() => {
    loadWidgets();
  }, []);

  if (hasError) return <p>Dashboard is unavailable.</p>;
  return (
    <main onMouseEnter={prefetch}>
      <h1>Users: {stats?.users ?? '…'}</h1>
      <button disabled={saving} onClick={() => save({ theme: 'dark', compact: true })}>
        Save
      </button>
      <button onClick={exportCsv}>Export</button>
      {widgets
        .filter((w) => !dismissed.includes(w.id))
        .map((w) => (
          <article key={w.id}>
            {w.title} <button onClick={() => archive(w.id)}>Archive</button>
          </article>
        ))}
    </main>
  );
}
