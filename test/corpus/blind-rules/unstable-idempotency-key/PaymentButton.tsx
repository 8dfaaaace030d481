// relabelled by the maintainers: the finding is where the key is sent (the generation is its related location); PayPal-Request-Id and nanoid() keys are reported (see docs/rules/unstable-idempotency-key.md)
'use client';

import React, { useMemo, useRef, useState } from 'react';
import { v4 as uuidv4 } from 'uuid';
import { toast } from 'sonner';

type Props = { cartId: string; amountCents: number };

export function PayNowButton({ cartId, amountCents }: Props) {
  const [pending, setPending] = useState(false);

  async function onClick() {
    setPending(true);
    try {
      const res = await fetch('/api/payments', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': uuidv4() }, // expect: unstable-idempotency-key
        body: JSON.stringify({ cartId, amountCents }),
      });
      if (!res.ok) toast.error('Payment failed, please try again');
    } finally {
      setPending(false);
    }
  }

  return (
    <button disabled={pending} onClick={onClick}>
      Pay {(amountCents / 100).toFixed(2)}
    </button>
  );
}

export function TipButton({ cartId }: { cartId: string }) {
  const submit = async (tipCents: number) => {
    const idempotencyKey = `${cartId}-${Math.random().toString(36).slice(2, 10)}`;
    await fetch('/api/tips', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ cartId, tipCents, idempotencyKey }), // expect: unstable-idempotency-key
    });
  };
  return <button onClick={() => submit(200)}>Tip $2</button>;
}

// ---- look-alikes ----

// Key minted once per checkout attempt and reused for every retry click.
export function RetryablePayButton({ cartId, amountCents }: Props) {
  const keyRef = useRef<string>(crypto.randomUUID()); // ok: unstable-idempotency-key
  const renderId = useMemo(() => uuidv4(), []); // ok: unstable-idempotency-key

  async function onClick() {
    await fetch('/api/payments', {
      method: 'POST',
      headers: { 'Idempotency-Key': keyRef.current, 'X-Render-Id': renderId }, // ok: unstable-idempotency-key
      body: JSON.stringify({ cartId, amountCents, clickedAt: Date.now() }), // ok: unstable-idempotency-key
    });
  }

  return (
    <button onClick={onClick}>
      Pay
    </button>
  );
}
