const axios = require('axios');

const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function getWithRetry(url, retries = 3) {
  try {
    return await axios.get(url);
  } catch (err) {
    if (retries <= 0) throw err;
    return getWithRetry(url, retries - 1); // expect: retry-without-backoff
  }
}

async function getWithConstantDelay(url, retries = 3) {
  try {
    return await axios.get(url);
  } catch (err) {
    if (retries === 0) throw err;
    await wait(500);
    return getWithConstantDelay(url, retries - 1); // expect: retry-without-backoff
  }
}

async function getWithBackoff(url, attempt = 0) {
  try {
    return await axios.get(url);
  } catch (err) {
    if (attempt >= 5) throw err;
    await wait(Math.random() * 2 ** attempt * 100);
    return getWithBackoff(url, attempt + 1); // ok: retry-without-backoff
  }
}

function connect(client, triesLeft) {
  return client.connect().catch((err) => {
    if (triesLeft < 1) throw err;
    return connect(client, triesLeft - 1); // expect: retry-without-backoff
  });
}

function connectLater(client, triesLeft) {
  return client.connect().catch((err) => {
    if (triesLeft < 1) throw err;
    return new Promise((resolve) => setTimeout(() => resolve(connectLater(client, triesLeft - 1)), 1000)); // expect: retry-without-backoff
  });
}

function connectJitter(client, triesLeft, attempt = 0) {
  return client.connect().catch(async (err) => {
    if (triesLeft < 1) throw err;
    await wait(1000 * 2 ** attempt + Math.floor(Math.random() * 1000));
    return connectJitter(client, triesLeft - 1, attempt + 1); // ok: retry-without-backoff
  });
}

// tree walk recursion, not a retry
function walk(node) {
  if (!node) return 0;
  return 1 + walk(node.left) + walk(node.right); // ok: retry-without-backoff
}

// unbounded retry is a different rule; this one is bounded by retries in the catch
async function sendEmail(msg, retries = 2) {
  try {
    return await axios.post('/mail', msg);
  } catch (e) {
    if (retries > 0) return sendEmail(msg, retries - 1); // expect: retry-without-backoff
    throw e;
  }
}

module.exports = { getWithRetry, getWithConstantDelay, getWithBackoff, connect, connectLater, connectJitter, walk, sendEmail };
