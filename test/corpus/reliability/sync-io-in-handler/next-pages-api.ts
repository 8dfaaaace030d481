// corpus-path: src/pages/api/version.ts
// @ts-nocheck
import type { NextApiRequest, NextApiResponse } from 'next';
import { execSync } from 'node:child_process';
import fs from 'node:fs';

function gitRev() {
  return execSync('git rev-parse --short HEAD').toString().trim(); // ok: sync-io-in-handler
}

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  const rev = execSync('git rev-parse --short HEAD').toString().trim(); // expect: sync-io-in-handler
  const notes = fs.readFileSync('CHANGELOG.md', 'utf8'); // expect: sync-io-in-handler
  res.status(200).json({ rev, notes, other: gitRev() });
}
