const path = require('path');
const { exec, execSync, spawn } = require('child_process');

const IS_WINDOWS = process.platform === 'win32';

function remove(target) {
  require('child_process').exec('rm -rf ' + target); // expect: command-injection
}

function run(cmd) {
  return new Promise((resolve, reject) => {
    exec(cmd, (err, stdout) => (err ? reject(err) : resolve(stdout))); // expect: command-injection
  });
}

function listDir() {
  const cmd = IS_WINDOWS ? 'dir' : 'ls -la';
  return execSync(cmd).toString(); // ok: command-injection
}

function gitStatus() {
  return execSync(['git', 'status', '--short'].join(' ')).toString(); // ok: command-injection
}

function checkoutDefault() {
  const branch = 'main';
  return execSync(`git checkout ${branch}`); // ok: command-injection
}

function compress(file) {
  const out = path.basename(file) + '.gz';
  return execSync(`gzip -c ${file} > ${out}`); // expect: command-injection
}

function serve(dir) {
  return spawn('npx', ['http-server', '-p', '8080'], { shell: true, cwd: dir }); // ok: command-injection
}

function openUrl(url) {
  const opener = IS_WINDOWS ? 'start' : 'xdg-open';
  return exec(`${opener} "${url}"`); // expect: command-injection
}

function runWithEnv(script) {
  return spawn(`node ${script}`, { shell: '/bin/bash', env: process.env }); // expect: command-injection
}

module.exports = { remove, run, listDir, gitStatus, checkoutDefault, compress, serve, openUrl, runWithEnv };
