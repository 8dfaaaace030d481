import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { router, protectedProcedure } from '../trpc';
import { logger as log } from '../../lib/logger';
import * as billing from '../../services/billing';

export const billingRouter = router({
  invoices: protectedProcedure.query(async ({ ctx }) => {
    try {
      return await billing.listInvoices(ctx.user.id);
    } catch (err) {
      throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Failed to list invoices' }); // expect: error-context-lost
    }
  }),

  upgrade: protectedProcedure
    .input(z.object({ plan: z.enum(['pro', 'team']) }))
    .mutation(async ({ ctx, input }) => {
      try {
        return await billing.changePlan(ctx.user.id, input.plan);
      } catch (err) {
        log.error({ err, userId: ctx.user.id }, 'plan change failed'); // ok: error-context-lost
        throw new TRPCError({ // ok: error-context-lost
          code: 'INTERNAL_SERVER_ERROR',
          message: 'Could not change plan',
          cause: err,
        });
      }
    }),

  cancel: protectedProcedure.mutation(async ({ ctx }) => {
    if (!ctx.user.subscriptionId) {
      throw new TRPCError({ code: 'BAD_REQUEST', message: 'No active subscription' }); // ok: error-context-lost
    }
    try {
      await billing.cancelSubscription(ctx.user.subscriptionId);
    } catch (e) {
      log.warn('subscription cancel failed, user %s', ctx.user.id); // expect: error-context-lost
      throw new TRPCError({ // expect: error-context-lost
        code: 'INTERNAL_SERVER_ERROR',
        message: 'Cancellation failed',
      });
    }
    return { ok: true };
  }),

  usage: protectedProcedure.query(async ({ ctx }) => {
    try {
      return await billing.getUsage(ctx.user.id);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log.error(`usage lookup failed: ${message}`); // ok: error-context-lost
      return { units: 0, stale: true };
    }
  }),
});
