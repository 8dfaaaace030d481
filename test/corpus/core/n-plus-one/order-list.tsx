// @ts-nocheck
import { useEffect, useState } from 'react';

export function OrderList({ ids }: { ids: string[] }) {
  const [orders, setOrders] = useState<unknown[]>([]);

  useEffect(() => {
    Promise.all(ids.map((id) => fetch(`/api/orders/${id}`).then((r) => r.json()))).then(setOrders); // expect: n-plus-one
  }, [ids]);

  useEffect(() => {
    fetch(`/api/orders?ids=${ids.join(',')}`).then((r) => r.json()).then(setOrders); // ok: n-plus-one
  }, [ids]);

  return <ul>{orders.map((o: any) => <li key={o.id}>{o.number}</li>)}</ul>;
}
