import { WebClient } from '@slack/web-api';
import bolt from '@slack/bolt';
import { createHmac, timingSafeEqual } from 'node:crypto';

const { App } = bolt;

const SLACK_BOT_TOKEN = 'xoxb-2345678901-3456789012-Qw1Er2Ty3Ui4Op5As6Df7Gh8'; // expect: hardcoded-secret
const ALERT_CHANNEL = 'C04QWERTY12'; // ok: hardcoded-secret

export const slack = new WebClient(SLACK_BOT_TOKEN);

export const app = new App({
  token: 'xoxb-9876543210-8765432109-Zx9Cv8Bn7Mq6Wr5Te4Yu3Io2', // expect: hardcoded-secret
  signingSecret: '8f1c3a7e9b2d4f6a0c5e7b9d1f3a5c7e', // expect: hardcoded-secret
  appToken: 'xapp-1-A04QWERTY12-5678901234567-0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9', // expect: hardcoded-secret
  socketMode: true,
});

// Legacy user token used by the channel-archiver cron.
const archiverClient = new WebClient('xoxp-1234567890-2345678901-3456789012-9f8e7d6c5b4a39281706f5e4d3c2b1a0'); // expect: hardcoded-secret

// Rendered into the onboarding README generator; clearly a placeholder.
export const SETUP_HINT = 'Set SLACK_BOT_TOKEN=xoxb-your-bot-token in .env'; // ok: hardcoded-secret

export const opsClient = new WebClient(process.env.SLACK_OPS_TOKEN); // ok: hardcoded-secret

export async function postAlert(text) {
  await slack.chat.postMessage({ channel: ALERT_CHANNEL, text });
}

export async function archiveStale(channelId) {
  await archiverClient.conversations.archive({ channel: channelId });
}

export function verifySlackRequest(rawBody, timestamp, signature) {
  const signingSecret = process.env.SLACK_SIGNING_SECRET ?? ''; // ok: hardcoded-secret
  const base = `v0:${timestamp}:${rawBody}`;
  const expected = 'v0=' + createHmac('sha256', signingSecret).update(base).digest('hex'); // ok: hardcoded-secret
  return timingSafeEqual(Buffer.from(expected), Buffer.from(signature));
}
