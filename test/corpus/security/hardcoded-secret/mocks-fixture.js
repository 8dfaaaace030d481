// corpus-path: src/payments/__fixtures__/stripe-customer.js
// Recorded API response used by the payment tests (fixture, fake credentials).
module.exports = {
  id: 'cus_Q1w2E3r4T5y6U7',
  apiKey: 'rk_live_4GiIjHGb3CXlMaXZjljENUhJ', // ok: hardcoded-secret
  slackToken: 'xoxb-000883873716-7868433532650-1iaeOV4qBkdfQ1y3GQsMpSsc', // ok: hardcoded-secret
};
