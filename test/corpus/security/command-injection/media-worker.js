const childProcess = require('child_process');
const path = require('path');

const UPLOAD_DIR = '/var/uploads';

function makeThumbnail(fileName) {
  const input = path.join(UPLOAD_DIR, fileName);
  childProcess.execSync(`convert ${input} -resize 200x200 ${input}.thumb.png`); // expect: command-injection
}

function makeThumbnailSafe(fileName) {
  const input = path.join(UPLOAD_DIR, fileName);
  childProcess.execFileSync('convert', [input, '-resize', '200x200', `${input}.thumb.png`]); // ok: command-injection
}

function transcode(src, dest, done) {
  childProcess.exec('ffmpeg -i "' + src + '" -c:v libx264 "' + dest + '"', done); // expect: command-injection
}

function transcodeSafe(src, dest) {
  return childProcess.spawn('ffmpeg', ['-i', src, '-c:v', 'libx264', dest], { stdio: 'inherit' }); // ok: command-injection
}

function probe(src) {
  return childProcess.spawnSync('ffprobe', ['-v', 'error', src], { shell: true, encoding: 'utf8' }); // expect: command-injection
}

function probeVersion() {
  return childProcess.execSync('ffprobe -version', { encoding: 'utf8' }); // ok: command-injection
}

module.exports = { makeThumbnail, makeThumbnailSafe, transcode, transcodeSafe, probe, probeVersion };
