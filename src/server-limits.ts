import { Server } from 'http';
import { AppConfig } from './config';

/** How often the server looks for requests past their time limits; a slow client is cut within this of its limit. */
const CONNECTIONS_CHECK_MS = 1000;

/**
 * Bounds what slow or idle clients can hold: the whole request (headers and body) must arrive within
 * HTTP_REQUEST_TIMEOUT_MS and its headers within HTTP_HEADERS_TIMEOUT_MS (else 408 and the
 * connection closes), an idle keep-alive connection closes after HTTP_KEEP_ALIVE_TIMEOUT_MS, and at
 * most HTTP_MAX_CONNECTIONS connections are open at once (further ones are refused until some close).
 * Set before listen(): Node starts its connection checks when the server starts listening.
 */
export function applyServerLimits(server: Server, limits: AppConfig['http']): void {
  server.requestTimeout = limits.requestTimeoutMs;
  server.headersTimeout = limits.headersTimeoutMs;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.maxConnections = limits.maxConnections;
  // A createServer() option that Node reads when listening starts; Nest creates the server for us.
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval = CONNECTIONS_CHECK_MS;
}
