#!/usr/bin/env node
// Entry point of the `production-audit` bin (bundled to dist/cli.js).
import { runCli } from './main';

void runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  stderrIsTTY: !!process.stderr.isTTY,
  stdoutIsTTY: !!process.stdout.isTTY,
}).then((code) => {
  process.exitCode = code;
});
