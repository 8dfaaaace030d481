// @ts-nocheck
import * as child from 'child_process';
import util from 'util';
import { Injectable, Logger } from '@nestjs/common';

const execP = util.promisify(child.exec);
const KUBECTL = 'kubectl';
const NAMESPACE = 'production';

@Injectable()
export class DeployService {
  private readonly logger = new Logger(DeployService.name);

  async rollout(deployment: string, image: string) {
    await execP(`kubectl set image deployment/${deployment} app=${image} -n ${NAMESPACE}`); // expect: command-injection
  }

  async status() {
    return execP(`${KUBECTL} get pods -n ${NAMESPACE}`); // ok: command-injection
  }

  scale(deployment: string, replicas: number) {
    child.execSync(KUBECTL + ' scale deployment/' + deployment + ' --replicas=' + replicas); // expect: command-injection
  }

  restart(deployment: string) {
    return child.spawn(KUBECTL, ['rollout', 'restart', `deployment/${deployment}`, '-n', NAMESPACE]); // ok: command-injection
  }

  logs(pod: string) {
    return child.spawn('kubectl', ['logs', pod, '--tail=100'], { shell: true, stdio: 'pipe' }); // expect: command-injection
  }

  describe(pod: string) {
    const cmd = ['kubectl', 'describe', 'pod', pod].join(' ');
    return child.execSync(cmd, { encoding: 'utf8' }); // expect: command-injection
  }

  contexts() {
    const cmd = 'kubectl config get-contexts';
    return child.execSync(cmd, { encoding: 'utf8' }); // ok: command-injection
  }
}
