const { exec: shellExec, execSync: shellExecSync, spawn: spawnChild } = require('node:child_process');
const { CronJob } = require('cron');
const logger = require('../lib/logger');

const SERVICES = ['api', 'worker', 'scheduler'];
const HEALTH_CMD = 'curl -fsS http://localhost:8080/healthz';

async function deployService(service, imageTag) {
  logger.info({ service, imageTag }, 'deploying');
  shellExecSync(`docker pull registry.internal/${service}:${imageTag}`); // expect: command-injection
  shellExecSync('docker compose up -d --no-deps ' + service); // expect: command-injection
  shellExecSync(HEALTH_CMD, { timeout: 10000 }); // ok: command-injection
}

function rollback(service, previousTag) {
  return new Promise((resolve, reject) => {
    shellExec(`./scripts/rollback.sh`, { env: { ...process.env, SERVICE: service, TAG: previousTag } }, (err) => // ok: command-injection
      err ? reject(err) : resolve(),
    );
  });
}

function streamLogs(service) {
  const child = spawnChild('docker', ['compose', 'logs', '-f', service]); // ok: command-injection
  child.stdout.pipe(process.stdout);
  return child;
}

function pruneImages(olderThan) {
  return spawnChild('docker', ['image', 'prune', '-af', '--filter', `until=${olderThan}`], { shell: true }); // expect: command-injection
}

function cleanup() {
  return spawnChild('docker system prune -f', { shell: true, stdio: 'inherit' }); // ok: command-injection
}

const job = new CronJob('0 3 * * *', async () => {
  const tag = process.env.DEPLOY_TAG;
  for (const service of SERVICES) {
    try {
      await deployService(service, tag);
    } catch (err) {
      logger.error({ err, service }, 'deploy failed, rolling back');
      await rollback(service, process.env.PREVIOUS_TAG);
    }
  }
  pruneImages('72h');
  cleanup();
});

module.exports = { job, deployService, rollback, streamLogs };
