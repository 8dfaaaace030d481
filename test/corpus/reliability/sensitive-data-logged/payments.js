const winston = require('winston');
const log = winston.createLogger({});

function charge(card, user) {
  log.info('charging card', { cardNumber: card.cardNumber }); // expect: sensitive-data-logged
  log.info('charging card', { last4: card.cardNumber.slice(-4) }); // ok: sensitive-data-logged
  log.info('charging card', card.number, card.cvv); // expect: sensitive-data-logged
  console.log('user ssn', user.ssn); // expect: sensitive-data-logged
  console.log('user id', user.id); // ok: sensitive-data-logged
  console.log(`ssn=${user.ssn}`); // expect: sensitive-data-logged
  log.debug('card brand', card.brand); // ok: sensitive-data-logged
  log.info('customer', { name: user.name, plan: user.plan }); // ok: sensitive-data-logged
}

function configure(config) {
  console.log('api key', config.apiKey); // expect: sensitive-data-logged
  console.log('stripe secret', process.env.STRIPE_SECRET_KEY); // expect: sensitive-data-logged
  console.log('config loaded', { region: config.region }); // ok: sensitive-data-logged
  console.log('has api key', Boolean(config.apiKey)); // ok: sensitive-data-logged
  log.info('secret', config.clientSecret); // expect: sensitive-data-logged
  log.info('db', config.dbPassword); // expect: sensitive-data-logged
  log.info('token length', config.accessToken.length); // ok: sensitive-data-logged
}

function redacted(user) {
  const password = '***';
  log.info('user', { email: user.email, password: redact(user.password) }); // expect: sensitive-data-logged (the e-mail; the password is redacted)
  log.info('token count', countTokens(user)); // ok: sensitive-data-logged
  log.info('password reset requested', { userId: user.id }); // ok: sensitive-data-logged
  log.info('token expired'); // ok: sensitive-data-logged
}

function redact(x) { return x ? '[redacted]' : x; }
function countTokens() { return 1; }

module.exports = { charge, configure, redacted };
