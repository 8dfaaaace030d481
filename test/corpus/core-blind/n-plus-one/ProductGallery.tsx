import React, { useEffect, useState } from 'react';
import axios from 'axios';

type Product = { id: string; name: string; imageUrl: string };

export function ProductGallery({ ids }: { ids: string[] }) {
  const [products, setProducts] = useState<Product[]>([]);
  const [ratings, setRatings] = useState<Record<string, number>>({});

  useEffect(() => {
    let cancelled = false;
    Promise.all(ids.map((id) => fetch(`/api/products/${id}`).then((r) => r.json()))) // expect: n-plus-one
      .then((list: Product[]) => {
        if (!cancelled) setProducts(list);
      });
    return () => {
      cancelled = true;
    };
  }, [ids]);

  useEffect(() => {
    ids.forEach(async (id) => {
      const { data } = await axios.get<{ average: number }>(`/api/products/${id}/rating`); // expect: n-plus-one
      setRatings((prev) => ({ ...prev, [id]: data.average }));
    });
  }, [ids]);

  return (
    <ul className="gallery">
      {products.map((p) => ( // ok: n-plus-one
        <li key={p.id}>
          <img src={p.imageUrl} alt={p.name} />
          <span>{p.name}</span>
          <span>{ratings[p.id]?.toFixed(1) ?? '-'}</span>
        </li>
      ))}
    </ul>
  );
}

export function RelatedProducts({ productId }: { productId: string }) {
  const [items, setItems] = useState<Product[]>([]);

  useEffect(() => {
    fetch(`/api/products/${productId}/related?limit=8`) // ok: n-plus-one
      .then((r) => r.json())
      .then(setItems);
  }, [productId]);

  return <div>{items.map((item) => <a key={item.id} href={`/p/${item.id}`}>{item.name}</a>)}</div>; // ok: n-plus-one
}

export function BulkArchiveButton({ selected }: { selected: string[] }) {
  const [busy, setBusy] = useState(false);

  async function archive() {
    setBusy(true);
    try {
      for (const id of selected) {
        await fetch(`/api/products/${id}/archive`, { method: 'POST' }); // expect: n-plus-one
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <button disabled={busy} onClick={archive}>
      Archive {selected.length}
    </button>
  );
}

export function BulkArchiveButtonBatched({ selected }: { selected: string[] }) {
  const archive = async () => {
    await axios.post('/api/products/archive', { ids: selected }); // ok: n-plus-one
  };
  return <button onClick={archive}>Archive {selected.length}</button>;
}
