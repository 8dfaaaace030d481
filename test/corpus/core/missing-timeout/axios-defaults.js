const axios = require('axios');

axios.defaults.timeout = 10000;
axios.defaults.baseURL = 'https://partner.example.com';

async function partnerStatus() {
  const { data } = await axios.get('/status'); // ok: missing-timeout
  return data;
}

async function partnerOrder(order) {
  return axios.post('/orders', order); // ok: missing-timeout
}

function partnerCall(config) {
  return axios({ ...config, url: '/call' }); // ok: missing-timeout
}

module.exports = { partnerStatus, partnerOrder, partnerCall };
