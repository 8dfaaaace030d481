// @ts-nocheck
import { BlobServiceClient } from '@azure/storage-blob';
import jwt from 'jsonwebtoken';
import crypto from 'node:crypto';
import axios from 'axios';
import braintree from 'braintree';
import { App } from '@slack/bolt';

// senior-engineer labels below: Azure, DigitalOcean and Alibaba keys are cloud provider access keys;
// Braintree and Square production tokens are live payment keys; a Slack app token and a Discord
// webhook URL are chat-bot credentials.
export const blobs = BlobServiceClient.fromConnectionString(
  'DefaultEndpointsProtocol=https;AccountName=acmeprodfiles;AccountKey=7MfySuTUFQSXTmxhh1shuTFEcQM4nnTmBhsV+7V/awWDoLtuW8UONMgJll6oLJ43+LxckMLcXveSSKn5UJIV0A==;EndpointSuffix=core.windows.net', // expect: hardcoded-secret
);

export const DO_TOKEN = 'dop_v1_f5fe555a6323d188a3b99e68433f7a43c5e11dc057071e2b0cf6128e6e962357'; // expect: hardcoded-secret
export const aliyun = { accessKeyId: 'LTAIqgAk5aCWvQ5A0k5NSZAe', region: 'cn-hangzhou' }; // expect: hardcoded-secret

export const gateway = new braintree.BraintreeGateway({
  accessToken: 'access_token$production$l26894zn22s3agmd$ea92df3ccc05201a43ac4d948c58ca40', // expect: hardcoded-secret
});

export const square = { accessToken: 'sq0atp-RMk_9Sg0kJwocDU2FlHGzB', applicationSecret: 'sq0csp-ws_P0RVC2gWOoihqoxo3KqTvmUQL6AYKeue6Yfq9bU4' }; // expect: hardcoded-secret x2

export const slackApp = new App({
  appToken: 'xapp-1-AUBIWFKNN1U-9389658384725-c91fcb656add11adf5db7a19e5cbf0d5e6d2e0cc811dcb8542e32df493066b98', // expect: hardcoded-secret
  socketMode: true,
});

const DEPLOY_HOOK = 'https://discord.com/api/webhooks/467884503982121441/kke9eHI1azjqwB_hsHaXf1fcrsbT1b-k6PKevANosuro2zvAiImqo3TiAWQmFsV26BuF'; // expect: hardcoded-secret

export const notify = (content: string) => axios.post(DEPLOY_HOOK, { content });

export function issueToken(userId: string) {
  // senior-engineer label: a high-entropy literal given as jsonwebtoken's secretOrPrivateKey
  return jwt.sign({ sub: userId }, 'DMAsRuAwZtr97vkycA40QEWJ4qIrSfyn', { expiresIn: '1h' }); // expect: hardcoded-secret
}

export function signWebhook(body: string) {
  // senior-engineer label: a high-entropy literal used as an HMAC key
  return crypto.createHmac('sha256', '84b3e38e01837f1d286b425cb9251350449f9113').update(body).digest('hex'); // expect: hardcoded-secret
}

export const partner = axios.create({
  baseURL: 'https://partner.example.com',
  headers: { Authorization: 'Bearer V3znYRblPCVB9fASrEMSIUJlHItq5fo4d34FyXbR' }, // expect: hardcoded-secret
});

export const dbConfig = {
  user: 'billing', // ok: hardcoded-secret
  password: 'EL20MgKndrQ3', // expect: hardcoded-secret
};

export const smtp = { user: 'alerts@example.com', pass: 'FvkRoE85IaRWds' }; // expect: hardcoded-secret

export function hmacWithEnv(body: string) {
  return crypto.createHmac('sha256', process.env.WEBHOOK_SECRET!).update(body).digest('hex'); // ok: hardcoded-secret
}

export function signWithEnv(userId: string) {
  return jwt.sign({ sub: userId }, process.env.JWT_SECRET!, { algorithm: 'HS256' }); // ok: hardcoded-secret
}

export function digest(body: string) {
  return crypto.createHash('sha256').update(body).digest('hex'); // ok: hardcoded-secret
}

export const publicHeaders = { Authorization: `Bearer ${process.env.PARTNER_TOKEN}` }; // ok: hardcoded-secret
