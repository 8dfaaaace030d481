const jwt = require('jsonwebtoken');
const { verify, decode } = require('jsonwebtoken');
const fs = require('fs');

const PUBLIC_KEY = fs.readFileSync('/etc/keys/jwt.pub');

function verifyAccessToken(token) {
  return jwt.verify(token, PUBLIC_KEY); // expect: weak-jwt-verification
}

function verifyAccessTokenPinned(token) {
  return jwt.verify(token, PUBLIC_KEY, { algorithms: ['RS256'] }); // ok: weak-jwt-verification
}

function verifyRefreshToken(token) {
  return verify(token, process.env.REFRESH_SECRET); // expect: weak-jwt-verification
}

function verifyRefreshTokenPinned(token) {
  return verify(token, process.env.REFRESH_SECRET, { algorithms: ['HS256'], maxAge: '7d' }); // ok: weak-jwt-verification
}

function isAdmin(req) {
  const claims = decode(req.headers.authorization.split(' ')[1]); // expect: weak-jwt-verification
  return claims && claims.role === 'admin';
}

function tokenExpiresAt(token) {
  const { exp } = jwt.decode(token); // ok: weak-jwt-verification
  return new Date(exp * 1000);
}

function verifyLegacy(token) {
  return jwt.verify(token, PUBLIC_KEY, { algorithms: ['none'] }); // expect: weak-jwt-verification
}

module.exports = { verifyAccessToken, verifyAccessTokenPinned, verifyRefreshToken, verifyRefreshTokenPinned, isAdmin, tokenExpiresAt, verifyLegacy };
