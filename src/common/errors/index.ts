export * from './app-error';
export * from './error-catalogue';
export * from './error-code';
export * from './db-errors';
export * from './command-item-error';
export * from './transient-errors';
