// @ts-nocheck
import express from 'express';
import { ApolloClient, InMemoryCache, gql } from '@apollo/client';
import { Pool } from 'pg';
import SQL from 'sql-template-strings';
import postgres from 'postgres';
import format from 'pg-format';

const app = express();
const apollo = new ApolloClient({ uri: 'https://api.example.com/graphql', cache: new InMemoryCache() });
const pool = new Pool();
const sql = postgres(process.env.DATABASE_URL!);

app.get('/search', (req, res) => {
  const term = String(req.query.q); // ok: sql-injection
  res.json({ term, page: req.query.page }); // ok: sql-injection
});

export async function userProfile(id: string) {
  return apollo.query({ query: gql`query Profile { user(id: "${id}") { name } }` }); // ok: sql-injection
}

export async function withSqlTag(id: string) {
  return pool.query(SQL`SELECT * FROM users WHERE id = ${id}`); // ok: sql-injection
}

export async function withPostgresJs(id: string) {
  return sql`SELECT * FROM users WHERE id = ${id}`; // ok: sql-injection
}

export async function withPgFormat(table: string) {
  return pool.query(format('SELECT * FROM %I', table)); // ok: sql-injection
}

export function describeQuery(id: string) {
  console.log(`running SELECT for user ${id}`); // ok: sql-injection
  return `SELECT * FROM users WHERE id = ${id}`; // ok: sql-injection
}

export function filterList(items: { name: string }[], needle: string) {
  const params = new URLSearchParams(`q=${needle}`); // ok: sql-injection
  return items.filter((i) => i.name.includes(params.get('q') ?? ''));
}

export function mediaQuery(width: number) {
  return window.matchMedia(`(max-width: ${width}px)`).matches; // ok: sql-injection
}

export function selectElement(id: string) {
  return document.querySelector(`#item-${id}`); // ok: sql-injection
}
