// @ts-nocheck
import https from 'https';
import axios from 'axios';
import got from 'got';
import fetch from 'node-fetch';
import { Agent } from 'undici';
import { config } from './config';

export const insecureAgent = new https.Agent({ rejectUnauthorized: false }); // expect: tls-verification-disabled
export const secureAgent = new https.Agent({ rejectUnauthorized: true, keepAlive: true }); // ok: tls-verification-disabled

export const partnerApi = axios.create({
  baseURL: 'https://partner.example.com',
  httpsAgent: new https.Agent({ rejectUnauthorized: false }), // expect: tls-verification-disabled
});

export async function getLegacy(url: string) {
  return axios.get(url, { httpsAgent: new https.Agent({ keepAlive: true, rejectUnauthorized: false }) }); // expect: tls-verification-disabled
}

export async function gotInsecure(url: string) {
  return got(url, { https: { rejectUnauthorized: false } }).json(); // expect: tls-verification-disabled
}

export async function gotWithCa(url: string, ca: string) {
  return got(url, { https: { certificateAuthority: ca } }).json(); // ok: tls-verification-disabled
}

export async function nodeFetchInsecure(url: string) {
  return fetch(url, { agent: new https.Agent({ rejectUnauthorized: false }) }); // expect: tls-verification-disabled
}

export const undiciAgent = new Agent({ connect: { rejectUnauthorized: false } }); // expect: tls-verification-disabled

export function rawRequest(host: string) {
  return https.request({ host, path: '/status', rejectUnauthorized: false }, (res) => res.resume()); // expect: tls-verification-disabled
}

export function rawRequestVerified(host: string) {
  return https.request({ host, path: '/status' }, (res) => res.resume()); // ok: tls-verification-disabled
}

export const conditional = new https.Agent({ rejectUnauthorized: process.env.NODE_ENV === 'production' }); // ok: tls-verification-disabled
export const configured = new https.Agent({ rejectUnauthorized: config.tls.verify }); // ok: tls-verification-disabled

export function agentFor(allowInsecure: boolean) {
  return new https.Agent({ rejectUnauthorized: !allowInsecure }); // ok: tls-verification-disabled
}

export const axiosVerified = axios.create({ httpsAgent: new https.Agent({ ca: config.tls.ca }) }); // ok: tls-verification-disabled

export function isVerificationOff(opts: { rejectUnauthorized?: boolean }) {
  return opts.rejectUnauthorized === false; // ok: tls-verification-disabled
}
