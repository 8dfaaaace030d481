import Router from '@koa/router';
import { exec as run, execSync as runSync, execFile } from 'child_process';
import type { Context } from 'koa';

const router = new Router({ prefix: '/tools' });
const ALLOWED_HOSTS = new Set(['db.internal', 'cache.internal']);

router.get('/ping/:host', async (ctx: Context) => {
  const { host } = ctx.params;
  ctx.body = await new Promise((resolve) => {
    run('ping -c 3 ' + host, (err, stdout) => resolve(err ? err.message : stdout)); // expect: command-injection
  });
});

router.get('/dig', async (ctx: Context) => {
  const name = ctx.query.name as string;
  const type = (ctx.query.type as string) || 'A';
  ctx.body = runSync(`dig +short ${type} ${name}`).toString(); // expect: command-injection
});

router.get('/uptime', async (ctx: Context) => {
  ctx.body = runSync('uptime').toString(); // ok: command-injection
});

router.get('/traceroute/:host', async (ctx: Context) => {
  const { host } = ctx.params;
  if (!ALLOWED_HOSTS.has(host)) ctx.throw(400, 'host not allowed');
  ctx.body = await new Promise((resolve) => {
    execFile('traceroute', ['-m', '10', host], (err, stdout) => resolve(err ? err.message : stdout)); // ok: command-injection
  });
});

router.get('/whois', async (ctx: Context) => {
  const domain = String(ctx.query.domain);
  ctx.body = await new Promise((resolve) => {
    execFile('whois', [domain], { shell: true, timeout: 5000 }, (err, stdout) => resolve(err ? err.message : stdout)); // expect: command-injection
  });
});

router.get('/nslookup', async (ctx: Context) => {
  const name = String(ctx.query.name);
  ctx.body = await new Promise((resolve) => {
    execFile('nslookup', [name], { shell: false }, (err, stdout) => resolve(err ? err.message : stdout)); // ok: command-injection
  });
});

router.post('/run', async (ctx: Context) => {
  const { script } = ctx.request.body as { script: string };
  ctx.body = await new Promise((resolve) => {
    run( // expect: command-injection
      script,
      { timeout: 10_000, maxBuffer: 1024 * 1024 },
      (err, stdout, stderr) => resolve({ err: err?.message, stdout, stderr }),
    );
  });
});

export default router;
