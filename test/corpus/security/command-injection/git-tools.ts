// @ts-nocheck
import { exec, execSync, spawn, execFile } from 'child_process';

const GIT = 'git';

export function checkout(branch: string) {
  execSync(`git checkout ${branch}`); // expect: command-injection
}

export function checkoutSafe(branch: string) {
  return spawn('git', ['checkout', branch]); // ok: command-injection
}

export function log(branch: string, cb: (out: string) => void) {
  exec('git log --oneline ' + branch, (err, stdout) => cb(stdout)); // expect: command-injection
}

export function status() {
  return execSync('git status --porcelain').toString(); // ok: command-injection
}

export function statusTemplate() {
  return execSync(`git status --short`).toString(); // ok: command-injection
}

export function version() {
  return execSync(`${GIT} --version`, { encoding: 'utf8' }); // ok: command-injection
}

export function blame(file: string) {
  return execFile('git', ['blame', file], (err, out) => out); // ok: command-injection
}

export function blameShell(file: string) {
  return execFile('git', ['blame', file], { shell: true }); // expect: command-injection
}

export function grep(pattern: string) {
  return spawn(`git grep ${pattern}`, { shell: true }); // expect: command-injection
}

export function grepNoShell(pattern: string) {
  return spawn('git', ['grep', pattern], { shell: false }); // ok: command-injection
}

export function listTags() {
  return spawn('git tag --list', { shell: true }); // ok: command-injection
}

export function shortlog(cmd: string) {
  return exec(cmd); // expect: command-injection
}
