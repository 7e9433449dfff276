import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { context, SpanStatusCode, trace } from '@opentelemetry/api';
import { Observable, finalize, tap } from 'rxjs';
import { tracingActive } from './tracing';

const tracer = trace.getTracer('dandang-api-handlers');

/**
 * A span per Nest handler (`CasesController.register`), inside the request's HTTP span and around the Temporal calls
 * it makes. Written here because OpenTelemetry's Nest instrumentation supports Nest up to 10 only. Without tracing
 * the handler runs untouched.
 */
@Injectable()
export class HandlerSpans implements NestInterceptor {
  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (!tracingActive()) return next.handle();
    const controller = execution.getClass().name;
    const handler = execution.getHandler().name;
    return new Observable((subscriber) => {
      const span = tracer.startSpan(`${controller}.${handler}`, { attributes: { 'nest.controller': controller, 'nest.handler': handler } });
      // Subscribing runs the handler: inside the span's context, so its async work and Temporal calls are its children.
      return context.with(trace.setSpan(context.active(), span), () =>
        next
          .handle()
          .pipe(
            tap({ error: (e: unknown) => span.setStatus({ code: SpanStatusCode.ERROR, message: e instanceof Error ? e.name : 'error' }) }),
            finalize(() => span.end()),
          )
          .subscribe(subscriber),
      );
    });
  }
}
