// corpus-path: scripts/run-migrations.cjs
const util = require('util');
const { execFileSync } = require('child_process');
const dotenv = require('dotenv');

dotenv.config();

console.log('Running migrations with environment:');
console.dir(process.env, { depth: null }); // expect: environment-exposure
console.table(process.env); // expect: environment-exposure
console.log(`DATABASE_URL is ${process.env.DATABASE_URL ? 'set' : 'missing'}`); // ok: environment-exposure
console.log('Environment keys:', Object.keys(process.env).join(', ')); // ok: environment-exposure
// console.log(process.env); // ok: environment-exposure

try {
  execFileSync('npx', ['prisma', 'migrate', 'deploy'], { stdio: 'inherit', env: process.env }); // ok: environment-exposure
} catch (err) {
  console.error('Migration failed', err, util.inspect(process.env)); // expect: environment-exposure
  process.exitCode = 1;
}

console.log('Done. Reminder: never print process.env in CI output.'); // ok: environment-exposure
