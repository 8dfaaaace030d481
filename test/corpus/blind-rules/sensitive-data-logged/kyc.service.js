const bunyan = require('bunyan');
const { verifyIdentity } = require('./vendors/persona');

const log = bunyan.createLogger({ name: 'kyc' });

async function submitKyc(user, form) {
  log.info({ userId: user.id, ssn: form.ssn }, 'submitting KYC'); // expect: sensitive-data-logged
  log.info({ userId: user.id, ssnLast4: form.ssn.slice(-4) }, 'submitting KYC'); // ok: sensitive-data-logged
  const socialSecurityNumber = form.ssn.replace(/-/g, '');
  log.debug('normalized SSN: ' + socialSecurityNumber); // expect: sensitive-data-logged
  const result = await verifyIdentity({ ssn: socialSecurityNumber, dob: form.dateOfBirth }); // ok: sensitive-data-logged
  log.info({ userId: user.id, status: result.status, hasSsn: Boolean(form.ssn) }, 'KYC result'); // ok: sensitive-data-logged
  if (result.status === 'failed') {
    log.warn('KYC failed for user %s (reason %s)', user.id, result.reason);
  }
  return result;
}

function onPersonaWebhook(req, res) {
  log.info({ headers: req.headers, body: req.body }, 'persona webhook received'); // ok: sensitive-data-logged
  log.info({ ssn: '[REDACTED]', inquiryId: req.body.data.id }, 'webhook inquiry'); // ok: sensitive-data-logged
  res.status(200).end();
}

module.exports = { submitKyc, onPersonaWebhook };
