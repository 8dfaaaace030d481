// @ts-nocheck
import jwt from 'jsonwebtoken';
import jwksRsa from 'jwks-rsa';
import { promisify } from 'node:util';
import { NextRequest, NextResponse } from 'next/server';
import { Server } from 'socket.io';
import { ApolloServer } from '@apollo/server';

const client = jwksRsa({ jwksUri: 'https://auth.example.com/.well-known/jwks.json' });

function getKey(header, callback) {
  client.getSigningKey(header.kid, (err, key) => callback(err, key?.getPublicKey()));
}

export function verifyWithKeyLookup(token: string) {
  return new Promise((resolve, reject) => {
    jwt.verify(token, getKey, (err, decoded) => (err ? reject(err) : resolve(decoded))); // expect: weak-jwt-verification
  });
}

export function verifyWithKeyLookupPinned(token: string) {
  return new Promise((resolve, reject) => {
    jwt.verify(token, getKey, { algorithms: ['RS256'] }, (err, decoded) => (err ? reject(err) : resolve(decoded))); // ok: weak-jwt-verification
  });
}

const ALLOWED_ALGORITHMS = ['RS256', 'none'];

export function verifyWithConstantList(token: string, key: string) {
  return jwt.verify(token, key, { algorithms: ALLOWED_ALGORITHMS }); // expect: weak-jwt-verification
}

const PINNED = ['RS256'];

export function verifyWithPinnedList(token: string, key: string) {
  return jwt.verify(token, key, { algorithms: PINNED }); // ok: weak-jwt-verification
}

export function verifyLenientNoAlgorithms(token: string, key: string) {
  return jwt.verify(token, key, { ignoreExpiration: true }); // expect: weak-jwt-verification
}

export function verifyCallbackLenient(token: string, key: string, done: (e: unknown, p?: unknown) => void) {
  jwt.verify(token, key, { algorithms: ['HS256'], ignoreExpiration: true }, done); // expect: weak-jwt-verification
}

export async function middleware(req: NextRequest) {
  const token = req.cookies.get('session')?.value;
  const payload = token ? jwt.decode(token) : null; // expect: weak-jwt-verification
  if (!payload) return NextResponse.redirect(new URL('/login', req.url));
  return NextResponse.next();
}

export async function GET(req: NextRequest) {
  const token = req.headers.get('authorization')?.slice(7) ?? '';
  const user = jwt.verify(token, process.env.JWT_SECRET!); // expect: weak-jwt-verification
  return NextResponse.json({ user });
}

export function attachSocketAuth(io: Server) {
  io.use((socket, next) => {
    try {
      socket.data.user = jwt.verify(socket.handshake.auth.token, process.env.JWT_SECRET!); // expect: weak-jwt-verification
      next();
    } catch (err) {
      next(err as Error);
    }
  });
}

export const apollo = new ApolloServer({ typeDefs: 'type Query { me: String }', resolvers: {} });
export const context = async ({ req }) => ({
  user: jwt.decode(req.headers.authorization?.replace('Bearer ', '') ?? ''), // expect: weak-jwt-verification
});

export const contextVerified = async ({ req }) => ({
  user: jwt.verify(req.headers.authorization?.replace('Bearer ', '') ?? '', process.env.JWT_SECRET!, { algorithms: ['HS256'] }), // ok: weak-jwt-verification
});

const verifyAsync = promisify(jwt.verify);

export async function verifyPromisified(token: string) {
  // senior-engineer label: the promisified verify still runs with no options, so no algorithm pinning
  return verifyAsync(token, process.env.JWT_SECRET!); // expect: weak-jwt-verification
}

export function verifyWithSpreadOptions(token: string, base: object) {
  return jwt.verify(token, process.env.JWT_SECRET!, { ...base }); // ok: weak-jwt-verification
}

export function tokenKind(token: string) {
  const decoded = jwt.decode(token, { complete: true }); // ok: weak-jwt-verification
  return decoded?.header.typ ?? 'unknown';
}
