import { NextFunction, Request, Response } from 'express';
import { EngineMetrics } from './engine-metrics';

/** Counts and times every request by route template (`/admin/accounts/:number`), never by raw path. */
export function httpMetricsMiddleware(metrics: EngineMetrics) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const stopTimer = metrics.httpDuration.startTimer();
    response.once('finish', () => {
      const labels = { method: request.method, route: routeTemplate(request), status: String(response.statusCode) };
      metrics.httpRequests.inc(labels);
      stopTimer(labels);
    });
    next();
  };
}

function routeTemplate(request: Request): string {
  const route = (request as Request & { route?: { path?: string } }).route?.path;
  return route ? `${request.baseUrl}${route}` : 'unmatched';
}
