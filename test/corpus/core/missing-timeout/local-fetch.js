// A module with its own `fetch` helper: the name is shared, the behaviour is not.
const cache = new Map();

function fetch(key) {
  return cache.get(key);
}

function loadAll(keys) {
  return keys.map((k) => fetch(k)); // ok: missing-timeout
}

function get(url) {
  return cache.get(url);
}

function request(opts) {
  return { ...opts, cached: cache.has(opts.url) };
}

module.exports = {
  loadAll,
  first: (keys) => fetch(keys[0]), // ok: missing-timeout
  lookup: (url) => get(url), // ok: missing-timeout
  describe: (url) => request({ url }), // ok: missing-timeout
};
