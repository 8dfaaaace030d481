const util = require('util');
const exec = util.promisify(require('child_process').exec);
const { spawn } = require('child_process');

const BACKUP_DIR = '/backups';

async function dumpDatabase(dbName) {
  const file = `${BACKUP_DIR}/${dbName}-${Date.now()}.sql`;
  await exec(`pg_dump ${dbName} > ${file}`); // expect: command-injection
  return file;
}

async function dumpAll() {
  await exec(`pg_dumpall > ${BACKUP_DIR}/all.sql`); // ok: command-injection
}

function upload(file, bucket) {
  return spawn('aws', ['s3', 'cp', file, `s3://${bucket}/`], { shell: true }); // expect: command-injection
}

function uploadSafe(file, bucket) {
  return spawn('aws', ['s3', 'cp', file, `s3://${bucket}/`]); // ok: command-injection
}

function cleanup(days) {
  return exec('find ' + BACKUP_DIR + ' -mtime +' + days + ' -delete'); // expect: command-injection
}

function cleanupDefault() {
  return exec('find ' + BACKUP_DIR + ' -mtime +30 -delete'); // ok: command-injection
}

module.exports = { dumpDatabase, dumpAll, upload, uploadSafe, cleanup, cleanupDefault };
