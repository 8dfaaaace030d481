// corpus-path: scripts/deploy-status.ts
import { Octokit } from '@octokit/rest';
import { PrismaClient } from '@prisma/client';
import Redis from 'ioredis';
import { createHash } from 'node:crypto';

const octokit = new Octokit({ auth: process.env.GITHUB_TOKEN });
const prisma = new PrismaClient();
const redis = new Redis(process.env.REDIS_URL!);

export async function reportDeployment(deploymentId: string, owner: string, repo: string, checkRunId: number, sha: string) {
  await octokit.rest.checks.update({ owner, repo, check_run_id: checkRunId, status: 'completed', conclusion: 'success' }); // ok: unguarded-status-transition
  await octokit.rest.repos.createCommitStatus({ owner, repo, sha, state: 'success', context: 'deploy' }); // ok: unguarded-status-transition

  await redis.set(`deploy:${deploymentId}`, JSON.stringify({ status: 'done', sha }), 'EX', 3600); // ok: unguarded-status-transition
  const etag = createHash('sha256').update('status').update(sha).digest('hex'); // ok: unguarded-status-transition

  await prisma.deployment.update({ where: { id: deploymentId }, data: { state: 'success', etag, finishedAt: new Date() } }); // expect: unguarded-status-transition
}

export async function startDeployment(deploymentId: string) {
  const res = await prisma.deployment.updateMany({ where: { id: deploymentId, state: { in: ['queued', 'waiting'] } }, data: { state: 'in_progress', startedAt: new Date() } }); // ok: unguarded-status-transition
  if (res.count === 0) throw new Error(`deployment ${deploymentId} was not queued`);
}

export async function markDeploymentInactive(environment: string) {
  await prisma.deployment.updateMany({ where: { environment }, data: { state: 'inactive' } }); // expect: unguarded-status-transition
}

export async function touchDeployment(deploymentId: string) {
  await prisma.deployment.update({ where: { id: deploymentId }, data: { lastSeenAt: new Date() } }); // ok: unguarded-status-transition
}

export async function rollback(deploymentId: string, where: { id: string; state?: string }) {
  // the caller supplies the filter; it cannot be judged from this call site
  await prisma.deployment.update({ where, data: { state: 'rolled_back' } }); // ok: unguarded-status-transition
}
