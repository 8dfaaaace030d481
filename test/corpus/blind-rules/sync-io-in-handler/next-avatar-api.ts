// corpus-path: pages/api/avatar/[id].ts
import type { NextApiRequest, NextApiResponse } from 'next';
import * as fs from 'fs';
import { join } from 'path';
import { createHash } from 'crypto';

const FALLBACK = fs.readFileSync(join(process.cwd(), 'public', 'avatar-default.png')); // ok: sync-io-in-handler

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  const id = String(req.query.id).replace(/[^a-z0-9-]/gi, '');
  const file = join(process.cwd(), 'avatars', `${id}.png`);
  let img: Buffer;
  try {
    img = fs.readFileSync(file); // expect: sync-io-in-handler
  } catch {
    img = FALLBACK;
  }
  const etag = createHash('sha1').update(img).digest('hex'); // ok: sync-io-in-handler
  res.setHeader('ETag', etag);
  res.setHeader('Content-Type', 'image/png');
  res.send(img);
}
