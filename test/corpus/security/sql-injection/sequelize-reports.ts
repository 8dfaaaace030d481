// @ts-nocheck
import { Sequelize, QueryTypes } from 'sequelize';

const sequelize = new Sequelize(process.env.DATABASE_URL!);

export async function revenueByRegion(region: string) {
  return sequelize.query(`SELECT sum(total) FROM orders WHERE region = '${region}'`, { type: QueryTypes.SELECT }); // expect: sql-injection
}

export async function revenueByRegionSafe(region: string) {
  return sequelize.query('SELECT sum(total) FROM orders WHERE region = :region', { // ok: sql-injection
    replacements: { region },
    type: QueryTypes.SELECT,
  });
}

export async function revenueBind(region: string) {
  return sequelize.query('SELECT sum(total) FROM orders WHERE region = $1', { bind: [region], type: QueryTypes.SELECT }); // ok: sql-injection
}

export async function topCustomers(limit: string) {
  return sequelize.query('SELECT customer_id, sum(total) AS t FROM orders GROUP BY customer_id ORDER BY t DESC LIMIT ' + limit); // expect: sql-injection
}

export async function archive(year: number) {
  const sql = `DELETE FROM orders_archive WHERE year < ${year}`;
  await sequelize.query(sql); // expect: sql-injection
}

export async function healthCheck() {
  await sequelize.query('SELECT 1'); // ok: sql-injection
}
