import fp from 'fastify-plugin';
import { exec, execFile, spawn } from 'node:child_process';

const DEFAULT_IFACE = 'eth0';

export default fp(async function diagnostics(fastify) {
  fastify.get('/diag/netstat', async () => {
    return new Promise((resolve, reject) => {
      exec('netstat -tulpn', (err, stdout) => (err ? reject(err) : resolve(stdout))); // ok: command-injection
    });
  });

  fastify.get('/diag/iface/:name', async (request) => {
    const { name } = request.params;
    return new Promise((resolve, reject) => {
      exec(`ip addr show ${name}`, (err, stdout) => (err ? reject(err) : resolve(stdout))); // expect: command-injection
    });
  });

  fastify.get('/diag/iface-default', async () => {
    const cmd = 'ip addr show ' + DEFAULT_IFACE;
    return new Promise((resolve, reject) => {
      exec(cmd, (err, stdout) => (err ? reject(err) : resolve(stdout))); // ok: command-injection
    });
  });

  fastify.get('/diag/tcpdump', async (request, reply) => {
    const { port = '443', count = '20' } = request.query;
    const child = spawn('tcpdump', ['-c', count, 'port', port], { shell: true }); // expect: command-injection
    reply.type('text/plain');
    return child.stdout;
  });

  fastify.get('/diag/curl', async (request) => {
    const { url } = request.query;
    return new Promise((resolve) => {
      execFile('curl', ['-sS', '-o', '/dev/null', '-w', '%{http_code}', url], (err, stdout) => resolve(err ? 0 : Number(stdout))); // ok: command-injection
    });
  });

  fastify.get('/diag/openssl', async (request) => {
    const host = String(request.query.host);
    return new Promise((resolve) => {
      execFile('sh', ['-c', `echo | openssl s_client -connect ${host}:443`], { shell: true }, (err, stdout) => resolve(stdout)); // expect: command-injection
    });
  });

  fastify.get('/diag/lsof', async (request) => {
    const pid = request.query.pid;
    return new Promise((resolve) => {
      exec( // expect: command-injection
        ['lsof', '-p', pid].join(' '),
        { timeout: 3000 },
        (err, stdout) => resolve(stdout),
      );
    });
  });

  fastify.log.info('exec(' + DEFAULT_IFACE + ') diagnostics ready'); // ok: command-injection
});
