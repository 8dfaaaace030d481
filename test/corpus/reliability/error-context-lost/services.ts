// @ts-nocheck
import pino from 'pino';
import { Logger } from '@nestjs/common';

const logger = pino();

class PaymentError extends Error {}

export async function charge(id: string) {
  try {
    await fetch(`https://pay.internal/${id}`);
  } catch (err) {
    logger.error('charge failed'); // expect: error-context-lost
  }
  try {
    await fetch(`https://pay.internal/${id}`);
  } catch (err) {
    logger.error({ err }, 'charge failed'); // ok: error-context-lost
  }
  try {
    await fetch(`https://pay.internal/${id}`);
  } catch (e) {
    console.error('payment provider down', id); // expect: error-context-lost
  }
  try {
    await fetch(`https://pay.internal/${id}`);
  } catch (e) {
    console.error('payment provider down', e); // ok: error-context-lost
  }
  try {
    await fetch(`https://pay.internal/${id}`);
  } catch (e) {
    throw new PaymentError('charge failed'); // expect: error-context-lost
  }
}

export async function refund(id: string) {
  try {
    await fetch(`https://pay.internal/refund/${id}`);
  } catch (e) {
    throw new Error('refund failed', { cause: e }); // ok: error-context-lost
  }
}

export async function capture(id: string) {
  try {
    await fetch(`https://pay.internal/capture/${id}`);
  } catch (e) {
    throw new Error(`capture failed for ${id}`); // expect: error-context-lost
  }
}

export async function rethrow(id: string) {
  try {
    await fetch(`https://pay.internal/${id}`);
  } catch (e) {
    // relabelled (open case): the caught error is rethrown unchanged below, so its context is not lost;
    // the warning is a note next to it (docs: "Using the error anywhere in the catch")
    logger.warn({ id }, 'retrying later'); // ok: error-context-lost
    throw e; // ok: error-context-lost
  }
}

export async function messageOnly(id: string) {
  try {
    await fetch(`https://pay.internal/${id}`);
  } catch (e) {
    logger.error(`failed: ${(e as Error).message}`); // ok: error-context-lost
  }
}

export async function noBinding() {
  try {
    await fetch('https://pay.internal/health');
  } catch {
    logger.error('health check failed'); // expect: error-context-lost
  }
}

export async function wrapped(id: string) {
  try {
    await fetch(`https://pay.internal/${id}`);
  } catch (error) {
    throw new PaymentError(`payment ${id} failed`, { cause: error }); // ok: error-context-lost
  }
}

export class OrdersService {
  private readonly log = new Logger(OrdersService.name);

  async place(id: string) {
    try {
      await fetch(`https://orders.internal/${id}`);
    } catch (error) {
      this.log.error(`order ${id} failed`); // expect: error-context-lost
    }
    try {
      await fetch(`https://orders.internal/${id}`);
    } catch (error) {
      this.log.error(`order ${id} failed`, (error as Error).stack); // ok: error-context-lost
    }
  }

  async cancel(id: string) {
    try {
      await fetch(`https://orders.internal/${id}/cancel`);
    } catch (error) {
      this.log.error('cancel failed', error); // ok: error-context-lost
      throw new Error('cancel failed'); // expect: error-context-lost
    }
  }
}
