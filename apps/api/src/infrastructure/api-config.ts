import type { AppConfig } from '@dandang/config';

/** The validated configuration, as a DI token of its own class. */
export class ApiConfig {
  constructor(readonly values: AppConfig) {}
}
