import { commandInjection } from '../../src/core/rules/command-injection';
import { runDocsExamples, runFixtureTests, runRuleTests, type InvalidCase, type RuleCase } from './ruleTester';

const invalid: InvalidCase[] = [
  {
    name: 'exec, named import from node:child_process, template',
    code: `import { exec } from 'node:child_process';

export function archive(day: string) {
  exec(\`tar -czf /exports/receipts-\${day}.tgz /var/receipts/\${day}\`, (err) => {
    if (err) console.error(err);
  });
}
`,
    line: 4,
    severity: 'CRITICAL',
    messageIncludes: ['`exec(…)`', '`day`', 'execFile', 'allow-list'],
  },
  {
    name: 'execSync, default import, concatenation',
    code: `import cp from 'child_process';

export const checkout = (branch: string) => cp.execSync('git checkout ' + branch).toString();
`,
    text: "cp.execSync('git checkout ' + branch)",
    messageIncludes: ['`cp.execSync(…)`', '`branch`'],
  },
  {
    name: 'execSync, namespace import',
    code: `import * as childProcess from 'child_process';

export function convert(file: string) {
  childProcess.execSync(\`convert \${file} -resize 200x200 thumb.png\`);
}
`,
  },
  {
    name: 'exec, require, whole module',
    code: `const child_process = require('child_process');

function ping(host) {
  child_process.exec('ping -c 1 ' + host, () => {});
}
module.exports = { ping };
`,
    file: 'src/ping.js',
  },
  {
    name: 'execSync, destructured require with node: prefix',
    code: `const { execSync } = require('node:child_process');

function diskUsage(dir) {
  return execSync(\`du -sh \${dir}\`).toString();
}
module.exports = { diskUsage };
`,
    file: 'src/disk.js',
  },
  {
    name: 'exec, require(...).exec called directly',
    code: `export function open(url: string) {
  require('child_process').exec('xdg-open ' + url);
}
`,
  },
  {
    name: 'exec imported under an alias',
    code: `import { exec as run } from 'child_process';

export const lookup = (domain: string) => run(\`whois \${domain}\`);
`,
  },
  {
    name: 'import cp = require()',
    code: `import cp = require('child_process');

export const kill = (pid: string) => cp.execSync('kill -9 ' + pid);
`,
  },
  {
    name: 'util.promisify(exec)',
    code: `import { exec } from 'node:child_process';
import util from 'node:util';

const execAsync = util.promisify(exec);

export async function gitLog(path: string) {
  const { stdout } = await execAsync(\`git log --oneline -- \${path}\`);
  return stdout;
}
`,
    line: 7,
  },
  {
    name: 'a command kept in a local variable',
    code: `import { execSync } from 'child_process';

export function backup(db: string) {
  const cmd = \`pg_dump \${db} > /backups/\${db}.sql\`;
  execSync(cmd);
}
`,
    messageIncludes: ['`cmd`'],
  },
  {
    name: 'a command received as a parameter',
    code: `import { execSync } from 'child_process';

export function run(command: string) {
  return execSync(command, { stdio: 'inherit' });
}
`,
  },
  {
    name: 'spawn with shell: true and a built argument',
    code: `import { spawn } from 'node:child_process';

export const reindex = (url: string, table: string) => spawn('psql', [url, '-c', \`REINDEX TABLE \${table}\`], { shell: true });
`,
    messageIncludes: ['`shell: true`', '`table`', 'Remove `shell: true`'],
  },
  {
    name: 'spawn with shell: true and a command built from a value',
    code: `import { spawn } from 'child_process';

export function grep(pattern: string) {
  return spawn(\`grep -r \${pattern} /var/log/app\`, { shell: true });
}
`,
  },
  {
    name: 'spawnSync with shell: true and a variable argument',
    code: `import * as cp from 'child_process';

export function resize(file: string) {
  return cp.spawnSync('convert', [file, '-resize', '50%', 'out.png'], { shell: true });
}
`,
    messageIncludes: ['`file`'],
  },
  {
    name: 'execFile with shell: true',
    code: `const { execFile } = require('child_process');

function zip(name, cb) {
  execFile('zip', ['-r', name + '.zip', 'dist'], { shell: true }, cb);
}
module.exports = { zip };
`,
    file: 'src/zip.js',
  },
  {
    name: 'execFileSync with a shell path and options in a const',
    code: `import { execFileSync } from 'child_process';

const opts = { shell: '/bin/bash', encoding: 'utf8' as const };

export const count = (dir: string) => execFileSync('ls', [dir, '| wc -l'], opts);
`,
  },
  {
    name: 'spawn with shorthand shell set to true',
    code: `import { spawn } from 'child_process';

const shell = true;
export const tail = (file: string) => spawn('tail', ['-f', file], { shell });
`,
  },
  {
    name: 'request data in an Express handler',
    code: `import express from 'express';
import { exec } from 'child_process';

const app = express();
app.get('/dns', (req, res) => {
  exec('nslookup ' + req.query.host, (err, stdout) => res.send(stdout));
});
`,
    messageIncludes: ['`req.query.host`'],
  },
];

