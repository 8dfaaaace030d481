const superagent = require('superagent');
const crypto = require('crypto');

function sign(payload, secret) {
  return crypto.createHmac('sha256', secret).update(payload).digest('hex');
}

async function deliver(endpoint, event) {
  const payload = JSON.stringify(event);
  const res = await superagent // expect: missing-timeout
    .post(endpoint.url)
    .set('Content-Type', 'application/json')
    .set('X-Signature', sign(payload, endpoint.secret))
    .send(payload);
  return res.status;
}

async function deliverWithDeadline(endpoint, event) {
  const res = await superagent // ok: missing-timeout
    .post(endpoint.url)
    .set('Content-Type', 'application/json')
    .timeout({ response: 5000, deadline: 15000 })
    .send(event);
  return res.status;
}

async function verifyEndpoint(url) {
  const res = await superagent.get(url).retry(2).ok((r) => r.status < 500); // expect: missing-timeout
  return res.status === 200;
}

async function verifyEndpointFast(url) {
  const res = await superagent.head(url).timeout(2000); // ok: missing-timeout
  return res.status;
}

function fetchChallenge(url) {
  return superagent.get(url).query({ challenge: crypto.randomBytes(8).toString('hex') }).then((r) => r.body); // expect: missing-timeout
}

async function unsubscribe(url, id, token) {
  await superagent.del(`${url}/${id}`).set('Authorization', `Bearer ${token}`); // expect: missing-timeout
}

module.exports = { deliver, deliverWithDeadline, verifyEndpoint, verifyEndpointFast, fetchChallenge, unsubscribe };
