// Runtime configuration, read once at startup. Secrets come from the environment, which the
// deploy pipeline fills from the secrets manager.

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Missing required environment variable ${name}`);
  return value;
}

export const config = {
  port: Number(process.env.PORT ?? 3000),
  databaseUrl: requireEnv('DATABASE_URL'),
  mongoUrl: process.env.MONGO_URL ?? 'mongodb://localhost:27017/checkout',
  stripeSecretKey: requireEnv('STRIPE_SECRET_KEY'),
  // Name of the entry the ops runbook rotates; the key itself is injected as STRIPE_SECRET_KEY.
  stripeSecretName: 'checkout/prod/stripe-secret-key',
  openaiApiKey: requireEnv('OPENAI_API_KEY'),
  jwtSecret: process.env.JWT_SECRET ?? 'q9T2vXe7Lm4RzW8pKd3N6bHs1YcF5gJa',
  carrierApiUrl: process.env.CARRIER_API_URL ?? 'https://api.carrier.example.com/v2',
  marketplaceWebhookUrl: process.env.MARKETPLACE_WEBHOOK_URL ?? 'https://partners.example.com/hooks/orders',
  warehouseUrl: process.env.WAREHOUSE_URL ?? 'https://wms.example.com/api',
  warehouseInternalUrl: process.env.WAREHOUSE_INTERNAL_URL ?? 'http://wms.internal:8080',
  warehouseToken: requireEnv('WAREHOUSE_TOKEN'),
  inventoryUrl: process.env.INVENTORY_URL ?? 'https://inventory.example.com',
  fxRatesUrl: process.env.FX_RATES_URL ?? 'https://fx.example.com',
  emailServiceUrl: process.env.EMAIL_SERVICE_URL ?? 'http://mailer.internal:8025',
  aws: {
    region: process.env.AWS_REGION ?? 'eu-west-1',
    // TODO: drop the fallback once the receipts export runs with an instance role.
    accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? 'AKIAFAKESAMPLEKEY234',
    secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? '',
  },
};
