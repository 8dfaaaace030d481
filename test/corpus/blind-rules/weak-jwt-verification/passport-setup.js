const express = require('express');
const passport = require('passport');
const { Strategy: JwtStrategy, ExtractJwt } = require('passport-jwt');
const { expressjwt } = require('express-jwt');
const jwt = require('jsonwebtoken');
const User = require('../models/user');

passport.use(new JwtStrategy({ // ok: weak-jwt-verification
  jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
  secretOrKey: process.env.JWT_SECRET,
  algorithms: ['HS256'],
}, async (payload, done) => {
  const user = await User.findById(payload.sub);
  return done(null, user || false);
}));

passport.use('magic-link', new JwtStrategy({
  jwtFromRequest: ExtractJwt.fromUrlQueryParameter('token'),
  secretOrKey: process.env.MAGIC_LINK_SECRET,
  algorithms: ['HS256'],
  // relabelled (blind label on the call line): the finding is on the option itself
  ignoreExpiration: true, // expect: weak-jwt-verification
}, async (payload, done) => {
  const user = await User.findOne({ email: payload.email });
  return done(null, user || false);
}));

passport.use('mobile', new JwtStrategy({ // ok: weak-jwt-verification
  jwtFromRequest: ExtractJwt.fromHeader('x-mobile-token'),
  secretOrKey: process.env.MOBILE_SECRET,
}, async (payload, done) => done(null, await User.findById(payload.sub))));

const requireJwt = expressjwt({ secret: process.env.JWT_SECRET, algorithms: ['HS256'] }); // ok: weak-jwt-verification

function optionalUser(req, res, next) {
  const token = req.headers.authorization && req.headers.authorization.slice(7);
  if (!token) return next();
  jwt.verify(token, process.env.JWT_SECRET, { algorithms: ['HS256'] }, (err, payload) => { // ok: weak-jwt-verification
    if (!err) req.user = payload;
    next();
  });
}

function legacyApiToken(req, res, next) {
  try {
    req.client = jwt.verify(req.query.api_token, process.env.LEGACY_SECRET, { algorithms: ['HS256'], ignoreExpiration: process.env.ALLOW_STALE_TOKENS === '1' }); // ok: weak-jwt-verification
    next();
  } catch (e) {
    res.status(401).json({ error: 'invalid api token' });
  }
}

function requireOwner(req, res, next) {
  const claims = jwt.decode(req.headers.authorization.slice(7)); // expect: weak-jwt-verification
  if (!claims || claims.sub !== req.params.userId) {
    return res.status(403).json({ error: 'not your account' });
  }
  next();
}

const router = express.Router();

router.post('/password/reset', async (req, res) => {
  const { token, password } = req.body;
  let claims;
  try {
    claims = jwt.verify(token, process.env.RESET_SECRET); // expect: weak-jwt-verification
  } catch (e) {
    return res.status(400).json({ error: 'invalid or expired link' });
  }
  await User.updatePassword(claims.sub, password);
  res.status(204).end();
});

router.get('/me', requireJwt, (req, res) => res.json(req.auth));
router.get('/feed', optionalUser, (req, res) => res.json({ personalised: Boolean(req.user) }));
router.get('/legacy/export', legacyApiToken, (req, res) => res.json({ client: req.client.sub }));
router.put('/users/:userId', requireOwner, async (req, res) => res.json(await User.update(req.params.userId, req.body)));
router.get('/magic', passport.authenticate('magic-link', { session: false }), (req, res) => res.json(req.user));

module.exports = router;
