// Entry module of the integration tests (the runner's `extensionTestsPath`). VS Code's extension
// host loads it after our extension has been registered from `extensionDevelopmentPath`, calls
// `run()`, and exits with code 0 when the promise resolves, 1 when it rejects.
//
// tsc compiles it with the tests to out/test/integration/suite/index.js. It adds every `*.test.js`
// below the folder named by the environment variable PA_TEST_GLOB_DIR (set by run-all.mjs per
// workspace configuration), or else below its own folder, out/test/integration/suite/.
// PA_TEST_GREP, when set, runs only the tests whose full title matches it.
//
// Test files import mocha's BDD functions (`import { describe, it } from 'mocha';`): the
// project's tsconfig declares only Node's globals, not mocha's.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

function findTestFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findTestFiles(full));
    else if (entry.isFile() && entry.name.endsWith('.test.js')) found.push(full);
  }
  return found.sort();
}

export function run(): Promise<void> {
  const dir = path.resolve(process.env.PA_TEST_GLOB_DIR || __dirname);
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60000 });
  if (process.env.PA_TEST_GREP) mocha.grep(process.env.PA_TEST_GREP);

  return new Promise<void>((resolve, reject) => {
    let files: string[];
    try {
      files = findTestFiles(dir);
    } catch (err) {
      reject(new Error(`cannot read the integration tests folder ${dir}: ${(err as Error).message}`));
      return;
    }
    // An empty folder is a setup mistake (wrong PA_TEST_GLOB_DIR, tests not compiled), not a pass.
    if (files.length === 0) {
      reject(new Error(`no *.test.js files below ${dir}; were the tests compiled (npx tsc -p tsconfig.json)?`));
      return;
    }
    for (const file of files) mocha.addFile(file);
    try {
      mocha.run((failures) => {
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else resolve();
      });
    } catch (err) {
      reject(err);
    }
  });
}
