const jwt = require('jsonwebtoken');

class AuthService {
  constructor(secret) {
    this.secret = secret;
  }

  verify(token) {
    return jwt.verify(token, this.secret); // expect: weak-jwt-verification
  }

  verifyStrict(token) {
    return jwt.verify(token, this.secret, { algorithms: ['HS256'], clockTolerance: 5 }); // ok: weak-jwt-verification
  }

  verifyAsync(token) {
    return new Promise((resolve, reject) => {
      jwt.verify(token, this.secret, { maxAge: '1h' }, (err, payload) => (err ? reject(err) : resolve(payload))); // expect: weak-jwt-verification
    });
  }

  verifyAsyncStrict(token) {
    return new Promise((resolve, reject) => {
      jwt.verify(token, this.secret, { algorithms: ['HS256'] }, (err, payload) => (err ? reject(err) : resolve(payload))); // ok: weak-jwt-verification
    });
  }

  sign(user) {
    return jwt.sign({ sub: user.id, role: user.role }, this.secret, { expiresIn: '1h' }); // ok: weak-jwt-verification
  }

  isOwner(token, resource) {
    const payload = jwt.decode(token); // expect: weak-jwt-verification
    return payload.sub === resource.ownerId;
  }

  subjectForLog(token) {
    const payload = jwt.decode(token); // ok: weak-jwt-verification
    return payload ? payload.sub : 'anonymous';
  }
}

module.exports = { AuthService };
