import { Injectable, Logger, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HttpModule } from '@nestjs/axios';
import { BullModule } from '@nestjs/bullmq';
import axios, { AxiosInstance } from 'axios';
import * as https from 'https';
import { Agent as HttpsAgent } from 'https';
import { readFileSync } from 'fs';

@Injectable()
export class PaymentsGatewayService {
  private readonly logger = new Logger(PaymentsGatewayService.name);
  private readonly client: AxiosInstance;
  private readonly sandboxClient: AxiosInstance;

  constructor(private readonly config: ConfigService) {
    this.client = axios.create({
      baseURL: config.get<string>('PAYMENTS_URL'),
      timeout: 5000,
      httpsAgent: new https.Agent({
        keepAlive: true,
        rejectUnauthorized: true, // ok: tls-verification-disabled
        ca: readFileSync(config.get<string>('PAYMENTS_CA_PATH') as string),
      }),
    });

    // sandbox uses a self-signed cert, TODO: fix before launch
    this.sandboxClient = axios.create({
      baseURL: config.get<string>('PAYMENTS_SANDBOX_URL'),
      httpsAgent: new https.Agent({ rejectUnauthorized: false }), // expect: tls-verification-disabled
    });
  }

  async refund(chargeId: string, amountCents: number) {
    const agent = new https.Agent({
      keepAlive: false,
      rejectUnauthorized: this.config.get<boolean>('PAYMENTS_VERIFY_TLS', true), // ok: tls-verification-disabled
    });
    const { data } = await this.client.post(
      `/charges/${chargeId}/refunds`,
      { amount: amountCents },
      { httpsAgent: agent },
    );
    this.logger.log(`refund ${data.id} created for charge ${chargeId}`);
    return data;
  }

  async fetchSettlementReport(date: string) {
    const { data } = await axios.get(`${this.config.get('SETTLEMENT_URL')}/reports/${date}`, {
      httpsAgent: new https.Agent({
        'rejectUnauthorized': false, // expect: tls-verification-disabled
      }),
      responseType: 'stream',
    });
    return data;
  }

  async fetchFxRates() {
    const fxAgent = new HttpsAgent({ keepAlive: true, rejectUnauthorized: false }); // expect: tls-verification-disabled
    const { data } = await axios.get(this.config.get<string>('FX_RATES_URL') as string, { httpsAgent: fxAgent });
    return data.rates as Record<string, number>;
  }

  async ping(): Promise<boolean> {
    const agent = new https.Agent();
    agent.options.rejectUnauthorized = false; // expect: tls-verification-disabled
    try {
      await this.sandboxClient.get('/health', { httpsAgent: agent, timeout: 1000 });
      return true;
    } catch (err) {
      this.logger.warn(`sandbox health check failed: ${(err as Error).message}`);
      return false;
    }
  }

  async assertAgentIsStrict(agent: https.Agent): Promise<void> {
    if (agent.options.rejectUnauthorized === false) { // ok: tls-verification-disabled
      throw new Error('payments agent must verify TLS certificates');
    }
  }
}

export function installLegacyGlobalAgent(): void {
  https.globalAgent.options.rejectUnauthorized = false; // expect: tls-verification-disabled
  axios.defaults.httpsAgent = new https.Agent({ rejectUnauthorized: false }); // expect: tls-verification-disabled
}

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true }),
    TypeOrmModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({
        type: 'postgres',
        url: config.get<string>('DATABASE_URL'),
        autoLoadEntities: true,
        synchronize: false,
        ssl: { rejectUnauthorized: false }, // expect: tls-verification-disabled
        extra: {
          ssl: {
            rejectUnauthorized: false, // expect: tls-verification-disabled
          },
        },
      }),
    }),
    TypeOrmModule.forRootAsync({
      name: 'audit',
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({
        type: 'postgres',
        url: config.get<string>('AUDIT_DATABASE_URL'),
        ssl: { ca: config.get<string>('AUDIT_DB_CA'), rejectUnauthorized: config.get('AUDIT_DB_VERIFY') !== 'false' }, // ok: tls-verification-disabled
      }),
    }),
    HttpModule.register({
      timeout: 5000,
      httpsAgent: new HttpsAgent({ rejectUnauthorized: false }), // expect: tls-verification-disabled
    }),
    BullModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({
        connection: {
          host: config.get<string>('REDIS_HOST'),
          port: 6380,
          tls: { rejectUnauthorized: true }, // ok: tls-verification-disabled
        },
      }),
    }),
  ],
})
export class AppModule {}
