export * from './app-config';
export * from './config.module';
export { ConfigError } from './environment';
export type { Role } from './environment';
