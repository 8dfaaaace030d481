// corpus-path: test/fixtures/stripe-events.ts
// @ts-nocheck
// Fixture data for the webhook tests: every key below is fake and only lives in this test fixture.
export const fixtureKeys = {
  secretKey: 'sk_live_CZ7Uw9xfogoEmvnEN5N1aE6P', // ok: hardcoded-secret
  webhookSecret: 'whsec_1C6xc4sohdmM0Lm7exG3lCMqXXQ8agOM', // ok: hardcoded-secret
  githubToken: 'ghp_duRHHJEYXg4JdpmrcXgGCJbW56eCuNGMGmSr', // ok: hardcoded-secret
  awsKeyId: 'AKIAUJZDEGXDNCF32EPF', // ok: hardcoded-secret
};

export const signingKey = '-----BEGIN PRIVATE KEY-----\nMIIW/O5PjeJfJTNcrZ6ydIEsgo5nVjzz8Gwb8ewCISuYCl0Xq56zaWR7PAmpBFXl\n-----END PRIVATE KEY-----'; // ok: hardcoded-secret
