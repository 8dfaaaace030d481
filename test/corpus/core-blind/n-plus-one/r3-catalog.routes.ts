// Fastify catalog routes on Mongoose
import Fastify, { type FastifyInstance } from 'fastify';
import mongoose, { Schema, model } from 'mongoose';

const productSchema = new Schema({ sku: String, stock: Number, categoryId: Schema.Types.ObjectId });
const Product = model('Product', productSchema);
const Category = mongoose.model('Category', new Schema({ name: String }));
const Review = mongoose.model('Review', new Schema({ productId: Schema.Types.ObjectId, stars: Number, text: String }));

type StockDelta = { sku: string; delta: number };

export async function build(): Promise<FastifyInstance> {
  const app = Fastify({ logger: true });
  await mongoose.connect(process.env.MONGO_URL!);

  app.get('/products', async () => {
    const products = await Product.find({}).limit(50).lean();
    return Promise.all(
      products.map(async (p) => {
        const category = await Category.findById(p.categoryId).lean(); // expect: n-plus-one
        return { ...p, category };
      }),
    );
  });

  app.get('/products/fast', async () => {
    const products = await Product.find({}).limit(50).lean();
    const cats = await Category.find({ _id: { $in: products.map((p) => p.categoryId) } }).lean(); // ok: n-plus-one
    const byId = new Map(cats.map((c) => [String(c._id), c]));
    return products.map((p) => ({ ...p, category: byId.get(String(p.categoryId)) })); // ok: n-plus-one
  });

  app.post<{ Body: StockDelta[] }>('/stock', async (req) => {
    for (const { sku, delta } of req.body) {
      await Product.updateOne({ sku }, { $inc: { stock: delta } }); // expect: n-plus-one
    }
    return { ok: true };
  });

  app.post<{ Body: StockDelta[] }>('/stock/bulk', async (req) => {
    await Product.bulkWrite( // ok: n-plus-one
      req.body.map(({ sku, delta }) => ({ updateOne: { filter: { sku }, update: { $inc: { stock: delta } } } })),
    );
    return { ok: true };
  });

  app.post<{ Body: Array<{ productId: string; stars: number; text: string }> }>('/reviews', async (req) => {
    const docs = req.body.map((r) => new Review(r)); // ok: n-plus-one
    await Review.insertMany(docs); // ok: n-plus-one
    return { inserted: docs.length };
  });

  app.get<{ Querystring: { ids: string } }>('/dashboard', async (req) => {
    const out: unknown[] = [];
    for (const id of req.query.ids.split(',')) {
      const [product, reviews] = [await Product.findById(id).lean(), await Review.find({ productId: id }).lean()]; // expect: n-plus-one x2
      out.push({ product, reviews });
    }
    return out;
  });

  app.get<{ Querystring: { ids: string } }>('/category-names', async (req) => {
    const names: string[] = [];
    for (const id of req.query.ids.split(',')) {
      names.push((await Category.findById(id).select('name').lean())?.name ?? 'n/a'); // expect: n-plus-one
    }
    return names;
  });

  app.get('/low-stock', async () => {
    const low = await Product.find({ stock: { $lt: 5 } }).lean();
    const skus: string[] = [];
    for (const p of low) {
      if (p.sku) skus.push(p.sku.toUpperCase()); // ok: n-plus-one
    }
    return skus;
  });

  return app;
}
