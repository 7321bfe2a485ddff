/** pending: to be sent (or retried); delivered: a 2xx answer; dead: failed for the whole retry window, or its subscription is off. */
export const DELIVERY_STATES = ['pending', 'delivered', 'dead'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];
