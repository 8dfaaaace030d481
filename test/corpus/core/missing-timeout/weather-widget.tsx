// @ts-nocheck
import { useEffect, useState } from 'react';

export function WeatherWidget({ city }: { city: string }) {
  const [temp, setTemp] = useState<number | null>(null);
  const [alerts, setAlerts] = useState<string[]>([]);

  useEffect(() => {
    fetch(`/api/weather/${city}`) // expect: missing-timeout
      .then((r) => r.json())
      .then((d) => setTemp(d.temp));
  }, [city]);

  useEffect(() => {
    const ac = new AbortController();
    fetch(`/api/alerts/${city}`, { signal: ac.signal }) // ok: missing-timeout
      .then((r) => r.json())
      .then(setAlerts)
      .catch(() => setAlerts([]));
    return () => ac.abort();
  }, [city]);

  return (
    <div>
      <span>{temp ?? '…'}</span>
      <button
        onClick={() => fetch('/api/weather/refresh', { method: 'POST' })} // expect: missing-timeout
      >
        Refresh
      </button>
      <ul>{alerts.map((a) => <li key={a}>{a}</li>)}</ul>
    </div>
  );
}
