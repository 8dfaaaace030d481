import { Injectable } from '@nestjs/common';
import * as childProcess from 'child_process';
import { spawn as spawnProcess, SpawnOptions } from 'child_process';
import { join } from 'path';

const IS_WINDOWS = process.platform === 'win32';
const MAGICK = IS_WINDOWS ? 'magick.exe' : 'magick';

@Injectable()
export class MediaService {
  private readonly storage = process.env.MEDIA_DIR ?? '/data/media';

  resize(file: string, width: number): Promise<number> {
    const src = join(this.storage, file);
    const child = spawnProcess(MAGICK, [src, '-resize', `${width}x`, `${src}.w${width}.jpg`], { shell: IS_WINDOWS }); // ok: command-injection
    return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
  }

  watermark(file: string, text: string): Promise<number> {
    const src = join(this.storage, file);
    const child = spawnProcess('magick', [src, '-annotate', '+10+10', text, src], { // expect: command-injection
      stdio: 'ignore',
      shell: true,
    });
    return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
  }

  strip(file: string): Promise<number> {
    const src = join(this.storage, file);
    const child = childProcess.spawn('exiftool', ['-all=', '-overwrite_original', src], { stdio: 'ignore' }); // ok: command-injection
    return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
  }

  optimise(file: string): void {
    const src = join(this.storage, file);
    childProcess.execFile('jpegoptim', ['--strip-all', src], { shell: true }, () => undefined); // expect: command-injection
  }

  version(): string {
    return childProcess.execSync(`${MAGICK} -version`).toString().split('\n')[0]; // ok: command-injection
  }

  identify(file: string): string {
    return childProcess.execSync(['magick identify', join(this.storage, file)].join(' ')).toString(); // expect: command-injection
  }

  listFonts(): Promise<number> {
    const opts: SpawnOptions = { stdio: 'inherit', shell: true };
    const child = spawnProcess('fc-list', [':', 'family'], opts); // ok: command-injection
    return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
  }

  convert(file: string, format: string): Promise<number> {
    const child = childProcess.spawn(`${MAGICK} ${join(this.storage, file)} out.${format}`, { shell: true }); // expect: command-injection
    return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
  }
}
