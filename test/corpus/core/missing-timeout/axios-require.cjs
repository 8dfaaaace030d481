const http = require('axios');
const { post } = require('axios');

async function fetchRates(base) {
  const res = await http.get('https://rates.example.com/latest', { params: { base } }); // expect: missing-timeout
  return res.data.rates;
}

async function fetchRatesBounded(base) {
  const res = await http.get('https://rates.example.com/latest', { params: { base }, timeout: 4000 }); // ok: missing-timeout
  return res.data.rates;
}

async function notify(url, payload) {
  return post(url, payload); // expect: missing-timeout
}

module.exports = { fetchRates, fetchRatesBounded, notify };
