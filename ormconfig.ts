import { DataSource } from 'typeorm';
import { loadConfig } from './src/config';
import { dataSourceOptions } from './src/database/data-source-options';

/** The DataSource of the TypeORM CLI (npm run migration:run | migration:revert | migration:generate). */
export default new DataSource({ ...dataSourceOptions(loadConfig()), migrations: ['src/database/migrations/*-*.ts'] });
