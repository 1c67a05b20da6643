import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';

/** An identity provider's key set, served over real HTTP as the gateway fetches it (GATEWAY_JWT_JWKS_URL). */
export interface JwksServer {
  url: string;
  close(): void;
}

export async function serveJwks(keys: object[]): Promise<JwksServer> {
  const server: Server = createServer((_, response) => {
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ keys }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`, close: () => server.close() };
}
