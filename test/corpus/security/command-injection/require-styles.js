const { exec: run } = require('node:child_process');
const { execSync } = require('child_process');
const cp = require('node:child_process');

function ping(host) {
  run(`ping -c 1 ${host}`, (err, out) => console.log(out)); // expect: command-injection
}

function pingLocal() {
  run('ping -c 1 127.0.0.1', (err, out) => console.log(out)); // ok: command-injection
}

function diskUsage(dir) {
  return execSync('du -sh ' + dir).toString(); // expect: command-injection
}

function uptime() {
  return execSync('uptime').toString(); // ok: command-injection
}

function killProcess(pid) {
  cp.exec(`kill -9 ${pid}`); // expect: command-injection
}

function whoami() {
  return cp.execSync('whoami', { encoding: 'utf8' }); // ok: command-injection
}

function archive(name) {
  return cp.spawn('tar', ['-czf', `${name}.tar.gz`, 'data'], { shell: true }); // expect: command-injection
}

module.exports = { ping, pingLocal, diskUsage, uptime, killProcess, whoami, archive };
