const request = require('request');
const tls = require('node:tls');
const fs = require('fs');

function legacyCall(url, cb) {
  request({ url, json: true, strictSSL: false }, cb); // expect: tls-verification-disabled
}

function legacyCallVerified(url, cb) {
  request({ url, json: true, strictSSL: true }, cb); // ok: tls-verification-disabled
}

function legacyAgentOptions(url, cb) {
  request.get({ url, agentOptions: { rejectUnauthorized: false } }, cb); // expect: tls-verification-disabled
}

const insecureDefaults = request.defaults({ strictSSL: false, timeout: 5000 }); // expect: tls-verification-disabled

function connectBroker(host, port) {
  return tls.connect({ host, port, rejectUnauthorized: false }); // expect: tls-verification-disabled
}

function connectBrokerPinned(host, port) {
  return tls.connect({ host, port, ca: fs.readFileSync('/etc/ssl/broker-ca.pem') }); // ok: tls-verification-disabled
}

function connectNoHostCheck(host, port) {
  return tls.connect({
    host,
    port,
    checkServerIdentity: () => undefined, // expect: tls-verification-disabled
  });
}

function connectWithHostCheck(host, port) {
  return tls.connect({
    host,
    port,
    checkServerIdentity: (servername, cert) => { // ok: tls-verification-disabled
      if (cert.subject.CN !== 'broker.internal') return new Error('unexpected broker certificate');
      return tls.checkServerIdentity(servername, cert);
    },
  });
}

function connectDefaultCheck(host, port) {
  return tls.connect({ host, port, checkServerIdentity: tls.checkServerIdentity }); // ok: tls-verification-disabled
}

const secureContextOpts = { minVersion: 'TLSv1.2', requestCert: false }; // ok: tls-verification-disabled

module.exports = { legacyCall, legacyCallVerified, legacyAgentOptions, insecureDefaults, connectBroker, connectBrokerPinned, connectNoHostCheck, connectWithHostCheck, connectDefaultCheck, secureContextOpts };
