const mongoose = require('mongoose');
const amqp = require('amqplib');
const { promisify } = require('util');
const sleep = promisify(setTimeout);

function connectWithRetry(uri) {
  return mongoose.connect(uri).catch((err) => {
    console.error('mongo connection failed, retrying in 5s', err);
    setTimeout(() => connectWithRetry(uri), 5000); // expect: unbounded-retry
  });
}

function connectWithRetryRef() {
  mongoose.connect(process.env.MONGO_URL).catch((err) => {
    console.error(err);
    setTimeout(connectWithRetryRef, 5000); // expect: unbounded-retry
  });
}

async function connectBroker(url) {
  try {
    return await amqp.connect(url);
  } catch (err) {
    console.warn('broker unavailable', err.message);
    await sleep(3000);
    return connectBroker(url); // expect: unbounded-retry
  }
}

async function connectBrokerBounded(url, attempt = 1) {
  try {
    return await amqp.connect(url);
  } catch (err) {
    if (attempt >= 5) throw err;
    await sleep(attempt * 1000);
    return connectBrokerBounded(url, attempt + 1); // ok: unbounded-retry
  }
}

async function connectBrokerCountdown(url, retriesLeft = 3) {
  try {
    return await amqp.connect(url);
  } catch (err) {
    if (retriesLeft <= 0) throw err;
    return connectBrokerCountdown(url, retriesLeft - 1); // ok: unbounded-retry
  }
}

async function publishWithBackoff(channel, msg, attempt = 0) {
  try {
    await channel.publish('events', '', Buffer.from(JSON.stringify(msg)));
  } catch (err) {
    await sleep(Math.min(1000 * 2 ** attempt, 60000));
    return publishWithBackoff(channel, msg, attempt + 1); // expect: unbounded-retry
  }
}

function subscribe(channel, queue, handler) {
  channel.consume(queue, handler).catch(() => {
    setTimeout(() => subscribe(channel, queue, handler), 1000); // expect: unbounded-retry
  });
}

function subscribeBounded(channel, queue, handler, tries = 0) {
  channel.consume(queue, handler).catch((err) => {
    if (tries > 10) return console.error('giving up on', queue, err);
    setTimeout(() => subscribeBounded(channel, queue, handler, tries + 1), 1000); // ok: unbounded-retry
  });
}

function walk(node, visit) {
  try {
    visit(node);
  } catch (e) {
    console.error(e);
  }
  node.children.forEach((child) => walk(child, visit)); // ok: unbounded-retry
}

function poll(fetchStatus) {
  fetchStatus()
    .then((s) => console.log('status', s))
    .finally(() => setTimeout(() => poll(fetchStatus), 10000)); // ok: unbounded-retry
}

const reconnect = async (client) => {
  try {
    await client.connect();
  } catch (e) {
    console.error('redis down', e);
    return reconnect(client); // expect: unbounded-retry
  }
};

const loadTree = async (dir, fs) => {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  for (const e of entries) {
    if (e.isDirectory()) {
      try {
        await loadTree(`${dir}/${e.name}`, fs); // ok: unbounded-retry
      } catch (err) {
        console.warn('skip', e.name, err);
      }
    }
  }
};

module.exports = { connectWithRetry, connectWithRetryRef, connectBroker, connectBrokerBounded, connectBrokerCountdown, publishWithBackoff, subscribe, subscribeBounded, walk, poll, reconnect, loadTree };
