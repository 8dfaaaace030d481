// @ts-nocheck
import mysql from 'mysql2';

const connection = mysql.createConnection({ host: 'db', user: 'reporting', database: 'analytics' });

export function pageViews(path: string, cb: (err: Error | null, rows?: unknown[]) => void) {
  connection.query(`SELECT count(*) AS views FROM page_views WHERE path = '${path}'`, (err, rows) => cb(err, rows)); // expect: sql-injection
}

export function pageViewsSafe(path: string, cb: (err: Error | null, rows?: unknown[]) => void) {
  connection.query('SELECT count(*) AS views FROM page_views WHERE path = ?', [path], (err, rows) => cb(err, rows)); // ok: sql-injection
}

export function pageViewsEscaped(path: string, cb: (err: Error | null, rows?: unknown[]) => void) {
  connection.query({ sql: 'SELECT * FROM page_views WHERE path = ?', values: [path] }, cb); // ok: sql-injection
}
