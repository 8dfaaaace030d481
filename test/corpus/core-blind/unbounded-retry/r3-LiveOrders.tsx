'use client';
import { useEffect, useState, useCallback } from 'react';
import useSWR from 'swr';
import { useQuery } from '@tanstack/react-query';
import { toast } from 'sonner';
import { saveDraft, type Order } from '@/lib/api';

const wait = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const fetcher = (url: string) => fetch(url).then((r) => r.json());

const retryFetch = async (
  url: string,
  { retries = 3 }: { retries?: number } = {},
): Promise<Response> => {
  try {
    return await fetch(url);
  } catch (e) {
    if (retries <= 0) throw e;
    return retryFetch(url, { retries: retries - 1 }); // ok: unbounded-retry
  }
};

export function LiveOrders({ storeId }: { storeId: string }) {
  const [orders, setOrders] = useState<Order[]>([]);
  const [status, setStatus] = useState<'live' | 'offline'>('offline');

  useEffect(() => {
    let cancelled = false;
    const load = () => {
      fetch(`/api/stores/${storeId}/orders`)
        .then((r) => r.json())
        .then(setOrders)
        .catch(() => {
          if (!cancelled) setTimeout(() => load(), 3_000); // expect: unbounded-retry
        });
    };
    load();
    return () => {
      cancelled = true;
    };
  }, [storeId]);

  useEffect(() => {
    (async function subscribe() {
      try {
        const res = await retryFetch(`/api/stores/${storeId}/stream`);
        setStatus(res.ok ? 'live' : 'offline');
      } catch {
        setStatus('offline');
        await wait(2_000);
        subscribe(); // expect: unbounded-retry
      }
    })();
  }, [storeId]);

  useEffect(() => {
    const connect = (attempt = 0) => {
      const es = new EventSource(`/api/stores/${storeId}/events`);
      es.onerror = () => {
        es.close();
        if (attempt < 5) setTimeout(() => connect(attempt + 1), 1_000 * 2 ** attempt); // ok: unbounded-retry
      };
    };
    connect();
  }, [storeId]);

  const { data: stats } = useSWR(`/api/stores/${storeId}/stats`, fetcher, {
    onErrorRetry: (error, key, config, revalidate, { retryCount }) => {
      if (retryCount >= 5) return;
      setTimeout(() => revalidate({ retryCount }), 5_000); // ok: unbounded-retry
    },
  });

  const { data: summary } = useQuery({
    queryKey: ['summary', storeId],
    queryFn: () => fetcher(`/api/stores/${storeId}/summary`),
    retry: 3, // ok: unbounded-retry
  });

  const handleSave = async () => {
    try {
      await saveDraft(storeId, orders);
      toast.success('Saved');
    } catch {
      toast.error('Save failed, retrying…');
      return handleSave(); // expect: unbounded-retry
    }
  };

  const loadPage = useCallback(async (page: number, attempt = 1): Promise<Order[]> => {
    try {
      return await fetcher(`/api/stores/${storeId}/orders?page=${page}`);
    } catch (err) {
      if (attempt > 2) throw err;
      return loadPage(page, attempt + 1); // ok: unbounded-retry
    }
  }, [storeId]);

  return (
    <section>
      <h2>Orders ({status})</h2>
      <p>{stats?.total} today, {summary?.pending} pending</p>
      <button onClick={handleSave}>Save draft</button>
      <button onClick={() => loadPage(2).then(setOrders)}>More</button>
      <ul>
        {orders.map((o) => (
          <li key={o.id}>{o.number}</li>
        ))}
      </ul>
    </section>
  );
}
