import Hapi from '@hapi/hapi';
import type { Request, ResponseToolkit } from '@hapi/hapi';
import { cache } from './cache';

export const diagnosticsPlugin: Hapi.Plugin<Record<string, never>> = {
  name: 'diagnostics',
  register: async (server: Hapi.Server) => {
    server.route({
      method: 'GET',
      path: '/_diag/env',
      handler: (_request: Request, h: ResponseToolkit) => h.response(process.env).code(200), // expect: environment-exposure
    });

    server.route({
      method: 'GET',
      path: '/_diag/mode',
      handler: (_request: Request, h: ResponseToolkit) => h.response({ env: process.env.NODE_ENV }), // ok: environment-exposure
    });

    server.log(['diagnostics', 'startup'], process.env); // expect: environment-exposure
    server.log(['diagnostics', 'startup'], `node ${process.version} env=${process.env.NODE_ENV}`); // ok: environment-exposure
    await cache.set('boot-env', process.env); // ok: environment-exposure
  },
};
