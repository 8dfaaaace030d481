const got = require('got');

async function weather(city) {
  const res = await got(`https://weather.example.com/v1/${city}`, { responseType: 'json', retry: { limit: 2 } }); // expect: missing-timeout
  return res.body;
}

async function weatherBounded(city) {
  const res = await got(`https://weather.example.com/v1/${city}`, { responseType: 'json', timeout: 3000 }); // ok: missing-timeout
  return res.body;
}

module.exports = { weather, weatherBounded };
