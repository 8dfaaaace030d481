const { Queue } = require('bullmq');

async function processJob(job) {
  return job.id;
}

async function cleanup() {
  return true;
}

function readNumber() {
  return 42;
}

const flush = async () => true;

async function main() {
  processJob({ id: 1 }); // expect: floating-promise
  cleanup(); // expect: floating-promise
  flush(); // expect: floating-promise
  readNumber(); // ok: floating-promise
  await cleanup(); // ok: floating-promise
  const r = processJob({ id: 2 }); // ok: floating-promise
  r.then(() => 1, (e) => console.error(e)); // ok: floating-promise
  processJob({ id: 3 }).then(console.log).catch(console.error); // ok: floating-promise
  return processJob({ id: 4 }); // ok: floating-promise
}

main(); // expect: floating-promise
main().catch((err) => { console.error(err); process.exit(1); }); // ok: floating-promise

process.on('SIGTERM', () => {
  cleanup(); // expect: floating-promise
});

process.on('SIGINT', () => cleanup()); // ok: floating-promise

module.exports = { run: () => main() }; // ok: floating-promise

// unknown functions (not declared in this file) are not judged without a type checker
const q = new Queue('jobs');
q.add('x', {}); // ok: floating-promise
fetch('https://example.com'); // ok: floating-promise
someImportedThing(); // ok: floating-promise

// relabelled after the first run: the IIFE is a call of an async function declared here, used as a bare
// statement, and a rejection of main() inside it is unhandled; by the definition it is a floating promise
(async () => { // expect: floating-promise
  await main(); // ok: floating-promise
})();
