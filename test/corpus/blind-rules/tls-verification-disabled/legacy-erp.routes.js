const express = require('express');
const request = require('request');
const soap = require('soap');

const router = express.Router();

const legacyHttp = request.defaults({
  baseUrl: process.env.LEGACY_ERP_URL,
  strictSSL: false, // expect: tls-verification-disabled
  timeout: 10000,
});

const partnerHttp = request.defaults({
  baseUrl: process.env.PARTNER_API_URL,
  strictSSL: true, // ok: tls-verification-disabled
  timeout: 5000,
});

function buildOptions(url, insecure) {
  const options = { url, json: true, strictSSL: !insecure }; // ok: tls-verification-disabled
  if (process.env.ERP_INSECURE === 'true') {
    options.strictSSL = false; // expect: tls-verification-disabled
  }
  return options;
}

async function getTaxClient() {
  return soap.createClientAsync(process.env.TAX_WSDL_URL, {
    wsdl_options: { strictSSL: false, rejectUnauthorized: false }, // expect: tls-verification-disabled x2
  });
}

router.get('/erp/orders/:id', (req, res, next) => {
  legacyHttp.get(`/orders/${encodeURIComponent(req.params.id)}`, { json: true }, (err, response, body) => {
    if (err) return next(err);
    res.status(response.statusCode).json(body);
  });
});

router.post('/erp/invoices', (req, res, next) => {
  request.post({ url: `${process.env.LEGACY_ERP_URL}/invoices`, json: req.body, strictSSL: false }, (err, r, body) => { // expect: tls-verification-disabled
    if (err) return next(err);
    res.status(r.statusCode).json(body);
  });
});

router.get('/erp/stock/:sku', (req, res, next) => {
  request.get(buildOptions(`${process.env.LEGACY_ERP_URL}/stock/${req.params.sku}`, false), (err, r, body) => {
    if (err) return next(err);
    res.json(body);
  });
});

router.post('/partner/shipments', (req, res, next) => {
  partnerHttp.post({ uri: '/shipments', json: req.body, strictSSL: req.app.get('partnerStrictSsl') }, (err, r, body) => { // ok: tls-verification-disabled
    if (err) return next(err);
    res.status(r.statusCode).json(body);
  });
});

router.get('/tax/rate', async (req, res, next) => {
  try {
    const client = await getTaxClient();
    const [result] = await client.GetRateAsync({ zip: req.query.zip });
    res.json(result);
  } catch (err) {
    next(err);
  }
});

module.exports = router;
