import { useCallback, useEffect, useState } from 'react';
import useSWR from 'swr';
import ky from 'ky';
import axios from 'axios';

type Order = { id: string; total: number; placedAt: string };
type Notification = { id: string; text: string; read: boolean };

const fetcher = (url: string) => fetch(url).then((r) => r.json()); // expect: missing-timeout

const api = ky.create({ prefixUrl: '/api', credentials: 'include' }); // ok: missing-timeout

export function UserDashboard({ userId, apiBase = '/api' }: { userId: string; apiBase?: string }) {
  const { data: stats } = useSWR<{ visits: number }>(`${apiBase}/users/${userId}/stats`, fetcher);
  const [orders, setOrders] = useState<Order[]>([]);
  const [notifications, setNotifications] = useState<Notification[]>([]);

  useEffect(() => {
    const controller = new AbortController();
    fetch(`${apiBase}/users/${userId}/orders`, { signal: controller.signal }) // ok: missing-timeout
      .then((r) => r.json())
      .then(setOrders)
      .catch(() => undefined);
    return () => controller.abort();
  }, [userId, apiBase]);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const res = await fetch(`${apiBase}/users/${userId}/notifications`, { credentials: 'include' }); // expect: missing-timeout
      if (!cancelled) setNotifications(await res.json());
    })();
    return () => {
      cancelled = true;
    };
  }, [userId, apiBase]);

  const markAllRead = useCallback(async () => {
    await api.post(`users/${userId}/notifications/read`); // ok: missing-timeout
    setNotifications((ns) => ns.map((n) => ({ ...n, read: true })));
  }, [userId]);

  const exportCsv = async () => {
    const res = await axios.get<Blob>(`${apiBase}/users/${userId}/export`, { responseType: 'blob' }); // expect: missing-timeout
    const href = URL.createObjectURL(res.data);
    window.open(href);
  };

  const refresh = () => axios.post(`${apiBase}/users/${userId}/refresh`, null, { timeout: 8_000 }); // ok: missing-timeout

  return (
    <section>
      <h2>Visits: {stats?.visits ?? '…'}</h2>
      <button onClick={markAllRead}>Mark all read ({notifications.filter((n) => !n.read).length})</button>
      <button onClick={exportCsv}>Export</button>
      <button onClick={() => void refresh()}>Refresh</button>
      <ul>
        {orders.map((o) => (
          <li key={o.id}>
            {o.placedAt}: {o.total}
          </li>
        ))}
      </ul>
    </section>
  );
}
