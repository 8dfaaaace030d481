// @ts-nocheck
import jwt from 'jsonwebtoken';

// (a multi-line template literal cannot carry a trailing comment on its first line, so the label sits inside it)
const SIGNING_KEY = `-----BEGIN RSA PRIVATE KEY----- // expect: hardcoded-secret
MII575yx8xm5MslfY5ubiheyEd7P4zDL/ak6J0kGODKdinZnLXicaBAg8WY1jzIR
lNQb0prFmbh7+wy5yq1XoY1BaIMcAxYmfsB4HbQLXjjlAFbVV6q9rXxtNDFyuzX9
k1gnneGEYG1+LwiqD9jJBAciI05FhfwKVqlUr5Qrec8TNecj9iNOrjj5VfqRTk8j
1d/bWWbjkloG1QX647kdNl9cDo/+GbVMszvR4/EPZGz3zBXCOArr/SfiJvo58JB0
-----END RSA PRIVATE KEY-----`;

export function sign(payload: object) {
  return jwt.sign(payload, SIGNING_KEY, { algorithm: 'RS256', expiresIn: '15m' });
}

export const serviceAccount = {
  client_email: 'exporter@acme-prod.iam.gserviceaccount.com', // ok: hardcoded-secret
  private_key: '-----BEGIN PRIVATE KEY-----\nMIIW/O5PjeJfJTNcrZ6ydIEsgo5nVjzz8Gwb8ewCISuYCl0Xq56zaWR7PAmpBFXl\nNPHcSke4R1J+dBi2ewQr8t4/lC4LvGNWAMsI/z0oaWdfZp+lvi60ZIF8/qR38Ony\n-----END PRIVATE KEY-----\n', // expect: hardcoded-secret
};

export const EC_KEY = '-----BEGIN EC PRIVATE KEY-----\nMIIRBZxjX/BpYconEG4ZgzWbmHGJR1m4jfXuX8v/h2/1KZNUK9IKLdbFfu0XgOYg\nOjC29GFfm7sFog16pAgTtpU4r16H1UrLqE9oNTJIyJEyFzfhbIH2denCJjluEV99\n-----END EC PRIVATE KEY-----'; // expect: hardcoded-secret

export const PUBLIC_KEY = `-----BEGIN PUBLIC KEY----- // ok: hardcoded-secret
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo
4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u
-----END PUBLIC KEY-----`;

export const CA_CERT = '-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBaMQswCQYDVQQGEwJJ\n-----END CERTIFICATE-----'; // ok: hardcoded-secret

export function isPrivateKey(text: string) {
  return text.startsWith('-----BEGIN PRIVATE KEY-----'); // ok: hardcoded-secret
}
