// corpus-path: src/components/orders/OrderActions.tsx
import React, { useReducer, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import update from 'immutability-helper';
import { create } from 'zustand';
import { useDispatch } from 'react-redux';
import { updateOrder } from '../../store/ordersSlice';

type Order = { id: string; status: string; total: number };
type UiState = { status: 'idle' | 'saving' | 'error'; order: Order };

const useBanner = create<{ state: string; show: () => void }>((set) => ({
  state: 'hidden',
  show: () => set({ state: 'visible' }), // ok: unguarded-status-transition
}));

function reducer(ui: UiState, action: { type: string }): UiState {
  switch (action.type) {
    case 'ship':
      return update(ui, { order: { status: { $set: 'shipped' } } }); // ok: unguarded-status-transition
    case 'fail':
      return { ...ui, status: 'error' };
    default:
      return ui;
  }
}

export function OrderActions({ order }: { order: Order }) {
  const [ui, send] = useReducer(reducer, { status: 'idle', order });
  const [status, setStatus] = useState<string>(order.status);
  const queryClient = useQueryClient();
  const dispatch = useDispatch();
  const showBanner = useBanner((s) => s.show);

  const ship = useMutation({
    mutationFn: () => fetch(`/api/orders/${order.id}`, { method: 'PATCH', body: JSON.stringify({ status: 'shipped' }) }), // ok: unguarded-status-transition
    onSuccess: () => {
      queryClient.setQueryData(['order', order.id], (o: Order | undefined) => (o ? { ...o, status: 'shipped' } : o)); // ok: unguarded-status-transition
      dispatch(updateOrder({ id: order.id, status: 'shipped' })); // ok: unguarded-status-transition
      setStatus('shipped'); // ok: unguarded-status-transition
      send({ type: 'ship' });
      showBanner();
    },
  });

  return (
    <div className="order-actions" data-state={ui.status}>
      <span>{status}</span>
      <button disabled={ship.isPending} onClick={() => ship.mutate()}>
        Ship
      </button>
    </div>
  );
}
