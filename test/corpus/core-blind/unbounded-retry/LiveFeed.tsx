import React, { useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import pRetry from 'p-retry';
import { api } from '../api/client';
import type { FeedItem } from '../types';

type Status = 'connecting' | 'live' | 'error';

export function LiveFeed({ channel }: { channel: string }) {
  const [items, setItems] = useState<FeedItem[]>([]);
  const [unread, setUnread] = useState(0);
  const [status, setStatus] = useState<Status>('connecting');
  const socketRef = useRef<WebSocket | null>(null);

  const { data: channelInfo } = useQuery({
    queryKey: ['channel', channel],
    queryFn: () => api.get(`/channels/${channel}`),
    retry: 3, // ok: unbounded-retry
  });

  useEffect(() => {
    let cancelled = false;
    const loadHistory = () => {
      api
        .get<FeedItem[]>(`/channels/${channel}/history`)
        .then((rows) => {
          if (!cancelled) setItems(rows);
        })
        .catch(() => {
          setStatus('error');
          setTimeout(() => loadHistory(), 3000); // expect: unbounded-retry
        });
    };
    loadHistory();
    return () => {
      cancelled = true;
    };
  }, [channel]);

  useEffect(() => {
    let closed = false;
    const connect = () => {
      const ws = new WebSocket(`wss://feed.example.com/ws/${channel}`);
      socketRef.current = ws;
      ws.onopen = () => setStatus('live');
      ws.onmessage = (ev) => setItems((prev) => [JSON.parse(ev.data) as FeedItem, ...prev].slice(0, 200));
      ws.onclose = () => {
        if (!closed) setTimeout(() => connect(), 2000); // ok: unbounded-retry
      };
    };
    connect();
    return () => {
      closed = true;
      socketRef.current?.close();
    };
  }, [channel]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      const count = await api.get<number>(`/channels/${channel}/unread`);
      setUnread(count);
      timer = setTimeout(() => poll(), 15_000); // ok: unbounded-retry
    };
    poll();
    return () => clearTimeout(timer);
  }, [channel]);

  useEffect(() => {
    pRetry(() => api.post('/presence', { channel }), { retries: Infinity }); // expect: unbounded-retry
  }, [channel]);

  const loadAvatar = (url: string, attempt = 0): Promise<Blob> =>
    api.blob(url).catch((err: unknown) => {
      if (attempt >= 2) throw err;
      return loadAvatar(url, attempt + 1); // ok: unbounded-retry
    });

  async function markRead(id: string): Promise<void> {
    try {
      await api.post(`/items/${id}/read`);
    } catch {
      await new Promise((r) => setTimeout(r, 1000));
      await markRead(id); // expect: unbounded-retry
    }
  }

  const sendReaction = (id: string, emoji: string) =>
    pRetry(() => api.post(`/items/${id}/reactions`, { emoji }), { retries: 2 }); // ok: unbounded-retry

  return (
    <section aria-busy={status === 'connecting'}>
      <header>
        <h2>{channelInfo?.title ?? channel}</h2>
        {unread > 0 && <span className="badge">{unread}</span>}
        {status === 'error' && <span role="alert">Reconnecting…</span>}
      </header>
      <ul>
        {items.map((item) => (
          <li key={item.id} onMouseEnter={() => markRead(item.id)}>
            <img alt="" src={item.avatarUrl} onError={() => loadAvatar(item.avatarUrl)} />
            {item.text}
            <button onClick={() => sendReaction(item.id, '👍')}>👍</button>
          </li>
        ))}
      </ul>
    </section>
  );
}
