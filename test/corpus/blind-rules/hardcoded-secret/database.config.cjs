// corpus-path: src/config/database.config.cjs
const { Sequelize } = require('sequelize');
const mongoose = require('mongoose');
const Redis = require('ioredis');
const { BlobServiceClient } = require('@azure/storage-blob');
const bcrypt = require('bcryptjs');

const env = process.env.NODE_ENV || 'development';

const knexConfig = {
  development: {
    client: 'pg',
    connection: 'postgres://postgres:postgres@localhost:5432/app_dev', // ok: hardcoded-secret
  },
  test: {
    client: 'pg',
    connection: { host: 'localhost', user: 'app', password: 'app', database: 'app_test' }, // ok: hardcoded-secret
  },
  production: {
    client: 'pg',
    connection: {
      host: 'billing-prod.cluster-abc123.eu-west-1.rds.amazonaws.com', // ok: hardcoded-secret
      user: 'billing_app',
      password: 'n8Qv2Lr7Xw4Zp9Km3Bt6Hy1Jc5', // expect: hardcoded-secret
      database: 'billing',
    },
  },
};

const sequelize = new Sequelize('reporting', 'reporter', process.env.REPORTING_DB_PASSWORD, { // ok: hardcoded-secret
  host: process.env.REPORTING_DB_HOST,
  dialect: 'postgres',
});

const dbPassword = 'Tr0ub4dorXk9mLq2WzPv7Hs3'; // expect: hardcoded-secret
const analytics = new Sequelize('analytics', 'analytics_ro', dbPassword, { host: 'analytics.internal', dialect: 'mysql' });

mongoose.connect('mongodb://localhost:27017/app_dev', { user: 'root', pass: 'example' }); // ok: hardcoded-secret

const redis = new Redis({
  host: 'cache.internal',
  port: 6379,
  password: '', // ok: hardcoded-secret
});

// Azure storage account key inside a connection string.
const AZURE_STORAGE_CONNECTION_STRING = 'DefaultEndpointsProtocol=https;AccountName=acmeexports;AccountKey=Qw3Er4Ty5Ui6Op7As8Df9Gh0Jk1Lz2Xc3Vb4Nm5Mn6Bv7Cx8Zl9Kj0Hg1Fd2Sa3PqWeRtYuIoPaSdFgHjKlZxC==;EndpointSuffix=core.windows.net'; // expect: hardcoded-secret
const blobs = BlobServiceClient.fromConnectionString(AZURE_STORAGE_CONNECTION_STRING);

// Seed data for the staging admin user: a bcrypt hash, not a usable credential.
const seedAdmin = {
  email: 'admin@acme.io',
  passwordHash: '$2b$12$Zq8uWm3rTy5Kp1Lx7Nv9OeB4cD6fG2hJ0kL8mN3pQ5rS7tU9vW1xY', // ok: hardcoded-secret
  password: 'password', // ok: hardcoded-secret
};

async function seedStagingAdmin(User) {
  const hash = seedAdmin.passwordHash || (await bcrypt.hash(seedAdmin.password, 12));
  return User.upsert({ email: seedAdmin.email, passwordHash: hash });
}

module.exports = { knexConfig: knexConfig[env], sequelize, analytics, redis, blobs, seedStagingAdmin };
