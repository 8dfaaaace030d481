// @ts-nocheck
import Koa from 'koa';
import Router from '@koa/router';
import { execSync, execFile, spawn } from 'node:child_process';

const app = new Koa();
const router = new Router();

router.get('/whois/:domain', (ctx) => {
  ctx.body = execSync(`whois ${ctx.params.domain}`).toString(); // expect: command-injection
});

router.get('/traceroute', async (ctx) => {
  ctx.body = await new Promise((resolve) => {
    execFile('traceroute', [String(ctx.query.host)], { shell: true }, (_e, out) => resolve(out)); // expect: command-injection
  });
});

router.get('/traceroute-safe', async (ctx) => {
  ctx.body = await new Promise((resolve) => {
    execFile('traceroute', [String(ctx.query.host)], (_e, out) => resolve(out)); // ok: command-injection
  });
});

router.get('/date', (ctx) => {
  ctx.body = execSync('date -u').toString(); // ok: command-injection
});

router.post('/lint', (ctx) => {
  const child = spawn(`eslint ${ctx.request.body.path}`, [], { shell: true }); // expect: command-injection
  ctx.body = child.stdout;
});

router.post('/lint-safe', (ctx) => {
  const child = spawn('eslint', [ctx.request.body.path], { cwd: '/srv/app' }); // ok: command-injection
  ctx.body = child.stdout;
});

app.use(router.routes());
