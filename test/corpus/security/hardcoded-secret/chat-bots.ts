// @ts-nocheck
import { WebClient } from '@slack/web-api';
import { Client, GatewayIntentBits } from 'discord.js';
import { Telegraf } from 'telegraf';

export const slack = new WebClient('xoxb-000883873716-7868433532650-1iaeOV4qBkdfQ1y3GQsMpSsc'); // expect: hardcoded-secret
export const slackUser = new WebClient('xoxp-722470455853-043520561748-3380141269060-99724caf4941d4072014b3ce107f80e2'); // expect: hardcoded-secret

const ALERTS_WEBHOOK = 'https://hooks.slack.com/services/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'; // expect: hardcoded-secret

export async function alert(text: string) {
  await fetch(ALERTS_WEBHOOK, { method: 'POST', body: JSON.stringify({ text }) });
}

const discord = new Client({ intents: [GatewayIntentBits.Guilds] });
discord.login('MDc0MTM3NDg0Nzc3MTgzNDE3.cL6j5I.XAAjlsHUqJoUD-_Ydua_5ZMs1SWOpQaPRYpzbL'); // expect: hardcoded-secret

export const bot = new Telegraf('4516691564:AAgJngKtFI3OyV2dZAkg05rK_gqv81RKMGH'); // expect: hardcoded-secret

export const slackFromEnv = new WebClient(process.env.SLACK_BOT_TOKEN); // ok: hardcoded-secret
export const SLACK_CHANNEL = '#ops-alerts'; // ok: hardcoded-secret
export const SLACK_CHANNEL_ID = 'C04QX7T9N2M'; // ok: hardcoded-secret
