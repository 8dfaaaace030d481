import { Injectable, Logger, BadRequestException } from '@nestjs/common';
import { exec, execSync } from 'child_process';
import * as path from 'path';

const REPO_ROOT = '/srv/repos';

@Injectable()
export class GitService {
  private readonly logger = new Logger(GitService.name);

  currentSha(): string {
    return execSync('git rev-parse HEAD').toString().trim(); // ok: command-injection
  }

  isDirty(repo: string): boolean {
    const out = execSync(`git status --porcelain`, { cwd: path.join(REPO_ROOT, repo) }); // ok: command-injection
    return out.toString().length > 0;
  }

  log(repo: string, branch: string): Promise<string> {
    return new Promise((resolve, reject) => {
      exec(`git log --oneline -n 50 ${branch}`, { cwd: path.join(REPO_ROOT, repo) }, (err, stdout) => { // expect: command-injection
        if (err) return reject(err);
        resolve(stdout);
      });
    });
  }

  checkout(repo: string, ref: string): void {
    if (!ref) throw new BadRequestException('ref required');
    execSync('git checkout ' + ref, { cwd: path.join(REPO_ROOT, repo), stdio: 'inherit' }); // expect: command-injection
    this.logger.log(`checked out ${ref} in ${repo}`);
  }

  blame(repo: string, file: string, line: number): Promise<string> {
    const cmd = `git blame -L ${line},${line} -- ${file}`;
    return new Promise((resolve, reject) => {
      exec(cmd, { cwd: path.join(REPO_ROOT, repo) }, (err, stdout) => (err ? reject(err) : resolve(stdout))); // expect: command-injection
    });
  }

  fetchAll(repo: string): void {
    execSync('git fetch --all --prune', { cwd: path.join(REPO_ROOT, repo), timeout: 60_000 }); // ok: command-injection
  }

  tags(repo: string, pattern?: string): string[] {
    let cmd = 'git tag --list';
    if (pattern) {
      cmd += ` '${pattern}'`;
    }
    return execSync(cmd, { cwd: path.join(REPO_ROOT, repo) }).toString().split('\n'); // expect: command-injection
  }

  gc(repo: string): void {
    const GC_CMD = 'git gc --auto --quiet';
    execSync(GC_CMD, { cwd: path.join(REPO_ROOT, repo) }); // ok: command-injection
  }
}
