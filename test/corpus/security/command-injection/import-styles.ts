// @ts-nocheck
import * as cp from 'node:child_process';
import childProcess from 'child_process';
import { exec as execCb, execSync as runSync, execFileSync, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';

const execAsync = promisify(execCb);

export async function installPackage(name: string) {
  await execAsync(`npm install ${name}`); // expect: command-injection
}

export async function installDefaults() {
  await execAsync('npm ci --omit=dev'); // ok: command-injection
}

export function clone(repoUrl: string, dir: string) {
  cp.execSync(`git clone ${repoUrl} ${dir}`, { stdio: 'inherit' }); // expect: command-injection
}

export function cloneSafe(repoUrl: string, dir: string) {
  cp.execFileSync('git', ['clone', repoUrl, dir], { stdio: 'inherit' }); // ok: command-injection
}

export function openInEditor(file: string) {
  childProcess.exec('code ' + file); // expect: command-injection
}

export function openDefault() {
  childProcess.exec('code .'); // ok: command-injection
}

export function buildImage(tag: string) {
  return runSync(`docker build -t ${tag} .`); // expect: command-injection
}

export function dockerPs() {
  return runSync('docker ps --format "{{.Names}}"'); // ok: command-injection
}

export function pushImage(tag: string) {
  return execFileSync('docker', ['push', tag], { shell: true }); // expect: command-injection
}

export function pushImageSafe(tag: string) {
  return execFileSync('docker', ['push', tag]); // ok: command-injection
}

export function runScript(script: string) {
  return spawnSync('npm', ['run', script], { shell: true }); // expect: command-injection
}

export function runScriptSafe(script: string) {
  return spawnSync('npm', ['run', script]); // ok: command-injection
}

export function runConstShell() {
  return spawnSync('npm', ['run', 'build'], { shell: true }); // ok: command-injection
}
