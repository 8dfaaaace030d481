const express = require('express');
const retry = require('async-retry');
const fetch = require('node-fetch');
const { createHmac } = require('node:crypto');

const router = express.Router();

function sign(body) {
  return createHmac('sha256', process.env.WEBHOOK_SECRET).update(body).digest('hex');
}

async function deliverWebhook(url, payload) {
  const body = JSON.stringify(payload);
  return retry(
    async (bail) => {
      const res = await fetch(url, { method: 'POST', body, headers: { 'x-signature': sign(body) } });
      if (res.status >= 400 && res.status < 500) {
        bail(new Error(`receiver rejected webhook: ${res.status}`));
        return;
      }
      if (!res.ok) throw new Error(`receiver error ${res.status}`);
      return res.status;
    },
    {
      retries: 3,
      factor: 1, // expect: retry-without-backoff
      minTimeout: 1000,
      randomize: false,
    },
  );
}

async function pingEndpoint(url) {
  return retry(() => fetch(url, { method: 'HEAD' }), {
    retries: 5,
    minTimeout: 0, // expect: retry-without-backoff
    randomize: false,
  });
}

async function fetchReceiverConfig(url) {
  return retry(
    async () => {
      const res = await fetch(`${url}/.well-known/webhooks`);
      if (!res.ok) throw new Error(`config ${res.status}`);
      return res.json();
    },
    {
      retries: 4,
      factor: 1, // ok: retry-without-backoff
      minTimeout: 500,
    },
  );
}

async function rotateSecret(url) {
  return retry(() => fetch(`${url}/rotate`, { method: 'POST' }), { retries: 5 }); // ok: retry-without-backoff
}

async function verifyReceiver(url) {
  return retry(() => fetch(`${url}/verify`), {
    retries: 6,
    factor: 3, // ok: retry-without-backoff
    minTimeout: 100,
    maxTimeout: 5000,
  });
}

async function deliverLegacy(url, body, attempt = 1) {
  const res = await fetch(url, { method: 'POST', body: JSON.stringify(body) });
  if (res.status >= 500 && attempt < 3) {
    return deliverLegacy(url, body, attempt + 1); // expect: retry-without-backoff
  }
  return res.status;
}

router.post('/webhooks/:id/test', async (req, res, next) => {
  try {
    const { url, legacy } = req.body;
    await fetchReceiverConfig(url);
    await pingEndpoint(url);
    const status = legacy ? await deliverLegacy(url, { test: true }) : await deliverWebhook(url, { test: true });
    res.json({ status });
  } catch (err) {
    next(err);
  }
});

router.post('/webhooks/:id/rotate', async (req, res, next) => {
  try {
    await verifyReceiver(req.body.url);
    await rotateSecret(req.body.url);
    res.status(204).end();
  } catch (err) {
    next(err);
  }
});

module.exports = router;
