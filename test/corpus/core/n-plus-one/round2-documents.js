// Second batch (written after the first measurement): documents loaded by one query, then written one by one.
const mongoose = require('mongoose');
const { Invoice } = require('../models');

const Post = mongoose.model('Post', new mongoose.Schema({ title: String, slug: String }));

async function reslug() {
  const posts = await Post.find({ slug: null });
  for (const post of posts) {
    post.slug = post.title.toLowerCase().replace(/\s+/g, '-');
    await post.save(); // expect: n-plus-one
  }
}

async function reslugBulk() {
  const posts = await Post.find({ slug: null });
  for (const post of posts) post.slug = post.title.toLowerCase(); // ok: n-plus-one
  await Post.bulkSave(posts); // ok: n-plus-one
}

async function voidOverdue() {
  const invoices = await Invoice.findAll({ where: { overdue: true } });
  await Promise.all(invoices.map((inv) => inv.update({ status: 'void' }))); // expect: n-plus-one
}

async function voidOverdueBulk() {
  await Invoice.update({ status: 'void' }, { where: { overdue: true } }); // ok: n-plus-one
}

module.exports = { reslug, reslugBulk, voidOverdue, voidOverdueBulk };
