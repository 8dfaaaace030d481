const sgMail = require('@sendgrid/mail');
const twilio = require('twilio');
const { GoogleGenerativeAI } = require('@google/generative-ai');

// senior-engineer labels: SendGrid, Twilio, npm and Google API keys are well-known credential formats too
sgMail.setApiKey('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'); // expect: hardcoded-secret

const twilioClient = twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN); // ok: hardcoded-secret

const TWILIO_AUTH_TOKEN = '831be38cb8cb4ba2e751989a01749ddb'; // expect: hardcoded-secret

const genAI = new GoogleGenerativeAI('AIzaZYn9ZhyiA4uoRgnatmUdjAWtGSU8po_799N'); // expect: hardcoded-secret

const MAPS_URL = 'https://maps.googleapis.com/maps/api/geocode/json?key=AIzaksnRH9ucAUsdMlHUvTCQCyEZDz-TddJ8HyS'; // expect: hardcoded-secret

const npmrc = '//registry.npmjs.org/:_authToken=npm_jHRg80USP2W5DfJXcaYioK6cPTt9iOqHOBSW'; // expect: hardcoded-secret

const REQUEST_ID = 'b93b7d946bf54074e3248c801bef7501'; // ok: hardcoded-secret
const ETAG = 'W/"064d6d59291f0cde2e5738713a818d8962058765"'; // ok: hardcoded-secret
const INTEGRITY = 'sha512-VTSu7rtaUWM6ZO88eb0ogET9D9XyYq6B0Fi7FlaZ7Vt0SXjMpu3uDxYYMfGmzWkpAePcEJIukB4='; // ok: hardcoded-secret
const ORDER_ID = '3f2b8c1e-9d4a-4e7b-8c6f-1a2b3c4d5e6f'; // ok: hardcoded-secret

module.exports = { twilioClient, TWILIO_AUTH_TOKEN, genAI, MAPS_URL, npmrc, REQUEST_ID, ETAG, INTEGRITY, ORDER_ID };
