// @ts-nocheck
import { Pool } from 'pg';
import mysql from 'mysql2/promise';
import { Sequelize } from 'sequelize';
import { DataSource } from 'typeorm';
import mongoose from 'mongoose';
import Redis from 'ioredis';
import fs from 'node:fs';

export const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  ssl: { rejectUnauthorized: false }, // expect: tls-verification-disabled
});

export const pinnedPool = new Pool({
  connectionString: process.env.DATABASE_URL,
  ssl: { ca: fs.readFileSync('/etc/ssl/rds-ca.pem', 'utf8'), rejectUnauthorized: true }, // ok: tls-verification-disabled
});

export const simpleSsl = new Pool({ connectionString: process.env.DATABASE_URL, ssl: true }); // ok: tls-verification-disabled

export const mysqlPool = mysql.createPool({ host: 'db', ssl: { rejectUnauthorized: false } }); // expect: tls-verification-disabled

export const sequelize = new Sequelize(process.env.DATABASE_URL!, {
  dialect: 'postgres',
  dialectOptions: { ssl: { require: true, rejectUnauthorized: false } }, // expect: tls-verification-disabled
});

export const dataSource = new DataSource({
  type: 'postgres',
  url: process.env.DATABASE_URL,
  ssl: process.env.DB_SSL === 'true' ? { rejectUnauthorized: false } : false, // expect: tls-verification-disabled
});

export async function connectMongo() {
  await mongoose.connect(process.env.MONGO_URL!, { tls: true, tlsAllowInvalidCertificates: false }); // ok: tls-verification-disabled
}

export const redis = new Redis(process.env.REDIS_URL!, { tls: { rejectUnauthorized: false } }); // expect: tls-verification-disabled
export const redisVerified = new Redis(process.env.REDIS_URL!, { tls: { servername: 'cache.internal' } }); // ok: tls-verification-disabled
