// @ts-nocheck
import Database from 'better-sqlite3';
import mongoose from 'mongoose';
import { execa } from 'execa';

const db = new Database('app.db');
const User = mongoose.model('User', new mongoose.Schema({ name: String }));

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseDate(input: string) {
  const m = DATE_RE.exec(input); // ok: command-injection
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
}

export function tokens(line: string) {
  const re = new RegExp(`\\b${line.slice(0, 3)}\\w+`, 'g');
  const out: string[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(line)) !== null) out.push(m[0]); // ok: command-injection
  return out;
}

export function migrate(schemaSql: string) {
  db.exec(schemaSql); // ok: command-injection
}

export async function findUsers(name: string) {
  return User.find({ name }).exec(); // ok: command-injection
}

export async function lintFile(file: string) {
  return execa('eslint', [file]); // ok: command-injection
}

function exec(query: string) {
  return fetch(`https://runner.internal/run?q=${encodeURIComponent(query)}`);
}

export function runRemote(query: string) {
  return exec(`SELECT ${query}`); // ok: command-injection
}

export function spawnWorker(script: string) {
  const { Worker } = require('worker_threads');
  return new Worker(script); // ok: command-injection
}
