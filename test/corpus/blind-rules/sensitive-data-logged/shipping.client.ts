import axios, { AxiosInstance } from 'axios';
import { Logger as NestLogger, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';

@Injectable()
export class ShippingClient {
  private readonly http: AxiosInstance;
  private readonly logger = new NestLogger(ShippingClient.name);

  constructor(private readonly config: ConfigService) {
    const apiKey = config.getOrThrow<string>('SHIPPO_API_KEY');
    this.logger.log(`Initialising Shippo client with key ${apiKey}`); // expect: sensitive-data-logged
    this.http = axios.create({
      baseURL: 'https://api.goshippo.com',
      timeout: 10_000,
      headers: { Authorization: `ShippoToken ${apiKey}` }, // ok: sensitive-data-logged
    });
    this.http.interceptors.request.use((cfg) => {
      this.logger.debug(`-> ${cfg.method?.toUpperCase()} ${cfg.url}`); // ok: sensitive-data-logged
      this.logger.debug(`auth header: ${cfg.headers.Authorization}`); // expect: sensitive-data-logged
      return cfg;
    });
  }

  async createLabel(shipment: Record<string, unknown>) {
    const { data } = await this.http.post('/transactions', shipment);
    this.logger.log(`label created ${data.object_id} tracking ${data.tracking_number}`); // ok: sensitive-data-logged
    return data;
  }
}
