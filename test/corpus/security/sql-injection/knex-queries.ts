// @ts-nocheck
import knex from 'knex';

const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });

export async function tagsFor(postId: string) {
  return db.raw(`SELECT tag FROM post_tags WHERE post_id = ${postId}`); // expect: sql-injection
}

export async function tagsForSafe(postId: string) {
  return db.raw('SELECT tag FROM post_tags WHERE post_id = ?', [postId]); // ok: sql-injection
}

export async function tagsNamed(postId: string) {
  return db.raw('SELECT tag FROM post_tags WHERE post_id = :postId', { postId }); // ok: sql-injection
}

export async function sortedPosts(column: string) {
  return db.raw('SELECT * FROM posts ORDER BY ' + column); // expect: sql-injection
}

export async function sortedPostsSafe(column: string) {
  return db.raw('SELECT * FROM posts ORDER BY ??', [column]); // ok: sql-injection
}

export async function postsByAuthor(author: string) {
  return db('posts').where({ author }).select('id', 'title'); // ok: sql-injection
}

export async function postsMatching(title: string) {
  // senior-engineer label: whereRaw is knex's raw-SQL fragment API
  return db('posts').whereRaw(`title LIKE '%${title}%'`); // expect: sql-injection
}

export async function postsMatchingSafe(title: string) {
  return db('posts').whereRaw('title LIKE ?', [`%${title}%`]); // ok: sql-injection
}

export async function now() {
  return db.raw('select now()'); // ok: sql-injection
}
