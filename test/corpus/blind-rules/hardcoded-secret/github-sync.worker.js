'use strict';
const { Octokit } = require('@octokit/rest');
const { Gitlab } = require('@gitbeaker/rest');
const crypto = require('node:crypto');
const axios = require('axios');

const GITHUB_TOKEN = 'ghp_Qw3Er4Ty5Ui6Op7As8Df9Gh0Jk1Lz2Xc3Vb4'; // expect: hardcoded-secret
const TOKEN_PREFIXES = ['ghp_', 'gho_', 'ghs_', 'github_pat_']; // ok: hardcoded-secret

const octokit = new Octokit({ auth: GITHUB_TOKEN, userAgent: 'acme-sync/1.4.2' }); // ok: hardcoded-secret

const releaseBot = new Octokit({
  auth: 'github_pat_11AQWERTYU0aBcDeFgHiJk_LmNoPqRsTuVwXyZ0123456789aBcDeFgHiJkLmNoPqRsTuVwXyZ01234567', // expect: hardcoded-secret
});

const installationClient = new Octokit({ auth: process.env.GH_INSTALLATION_TOKEN }); // ok: hardcoded-secret

const gitlab = new Gitlab({
  host: 'https://gitlab.acme.internal', // ok: hardcoded-secret
  token: 'glpat-Zx9Cv8Bn7Mq6Wr5Te4Yu', // expect: hardcoded-secret
});

async function syncRepo(owner, repo) {
  const { data } = await octokit.repos.get({ owner, repo });
  // Pin to a known-good commit of the deploy scripts.
  const ref = '3f786850e387550fdab836ed7e6dc881de23001b'; // ok: hardcoded-secret
  await octokit.repos.getContent({ owner, repo, path: 'deploy/run.sh', ref });
  return data.default_branch;
}

async function mirrorToGitlab(projectId, branch) {
  return gitlab.Branches.create(projectId, branch, 'main');
}

async function fetchRawWithOauth(url) {
  return axios.get(url, {
    headers: { Authorization: 'token gho_Mn8Bv7Cx6Zl5Kj4Hg3Fd2Sa1Qw0Er9Ty8Ui7' }, // expect: hardcoded-secret
  });
}

function verifyWebhook(req) {
  const secret = process.env.GITHUB_WEBHOOK_SECRET; // ok: hardcoded-secret
  const digest = 'sha256=' + crypto.createHmac('sha256', secret).update(req.rawBody).digest('hex'); // ok: hardcoded-secret
  return crypto.timingSafeEqual(Buffer.from(digest), Buffer.from(req.headers['x-hub-signature-256']));
}

module.exports = { syncRepo, mirrorToGitlab, fetchRawWithOauth, verifyWebhook, releaseBot, installationClient, TOKEN_PREFIXES };
