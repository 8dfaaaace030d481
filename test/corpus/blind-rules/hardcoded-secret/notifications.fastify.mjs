import Fastify from 'fastify';
import fastifyJwt from '@fastify/jwt';
import twilio from 'twilio';
import formData from 'form-data';
import Mailgun from 'mailgun.js';
import { randomUUID, randomBytes } from 'node:crypto';

const app = Fastify({ logger: true });

await app.register(fastifyJwt, {
  secret: 'Wm4Kq8Pz2Rv6Ty0Nx3Lb7Hd1Jf5Gc9AeUo', // expect: hardcoded-secret
  sign: { expiresIn: '10m' },
});

const TWILIO_ACCOUNT_SID = 'AC0a1b2c3d4e5f60718293a4b5c6d7e8f9'; // ok: hardcoded-secret
const TWILIO_AUTH_TOKEN = '9f8e7d6c5b4a39281706f5e4d3c2b1a0'; // expect: hardcoded-secret
const sms = twilio(TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN);

const mailgun = new Mailgun(formData);
const mg = mailgun.client({
  username: 'api', // ok: hardcoded-secret
  key: process.env.MAILGUN_API_KEY, // ok: hardcoded-secret
});

const settings = {
  'api_key': 'Lq9Xw3Ze7Rt1Yu5Io8Pa2Sd6Fg0HjKm4N', // expect: hardcoded-secret
  apiKeyParam: 'api_key', // ok: hardcoded-secret
  fromNumber: '+15005550006', // ok: hardcoded-secret
  // High-entropy but not a credential: subresource integrity of the widget we embed.
  widgetIntegrity: 'sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC', // ok: hardcoded-secret
  buildId: 'a94a8fe5ccb19ba61c4c0873d391e987982fbbd3', // ok: hardcoded-secret
};

app.post('/notify/sms', { onRequest: [app.authenticate] }, async (req) => {
  const idempotencyKey = randomUUID(); // ok: hardcoded-secret
  const msg = await sms.messages.create({ to: req.body.to, from: settings.fromNumber, body: req.body.text });
  return { sid: msg.sid, idempotencyKey };
});

app.post('/notify/email', async (req) => {
  return mg.messages.create('mg.acme.io', { from: 'Acme <noreply@acme.io>', to: [req.body.to], text: req.body.text });
});

app.post('/internal/rotate', async (req, reply) => {
  if (req.headers['x-api-key'] !== settings.api_key) return reply.code(401).send();
  const secret = randomBytes(32).toString('hex'); // ok: hardcoded-secret
  return { secret };
});

await app.listen({ port: 3000, host: '0.0.0.0' });
