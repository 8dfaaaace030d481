// @ts-nocheck
import { S3Client } from '@aws-sdk/client-s3';
import AWS from 'aws-sdk';

export const s3 = new S3Client({
  region: 'eu-west-1',
  credentials: {
    accessKeyId: 'AKIAUJZDEGXDNCF32EPF', // expect: hardcoded-secret
    secretAccessKey: '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', // expect: hardcoded-secret
  },
});

AWS.config.update({
  accessKeyId: 'AKIA3DHODZDOCIS2JHTL', // expect: hardcoded-secret
  secretAccessKey: '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', // expect: hardcoded-secret
  region: 'us-east-1', // ok: hardcoded-secret
});

export const sessionCreds = {
  accessKeyId: 'ASIAGMXGEDN73U55XTPL', // expect: hardcoded-secret
  sessionToken: process.env.AWS_SESSION_TOKEN, // ok: hardcoded-secret
};

export const fromEnv = new S3Client({
  region: process.env.AWS_REGION, // ok: hardcoded-secret
  credentials: {
    accessKeyId: process.env.AWS_ACCESS_KEY_ID!, // ok: hardcoded-secret
    secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY!, // ok: hardcoded-secret
  },
});

export const BUCKET = 'acme-prod-invoices-eu-west-1'; // ok: hardcoded-secret
export const KMS_KEY_ARN = 'arn:aws:kms:eu-west-1:123456789012:key/1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d'; // ok: hardcoded-secret
