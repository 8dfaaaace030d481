#!/usr/bin/env node
// cli/deploy.mjs — `deploy <service> --tag <tag>`
import { Command } from 'commander';
import { execa } from 'execa';
import ora from 'ora';
import pRetry from 'p-retry';
import { setTimeout as sleep } from 'node:timers/promises';

const program = new Command();

async function waitForRollout(service) {
  const spinner = ora(`waiting for ${service}`).start();
  let attempt = 0;
  do { // expect: unbounded-retry
    try {
      await execa('kubectl', ['rollout', 'status', `deployment/${service}`, '--timeout=30s']);
      break;
    } catch (err) {
      attempt++;
      spinner.text = `still waiting for ${service} (${attempt})`;
    }
  } while (true);
  spinner.succeed(`${service} rolled out`);
}

async function login(registry, { attempt = 1, max = 3 } = {}) {
  try {
    await execa('docker', ['login', registry]);
  } catch (err) {
    if (attempt >= max) throw err;
    return login(registry, { attempt: attempt + 1, max }); // ok: unbounded-retry
  }
}

async function tailLogs(pod) {
  try {
    await execa('kubectl', ['logs', '-f', pod], { stdio: 'inherit' });
  } catch (err) {
    if (err.signal === 'SIGINT') return;
    console.error('log stream dropped, reconnecting…');
    return tailLogs(pod); // expect: unbounded-retry
  }
}

async function healthcheck(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`health ${res.status}`);
}

async function push(tag, opts) {
  await pRetry(() => execa('docker', ['push', tag]), { retries: Number(opts.retries ?? 3) }); // ok: unbounded-retry
}

async function pullBaseImage(image) {
  retry: while (true) { // expect: unbounded-retry
    try {
      await execa('docker', ['pull', image]);
      break retry;
    } catch (err) {
      console.warn(`pull failed: ${err.shortMessage}`);
      await sleep(3_000);
      continue retry;
    }
  }
}

async function runMigrations(service) {
  for (const step of ['pre', 'main', 'post']) { // ok: unbounded-retry
    try {
      await execa('npm', ['run', `migrate:${step}`], { cwd: service });
    } catch (err) {
      console.error(`migration ${step} failed`);
      throw err;
    }
  }
}

program
  .name('deploy')
  .argument('<service>')
  .requiredOption('--tag <tag>')
  .option('--retries <n>', 'push attempts (use --forever to retry forever)') // ok: unbounded-retry
  .option('--follow', 'tail logs after rollout')
  .action(async (service, opts) => {
    await login(process.env.REGISTRY);
    await pullBaseImage('node:20-slim');
    await runMigrations(service);
    await push(opts.tag, opts);
    await waitForRollout(service);
    await pRetry(() => healthcheck(`https://${service}.internal/health`), {
      retries: Infinity, // expect: unbounded-retry
      signal: AbortSignal.timeout(120_000),
    });
    if (opts.follow) await tailLogs(`deploy/${service}`);
  });

await program.parseAsync();