const valid: (string | RuleCase)[] = [
  {
    name: 'constant command',
    code: `import { execSync } from 'node:child_process';
export const GIT_SHA = execSync('git rev-parse --short HEAD').toString().trim();
`,
  },
  {
    name: 'template whose substitutions are constants',
    code: `import { execSync } from 'child_process';
const OUT_DIR = 'dist';
const LEVEL = 9;
export const pack = () => execSync(\`tar -czf \${OUT_DIR}.tgz -\${LEVEL} \${OUT_DIR}\`);
`,
  },
  {
    name: 'execFile with an argument array and no shell',
    code: `import { execFile } from 'node:child_process';
export function archive(day: string, done: (err: Error | null) => void) {
  execFile('tar', ['-czf', \`/exports/receipts-\${day}.tgz\`, \`/var/receipts/\${day}\`], done);
}
`,
  },
  {
    name: 'spawn without a shell',
    code: `import { spawn } from 'child_process';
export const dump = (table: string, url: string) => spawn('pg_dump', ['--table', table, url]);
`,
  },
  {
    name: 'spawn with shell: false',
    code: `import { spawn } from 'child_process';
export const dump = (table: string) => spawn('pg_dump', ['--table', table], { shell: false });
`,
  },
  {
    name: 'spawn with shell: true and only constants',
    code: `import { spawn } from 'child_process';
export const build = () => spawn('npm', ['run', 'build'], { shell: true, stdio: 'inherit' });
`,
  },
  {
    name: 'spawn with options the rule cannot see',
    code: `import { spawn, type SpawnOptions } from 'child_process';
export const run = (cmd: string, args: string[], options: SpawnOptions) => spawn(cmd, args, options);
`,
  },
  {
    name: 'a value quoted with shell-quote',
    code: `import { execSync } from 'child_process';
import { quote } from 'shell-quote';
export const show = (file: string) => execSync(\`cat \${quote([file])}\`);
`,
  },
  {
    name: 'a value picked from an allow-list object',
    code: `import { exec } from 'child_process';
const SCRIPTS = { build: 'npm run build', test: 'npm test' } as const;
export const runScript = (name: keyof typeof SCRIPTS) => exec(SCRIPTS[name]);
`,
  },
  {
    name: 'a number in the command',
    code: `import { execSync } from 'child_process';
export const freePort = (port: string) => execSync(\`lsof -ti tcp:\${Number(port)}\`);
`,
  },
  {
    name: 'exec from the project, not child_process',
    code: `import { exec } from './shell';
export const run = (cmd: string) => exec(cmd);
`,
  },
  {
    name: 'RegExp.prototype.exec',
    code: `export function version(text: string) {
  const re = /v(\\d+)/;
  return re.exec(\`release \${text}\`);
}
`,
  },
  {
    name: 'a database exec',
    code: `import Database from 'better-sqlite3';
const db = new Database('app.db');
export const migrate = (table: string) => db.exec(\`CREATE TABLE IF NOT EXISTS \${table} (id INTEGER)\`);
`,
  },
  {
    name: 'a local function named exec',
    code: `function exec(cmd: string) {
  return cmd.length;
}
export const n = (x: string) => exec('echo ' + x);
`,
  },
  {
    name: 'promisified execFile without a shell',
    code: `import { execFile } from 'child_process';
import { promisify } from 'util';
const execFileAsync = promisify(execFile);
export const lint = (file: string) => execFileAsync('eslint', [file]);
`,
  },
  {
    name: 'fork is not a shell',
    code: `import { fork } from 'child_process';
export const worker = (script: string) => fork(script, ['--queue', 'emails']);
`,
  },
  {
    name: 'a command line of constants joined from an array',
    code: `import { execSync } from 'child_process';
const FLAGS = ['--frozen-lockfile', '--prefer-offline'];
export const install = () => execSync('yarn install ' + FLAGS.join(' '));
`,
  },
];

runRuleTests(commandInjection, { valid, invalid });
runFixtureTests(commandInjection);
runDocsExamples(commandInjection);
