import { noop } from 'lodash';
import type { Transporter } from 'nodemailer';
import { WebClient } from '@slack/web-api';
import { logger } from '../logger';

declare const smsClient: { messages: { create(msg: { to: string; body: string }): Promise<unknown> } };
declare const push: { send(token: string, payload: object): Promise<void> };

const ignore = () => {};
function swallow(): void {}
const ignoreErrors = (_e: unknown) => undefined;
const logAndIgnore = (err: unknown) => logger.warn({ err }, 'notification failed');

export class Notifier {
  constructor(
    private readonly mail: Transporter,
    private readonly slack: WebClient,
  ) {}

  private handleError = (err: unknown): void => {
    logger.error({ err }, 'notifier error');
  };

  sendWelcome(to: string) {
    this.mail.sendMail({ to, subject: 'Welcome!', text: 'Thanks for signing up.' }).catch(ignore); // expect: swallowed-exception
  }

  sendPasswordReset(to: string, link: string) {
    return this.mail
      .sendMail({ to, subject: 'Reset your password', text: link })
      .catch(logAndIgnore); // ok: swallowed-exception
  }

  postToChannel(channel: string, text: string) {
    void this.slack.chat.postMessage({ channel, text }).catch(swallow); // expect: swallowed-exception
  }

  postAlert(text: string) {
    this.slack.chat.postMessage({ channel: '#alerts', text }).catch(noop); // expect: swallowed-exception
  }

  postDigest(text: string) {
    this.slack.chat.postMessage({ channel: '#digest', text }).catch(ignoreErrors); // expect: swallowed-exception
  }

  postIncident(text: string) {
    this.slack.chat.postMessage({ channel: '#incidents', text }).catch(this.handleError); // ok: swallowed-exception
  }

  async notifyAll(users: { email: string }[]) {
    const results = await Promise.allSettled(
      users.map((u) => this.mail.sendMail({ to: u.email, subject: 'Update', text: 'We changed our terms.' })),
    );
    const failed = results.filter((r) => r.status === 'rejected');
    if (failed.length) logger.warn(`${failed.length} update mails failed`);
  }

  async sendSms(phone: string, body: string): Promise<boolean> {
    try {
      await smsClient.messages.create({ to: phone, body });
      return true;
    } catch (err) { // expect: swallowed-exception
      return false;
    }
  }

  async sendPush(token: string, payload: object): Promise<void> {
    try {
      await push.send(token, payload);
    } catch (err: any) { // ok: swallowed-exception
      if (err?.statusCode === 410) {
        await this.removeToken(token);
        return;
      }
      throw err;
    }
  }

  async sendBatch(tokens: string[], payload: object): Promise<string[]> {
    const failed: string[] = [];
    for (const token of tokens) {
      try {
        await push.send(token, payload);
      } catch (e) { // expect: swallowed-exception
        failed.push(token);
      }
    }
    return failed;
  }

  private async removeToken(token: string): Promise<void> {
    logger.info({ token }, 'removing expired push token');
  }
}
