const { Client, GatewayIntentBits } = require('discord.js');
const TelegramBot = require('node-telegram-bot-api');
const { Telegraf } = require('telegraf');
const logger = require('./logger');

const GUILD_ID = '1098765432109876543'; // ok: hardcoded-secret
const OPS_CHAT_ID = '-1001234567890'; // ok: hardcoded-secret

const discord = new Client({ intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages] });

discord.once('ready', () => logger.info({ guild: GUILD_ID }, 'discord bot ready'));

function startDiscord() {
  return discord.login('MTAxOTg3NjU0MzIxMDk4NzY1.Gq7Lw2.Zx9Cv8Bn7Mq6Wr5Te4Yu3Io2PaS'); // expect: hardcoded-secret
}

function startDiscordFromEnv() {
  return discord.login(process.env.DISCORD_BOT_TOKEN); // ok: hardcoded-secret
}

const pager = new TelegramBot('7012345678:AAHq1Wr2Et3Yu4Io5Pa6Sd7Fg8Hj9Kl0Zx1', { polling: false }); // expect: hardcoded-secret

const config = {
  telegram: {
    botToken: '6098765432:AAGz9Xc8Vb7Nm6Lk5Jh4Gf3Ds2Aq1Wp0Oe9', // expect: hardcoded-secret
    parseMode: 'MarkdownV2', // ok: hardcoded-secret
  },
};

const supportBot = new Telegraf(config.telegram.botToken);
supportBot.start((ctx) => ctx.reply('Hi! Send /ticket to open a support ticket.'));

async function page(text) {
  await pager.sendMessage(OPS_CHAT_ID, text);
}

module.exports = { startDiscord, startDiscordFromEnv, page, supportBot };
