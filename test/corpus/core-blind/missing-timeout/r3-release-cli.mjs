#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import httpClient from 'got';
import * as https from 'node:https';

const { values } = parseArgs({
  options: {
    tag: { type: 'string' },
    assets: { type: 'string', multiple: true, default: [] },
    dry: { type: 'boolean', default: false },
  },
});

const github = httpClient.extend({ // expect: missing-timeout
  prefixUrl: 'https://api.github.com',
  headers: { authorization: `token ${process.env.GITHUB_TOKEN}` },
  responseType: 'json',
});

const slack = httpClient.extend({ prefixUrl: process.env.SLACK_WEBHOOK_URL, timeout: { request: 5_000 } }); // ok: missing-timeout

function purgeCdn(tag) {
  return new Promise((resolve, reject) => {
    const req = https.request(`${process.env.CDN_URL}/purge/${tag}`, { method: 'POST', timeout: 10_000 }, (res) => { // ok: missing-timeout
      res.resume();
      res.on('end', resolve);
    });
    req.on('timeout', () => req.destroy(new Error('purge timed out')));
    req.on('error', reject);
    req.end();
  });
}

function registryHasVersion(name, version) {
  return new Promise((resolve, reject) => {
    https.get(`https://registry.npmjs.org/${encodeURIComponent(name)}`, (res) => { // expect: missing-timeout
      let raw = '';
      res.on('data', (d) => (raw += d));
      res.on('end', () => resolve(Boolean(JSON.parse(raw).versions?.[version])));
    }).on('error', reject);
  });
}

await (async function main({ tag, assets, dry } = values) {
  if (!tag) throw new Error('--tag is required');
  if (dry) return console.log(`would release ${tag} with ${assets.length} assets`);

  const { body: release } = await github.post('repos/acme/app/releases', { json: { tag_name: tag } }); // ok: missing-timeout

  upload: for (const asset of assets) {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await httpClient.post(release.upload_url.replace(/\{.*\}$/, ''), { // expect: missing-timeout
          searchParams: { name: path.basename(asset) },
          headers: { authorization: `token ${process.env.GITHUB_TOKEN}`, 'content-type': 'application/octet-stream' },
          body: await readFile(asset),
        });
        continue upload;
      } catch (err) {
        console.warn(`upload of ${asset} failed (attempt ${attempt + 1}): ${err.message}`);
      }
    }
    throw new Error(`failed to upload ${asset}`);
  }

  const checksums = await httpClient(`${process.env.CDN_URL}/${tag}/SHASUMS256.txt`).text(); // expect: missing-timeout
  const changelog = await httpClient.get(`${process.env.CDN_URL}/${tag}/CHANGELOG.md`, { timeout: { request: 3_000 } }).text(); // ok: missing-timeout
  await purgeCdn(tag);

  if (!(await registryHasVersion('@acme/app', tag.replace(/^v/, '')))) {
    console.warn('package not yet visible on npm');
  }

  await slack.post('', { json: { text: `Released ${tag}\n${changelog.slice(0, 500)}\n${checksums.split('\n').length} files` } }); // ok: missing-timeout
})();
