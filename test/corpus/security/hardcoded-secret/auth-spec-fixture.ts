// corpus-path: src/auth/__tests__/auth.service.test.ts
// @ts-nocheck
import { describe, it, expect } from 'vitest';
import { AuthService } from '../auth.service';

const TEST_JWT_SECRET = 'B5kBh0fzK4xDXkiadJjPZ6zfKN7xVGkj'; // ok: hardcoded-secret

describe('AuthService', () => {
  it('signs and verifies', () => {
    const svc = new AuthService({ jwtSecret: TEST_JWT_SECRET, apiKey: 'f1adbc60926f6967e7893f57fd14c160' }); // ok: hardcoded-secret
    expect(svc.verify(svc.sign({ sub: '1' })).sub).toBe('1');
  });
});
