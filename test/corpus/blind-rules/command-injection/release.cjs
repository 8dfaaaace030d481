#!/usr/bin/env node
/* Release helper: bumps version, tags, publishes. Run from CI. */
const cp = require('child_process');
const fs = require('fs');
const path = require('path');

const pkgPath = path.join(__dirname, '..', 'package.json');
const pkg = JSON.parse(fs.readFileSync(pkgPath, 'utf8'));
const bump = process.argv[2] || 'patch';
const channel = process.env.RELEASE_CHANNEL || 'latest';

function run(cmd) {
  console.log(`$ ${cmd}`);
  return cp.execSync(cmd, { stdio: 'inherit' }); // expect: command-injection
}

require('child_process').execSync('npm ci', { stdio: 'inherit' }); // ok: command-injection
cp.execSync('npm test -- --ci', { stdio: 'inherit' }); // ok: command-injection

const newVersion = cp.execSync(`npm version ${bump} --no-git-tag-version`).toString().trim(); // expect: command-injection

cp.execSync(`git commit -am "chore: release ${newVersion}"`); // expect: command-injection
require('child_process').execSync('git tag v' + newVersion); // expect: command-injection

run('git push --follow-tags');

cp.spawn('npm', ['publish', '--tag', channel], { stdio: 'inherit', shell: true }); // expect: command-injection
cp.spawn('npm', ['whoami'], { stdio: 'inherit', shell: true }); // ok: command-injection
cp.execFile('gh', ['release', 'create', newVersion, '--generate-notes'], (err) => { // ok: command-injection
  if (err) {
    console.error(`gh release failed for ${pkg.name}`, err);
    process.exitCode = 1;
  }
});
