// corpus-path: scripts/rotate-keys.mjs
import { generateKeyPairSync, pbkdf2Sync, randomBytes } from 'node:crypto';
import { writeFileSync, mkdirSync } from 'node:fs';
import { execSync } from 'node:child_process';

const outDir = process.argv[2] ?? './keys';

function main() {
  mkdirSync(outDir, { recursive: true }); // ok: sync-io-in-handler
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { // ok: sync-io-in-handler
    modulusLength: 4096,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  writeFileSync(`${outDir}/jwt.pub.pem`, publicKey); // ok: sync-io-in-handler
  writeFileSync(`${outDir}/jwt.pem`, privateKey, { mode: 0o600 }); // ok: sync-io-in-handler
  const kid = pbkdf2Sync(publicKey, randomBytes(8), 1000, 8, 'sha256').toString('hex'); // ok: sync-io-in-handler
  execSync(`kubectl create secret generic jwt-keys --from-file=${outDir} --dry-run=client -o yaml > ${outDir}/secret.yaml`); // ok: sync-io-in-handler
  console.log(`rotated keys, kid=${kid}`);
}

main();
