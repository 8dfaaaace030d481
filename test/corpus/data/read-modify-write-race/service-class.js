const { Op } = require('sequelize');
const { Product, Coupon } = require('../models');

class CheckoutService {
  constructor(prisma) {
    this.prisma = prisma;
  }

  async redeem(code) {
    const coupon = await Coupon.findOne({ where: { code } });
    if (coupon.uses >= coupon.maxUses) throw new Error('exhausted');
    coupon.uses += 1;
    await coupon.save(); // expect: read-modify-write-race
  }

  async redeemAtomic(code) {
    const [n] = await Coupon.update({ uses: Coupon.sequelize.literal('uses + 1') }, { where: { code, uses: { [Op.lt]: 100 } } }); // ok: read-modify-write-race
    return n;
  }

  async restock(id, qty) {
    const product = await Product.findByPk(id);
    product.stock += qty;
    product.restockedAt = new Date();
    return product.save(); // expect: read-modify-write-race
  }

  async restockIncrement(id, qty) {
    await Product.increment({ stock: qty }, { where: { id } }); // ok: read-modify-write-race
  }

  async restockVersioned(id, qty) {
    // Sequelize models defined with `version: true` make save() an optimistic-locked write, but that is
    // invisible at the call site; a visible version condition is what counts here.
    const product = await Product.findByPk(id);
    const [n] = await Product.update({ stock: product.stock + qty, version: product.version + 1 }, { where: { id, version: product.version } }); // ok: read-modify-write-race
    if (n === 0) throw new Error('retry');
  }
}

module.exports = { CheckoutService };
