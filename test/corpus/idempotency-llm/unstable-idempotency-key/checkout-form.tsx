// @ts-nocheck
import { useMemo, useState } from 'react';

export function CheckoutForm({ cartId, total }: { cartId: string; total: number }) {
  const [busy, setBusy] = useState(false);
  // One key per mounted form: every resubmission of this form reuses it (stable for the attempt).
  const attemptKey = useMemo(() => crypto.randomUUID(), []);

  async function submitFresh() {
    setBusy(true);
    await fetch('/api/orders', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() }, // expect: unstable-idempotency-key
      body: JSON.stringify({ cartId, total }),
    });
    setBusy(false);
  }

  async function submitStable() {
    setBusy(true);
    await fetch('/api/orders', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': attemptKey }, // ok: unstable-idempotency-key
      body: JSON.stringify({ cartId, total }),
    });
    setBusy(false);
  }

  async function submitByCart() {
    await fetch('/api/orders', { method: 'POST', headers: { 'Idempotency-Key': `cart-${cartId}` }, body: JSON.stringify({ cartId }) }); // ok: unstable-idempotency-key
  }

  async function submitTimestamped() {
    const stamp = Date.now();
    await fetch('/api/orders', { method: 'POST', headers: { 'Idempotency-Key': `${cartId}:${stamp}` }, body: JSON.stringify({ cartId }) }); // expect: unstable-idempotency-key
  }

  return (
    <form onSubmit={(e) => { e.preventDefault(); void submitStable(); }}>
      <button disabled={busy} onClick={() => void submitFresh()}>Pay {total}</button>
      <button onClick={() => void submitByCart()}>Retry</button>
      <button onClick={() => void submitTimestamped()}>Again</button>
    </form>
  );
}
