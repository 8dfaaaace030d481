import React, { useEffect, useState, useCallback } from 'react';
import useSWR from 'swr';
import axios, { isAxiosError } from 'axios';
import * as Sentry from '@sentry/react';
import { toast } from 'sonner';

type Stats = { visits: number; signups: number };

const fetcher = (url: string) => axios.get(url).then((r) => r.data);

export default function UserDashboard({
  userId,
  initialTab = 'overview',
}: {
  userId: string;
  initialTab?: string;
}) {
  const [stats, setStats] = useState<Stats | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [failed, setFailed] = useState(false);
  const { data: profile } = useSWR(`/api/users/${userId}`, fetcher);

  useEffect(() => {
    let cancelled = false;
    axios
      .get<Stats>(`/api/users/${userId}/stats`)
      .then(({ data }) => !cancelled && setStats(data))
      .catch(() => setFailed(true)); // expect: swallowed-exception
    return () => {
      cancelled = true;
    };
  }, [userId]);

  useEffect(() => {
    fetch(`/api/users/${userId}/notifications`).then((r) => r.json()).catch(setError); // ok: swallowed-exception
  }, [userId]);

  const save = useCallback(
    async (name: string) => {
      try {
        await axios.patch(`/api/users/${userId}`, { name });
        toast.success('Saved');
      } catch (e) { // ok: swallowed-exception
        toast.error(isAxiosError(e) ? e.response?.data?.message ?? 'Failed' : 'Failed');
      }
    },
    [userId],
  );

  const copyId = async () => {
    try {
      await navigator.clipboard.writeText(userId);
      toast.success('Copied');
    } catch { // expect: swallowed-exception
      toast.error('Could not copy');
    }
  };

  const exportCsv = async () => {
    const blob = await axios
      .get(`/api/users/${userId}/export`, { responseType: 'blob' })
      .then((r) => r.data as Blob)
      .catch((err) => { // ok: swallowed-exception
        Sentry.captureException(err);
        return null;
      });
    if (!blob) return;
    window.open(URL.createObjectURL(blob));
  };

  const prefetchTab = (tab: string) => void import(`./tabs/${tab}`).catch(() => undefined); // expect: swallowed-exception

  return (
    <section>
      <h1>{profile?.name ?? 'Loading…'}</h1>
      {failed && <p role="alert">Stats unavailable</p>}
      {error ? <p role="alert">Notifications unavailable</p> : null}
      <button onClick={() => save('New name')}>Save</button>
      <button onClick={copyId}>Copy ID</button>
      <button onClick={exportCsv} onMouseEnter={() => prefetchTab(initialTab)}>
        Export
      </button>
      <pre>{JSON.stringify(stats)}</pre>
    </section>
  );
}

export class Boundary extends React.Component<{ children: React.ReactNode }, { hasError: boolean }> {
  state = { hasError: false };

  static getDerivedStateFromError() {
    return { hasError: true };
  }

  componentDidCatch() { // ok: swallowed-exception
  }

  render() {
    return this.state.hasError ? <p>Something went wrong.</p> : this.props.children;
  }
}
