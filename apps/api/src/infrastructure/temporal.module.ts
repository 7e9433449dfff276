import { Global, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { sealedDataConverter } from '@dandang/sealing';
import { ApiConfig } from './api-config';
import { CaseWorkflowClient } from './case-workflow.client';
import { temporalClientInterceptors } from '../observability/temporal-interceptors';

@Injectable()
class ConnectionCloser implements OnApplicationShutdown {
  constructor(private readonly connection: Connection) {}
  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}

/** One Temporal connection and client for the API process. */
@Global()
@Module({
  providers: [
    {
      provide: Connection,
      inject: [ApiConfig],
      useFactory: (config: ApiConfig) => Connection.connect({ address: config.values.temporal.address, tls: config.values.temporal.tls }),
    },
    {
      provide: Client,
      inject: [Connection, ApiConfig],
      // Payloads sealed with the worker's keys: Temporal stores no case content in plaintext.
      useFactory: (connection: Connection, config: ApiConfig) =>
        new Client({
          connection,
          namespace: config.values.temporal.namespace,
          dataConverter: sealedDataConverter(config.values.masterKeys),
          // The request id (and trace context, when tracing) in the headers of Updates and starts.
          interceptors: { workflow: temporalClientInterceptors(config.values.otlpEndpoint !== undefined) },
        }),
    },
    CaseWorkflowClient,
    ConnectionCloser,
  ],
  exports: [Connection, Client, CaseWorkflowClient],
})
export class TemporalModule {}
