// All credential-looking values in this corpus are synthetic (keyboard walks / made-up), not real keys.
import { Injectable, Logger } from '@nestjs/common';
import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
import { SQSClient as Queue } from '@aws-sdk/client-sqs';
import * as AWS from 'aws-sdk';

// Matches an AWS access key id, used to scrub uploaded CSVs before storing them.
const AWS_KEY_PATTERN = /AKIA[0-9A-Z]{16}/g; // ok: hardcoded-secret

@Injectable()
export class AwsStorageService {
  private readonly logger = new Logger(AwsStorageService.name);

  private readonly s3 = new S3Client({
    region: 'eu-west-1', // ok: hardcoded-secret
    credentials: {
      accessKeyId: 'AKIAQWERTYUIOPASDFGH', // expect: hardcoded-secret
      secretAccessKey: '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', // expect: hardcoded-secret
    },
  });

  private readonly queue = new Queue({
    region: process.env.AWS_REGION,
    credentials: {
      accessKeyId: process.env.AWS_ACCESS_KEY_ID!, // ok: hardcoded-secret
      secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY!, // ok: hardcoded-secret
    },
  });

  async upload(tenantId: string, body: Buffer): Promise<string> {
    const key = `uploads/${tenantId}/${Date.now()}.csv`;
    const scrubbed = body.toString('utf8').replace(AWS_KEY_PATTERN, '[redacted]');
    await this.s3.send(
      new PutObjectCommand({ Bucket: 'acme-tenant-uploads-prod', Key: key, Body: scrubbed }), // ok: hardcoded-secret
    );
    this.logger.log(`stored ${key}`);
    return key;
  }
}

// Legacy v2 client still used by the nightly export.
AWS.config.update({
  accessKeyId: 'AKIAZXCVBNMLKJHGFDSA', // expect: hardcoded-secret
  secretAccessKey: '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', // expect: hardcoded-secret
  region: 'us-east-1',
});

// Temporary STS credentials pasted in while debugging an incident.
export const assumedRoleCredentials = {
  accessKeyId: 'ASIAPLMOKNIJBUHVYGCT', // expect: hardcoded-secret
  secretAccessKey: 'Pl0Ok9Mn8Ij7Bu6Hv5Yg4Ct3Fr2Xd1Ez0Sw9Aq8W', // expect: hardcoded-secret
  sessionToken: process.env.AWS_SESSION_TOKEN,
};

// Format alone is enough, whatever the variable is called.
const k = 'AKIAMNBVCXZLKJHGFDSQ'; // expect: hardcoded-secret
export const exportDefaults = { region: 'us-east-2', id: k };

// A secret *name*, not a secret value: the Secrets Manager id that holds the DB password.
export const dbSecretName = 'prod/billing/db-password'; // ok: hardcoded-secret
export const dbSecretArn = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/billing/db-password-Ab12Cd'; // ok: hardcoded-secret
