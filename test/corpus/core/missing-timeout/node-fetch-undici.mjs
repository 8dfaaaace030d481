import nodeFetch from 'node-fetch';
import { fetch as undiciFetch } from 'undici';

export async function githubUser(login) {
  const res = await nodeFetch(`https://api.github.com/users/${login}`); // expect: missing-timeout
  return res.json();
}

export async function githubRepos(login) {
  const res = await nodeFetch(`https://api.github.com/users/${login}/repos`, { headers: { accept: 'application/vnd.github+json' } }); // expect: missing-timeout
  return res.json();
}

export async function githubOrgs(login) {
  const res = await nodeFetch(`https://api.github.com/users/${login}/orgs`, { signal: AbortSignal.timeout(4000) }); // ok: missing-timeout
  return res.json();
}

export async function status(url) {
  const res = await undiciFetch(url); // expect: missing-timeout
  return res.status;
}

export async function statusBounded(url) {
  const res = await undiciFetch(url, { method: 'HEAD', signal: AbortSignal.timeout(1500) }); // ok: missing-timeout
  return res.status;
}
