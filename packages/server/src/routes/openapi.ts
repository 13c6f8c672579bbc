import { buildOpenApiDocument } from '@smec/schemas/openapi';
import type { FastifyInstance } from 'fastify';
import { SERVER_VERSION } from './health.js';

export function openApiRoutes(app: FastifyInstance): void {
  // The document depends only on the server URL clients reach us by; build it once per URL.
  const documents = new Map<string, string>();
  app.get('/openapi.json', async (request, reply) => {
    const serverUrl = `${request.protocol}://${request.host}/api/v1`;
    let document = documents.get(serverUrl);
    if (document === undefined) {
      document = JSON.stringify(buildOpenApiDocument({ serverUrl, version: SERVER_VERSION }));
      if (documents.size < 16) documents.set(serverUrl, document);
    }
    return reply.header('cache-control', 'public, max-age=300').type('application/json; charset=utf-8').send(document);
  });
}
