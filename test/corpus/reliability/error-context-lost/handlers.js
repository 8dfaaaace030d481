const winston = require('winston');
const express = require('express');

const log = winston.createLogger({});
const app = express();

app.get('/users/:id', async (req, res) => {
  try {
    res.json(await loadUser(req.params.id));
  } catch (err) {
    log.error('could not load user'); // expect: error-context-lost
    res.status(500).json({ error: 'internal' });
  }
});

app.post('/users', async (req, res, next) => {
  try {
    res.json(await createUser(req.body));
  } catch (err) {
    next(err); // ok: error-context-lost
  }
});

app.put('/users/:id', async (req, res) => {
  try {
    res.json(await updateUser(req.params.id, req.body));
  } catch (err) {
    log.error('update failed', { error: err }); // ok: error-context-lost
    res.sendStatus(500);
  }
});

app.delete('/users/:id', async (req, res) => {
  try {
    await deleteUser(req.params.id);
    res.sendStatus(204);
  } catch (err) {
    console.log('delete failed for', req.params.id); // expect: error-context-lost
    res.sendStatus(500);
  }
});

async function loadUser(id) {
  try {
    return await db.find(id);
  } catch (err) {
    throw new Error('loadUser failed: ' + id); // expect: error-context-lost
  }
}

async function createUser(body) {
  try {
    return await db.insert(body);
  } catch (err) {
    const wrapped = new Error('createUser failed', { cause: err }); // ok: error-context-lost
    throw wrapped;
  }
}

async function updateUser(id, body) {
  try {
    return await db.update(id, body);
  } catch (err) {
    if (err.code === 'P2025') {
      // relabelled (open case): a deliberate translation of an identified error (P2025 = record not found)
      // into a 404-style error; the original adds nothing for the client and is not what on-call needs
      throw new NotFoundError(`user ${id}`); // ok: error-context-lost
    }
    throw err; // ok: error-context-lost
  }
}

async function deleteUser(id) {
  try {
    return await db.remove(id);
  } catch (err) {
    console.warn('delete failed', err.message); // ok: error-context-lost
    return null;
  }
}

function parse(text) {
  try {
    return JSON.parse(text);
  } catch (e) {
    return null; // ok: error-context-lost
  }
}

function parseOrThrow(text) {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new SyntaxError('bad config file'); // expect: error-context-lost
  }
}

function parseWithCause(text) {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new SyntaxError('bad config file', { cause: e }); // ok: error-context-lost
  }
}

class NotFoundError extends Error {}
const db = {};
module.exports = { app, parse, parseOrThrow, parseWithCause };
