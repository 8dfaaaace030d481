const express = require('express');
const { model, Schema } = require('mongoose');
const { requireAuth } = require('../middleware/auth');

const Product = model('Product', new Schema({
  name: String,
  price: Number,
  stock: Number,
  reserved: { type: Number, default: 0 },
  rating: { type: Number, default: 0 },
  ratingCount: { type: Number, default: 0 },
}));

const Cart = model('Cart', new Schema({
  userId: String,
  items: [{ productId: String, qty: Number }],
  total: { type: Number, default: 0 },
}));

const router = express.Router();

router.post('/products/:id/reserve', requireAuth, async (req, res, next) => {
  try {
    const qty = Number(req.body.qty);
    const product = await Product.findById(req.params.id);
    if (!product || product.stock < qty) return res.status(409).json({ error: 'out of stock' });
    product.stock -= qty;
    product.reserved += qty;
    await product.save(); // expect: read-modify-write-race
    res.json({ reserved: qty });
  } catch (err) {
    next(err);
  }
});

router.post('/carts/:cartId/recalculate', requireAuth, async (req, res, next) => {
  try {
    const cart = await Cart.findOne({ _id: req.params.cartId, userId: req.user.id });
    const product = await Product.findById(req.body.productId);
    cart.total = cart.total + product.price * Number(req.body.qty);
    await cart.save(); // expect: read-modify-write-race
    res.json(cart);
  } catch (err) {
    next(err);
  }
});

router.post('/products/:id/reviews', requireAuth, async (req, res, next) => {
  try {
    const stars = Number(req.body.stars);
    const product = await Product.findById(req.params.id);
    if (!product) return res.sendStatus(404);
    product.rating = (product.rating * product.ratingCount + stars) / (product.ratingCount + 1);
    product.ratingCount += 1;
    await product.save(); // expect: read-modify-write-race
    res.sendStatus(201);
  } catch (err) {
    next(err);
  }
});

router.post('/products/:id/reserve-atomic', requireAuth, async (req, res, next) => {
  try {
    const qty = Number(req.body.qty);
    const product = await Product.findById(req.params.id).lean();
    if (!product) return res.sendStatus(404);
    const result = await Product.updateOne({ _id: product._id, stock: { $gte: qty } }, { $inc: { stock: -qty, reserved: qty } }); // ok: read-modify-write-race
    if (result.modifiedCount === 0) return res.status(409).json({ error: 'out of stock' });
    res.json({ reserved: qty });
  } catch (err) {
    next(err);
  }
});

router.post('/carts/:cartId/items', requireAuth, async (req, res, next) => {
  try {
    const product = await Product.findById(req.body.productId);
    if (!product) return res.sendStatus(404);
    const qty = Number(req.body.qty);
    const cart = await Cart.findOneAndUpdate( // ok: read-modify-write-race
      { _id: req.params.cartId, userId: req.user.id },
      { $push: { items: { productId: String(product._id), qty } }, $inc: { total: product.price * qty } },
      { new: true },
    );
    res.json(cart);
  } catch (err) {
    next(err);
  }
});

router.put('/products/:id', requireAuth, async (req, res, next) => {
  try {
    const product = await Product.findById(req.params.id);
    if (!product) return res.sendStatus(404);
    product.set({ name: req.body.name, price: Number(req.body.price) });
    await product.save(); // ok: read-modify-write-race
    res.json(product);
  } catch (err) {
    next(err);
  }
});

router.post('/products/:id/restock', requireAuth, async (req, res, next) => {
  try {
    const product = await Product.findById(req.params.id);
    if (!product) return res.sendStatus(404);
    const result = await Product.updateOne({ _id: product._id, __v: product.__v }, { $set: { stock: product.stock + Number(req.body.qty) }, $inc: { __v: 1 } }); // ok: read-modify-write-race
    if (result.modifiedCount === 0) return res.status(409).json({ error: 'retry' });
    res.sendStatus(204);
  } catch (err) {
    next(err);
  }
});

router.get('/products/:id/availability', async (req, res, next) => {
  try {
    const product = await Product.findById(req.params.id).lean();
    if (!product) return res.sendStatus(404);
    product.stock -= product.reserved;
    res.json({ available: product.stock }); // ok: read-modify-write-race
  } catch (err) {
    next(err);
  }
});

module.exports = router;
