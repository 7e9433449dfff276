/** Field-level problem, as the API's 400 answers name them (`subject.name`, `reason`, ...). */
export interface FieldProblem {
  field: string;
  message: string;
}

/** An error answer of the API: its status, stable reason, readable message and fields at fault. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    message: string,
    readonly fields: FieldProblem[] = [],
  ) {
    super(message);
  }
}

type TokenSource = () => string | null;
let tokenSource: TokenSource = () => null;
let onUnauthorized: () => void = () => undefined;

/** The session's bearer token, for a request `api` cannot make (a streamed download, api/download.ts). */
export const bearerToken = (): string | null => tokenSource();

/** Wires the session in: where the bearer token comes from, and what a 401 does. */
export function configureApi(source: TokenSource, unauthorized: () => void): void {
  tokenSource = source;
  onUnauthorized = unauthorized;
}

export interface RequestOptions {
  method?: 'GET' | 'POST';
  body?: unknown;
  signal?: AbortSignal;
  /** A 401 here is an answer (the login form), not an expired session. */
  anonymous?: boolean;
  /** Sent with this token instead of the session's, and a 401 is an answer (signing out a session already cleared). */
  bearer?: string;
  /** Sent as Idempotency-Key: a retry with the same key is never applied twice (useSubmissionKey). */
  idempotencyKey?: string;
}

/** What the officer reads when a submission did not go through for now: what to do, never a header to send. */
const RETRY_LATER = '暂时无法完成，请稍后再提交一次；重复提交不会重复办理 (not done for now: submit again later; it will not be done twice)';

/** Calls `/api${path}` and returns its JSON; throws ApiError for any non-2xx answer. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = options.bearer ?? (options.anonymous ? null : tokenSource());
  if (token) headers.Authorization = `Bearer ${token}`;
  // A FormData body (an upload) sets its own multipart Content-Type with the boundary.
  const form = typeof FormData !== 'undefined' && options.body instanceof FormData;
  if (options.body !== undefined && !form) headers['Content-Type'] = 'application/json';
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : form ? (options.body as FormData) : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK', RETRY_LATER);
  }
  const text = await response.text();
  const json: unknown = text ? safeParse(text) : undefined;
  if (!response.ok) {
    const body = (json ?? {}) as { reason?: string; message?: string; fields?: FieldProblem[] };
    if (response.status === 401 && !options.anonymous && !options.bearer) onUnauthorized();
    const message = response.status === 503 ? RETRY_LATER : (body.message ?? response.statusText);
    throw new ApiError(response.status, body.reason ?? 'ERROR', message, body.fields ?? []);
  }
  return json as T;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** `?a=1&b=x` from the defined, non-empty entries. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}

/** A file the API answers with (a generated document, a template): its bytes and the name the API gives it. */
export async function apiFile(path: string): Promise<{ blob: Blob; fileName: string }> {
  const token = tokenSource();
  let response: Response;
  try {
    response = await fetch(`/api${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  } catch {
    throw new ApiError(0, 'NETWORK', RETRY_LATER);
  }
  if (!response.ok) {
    const body = (safeParse(await response.text()) ?? {}) as { reason?: string; message?: string };
    if (response.status === 401) onUnauthorized();
    throw new ApiError(response.status, body.reason ?? 'ERROR', body.message ?? response.statusText);
  }
  const disposition = response.headers.get('Content-Disposition') ?? '';
  // filename* (RFC 5987) carries a Chinese name; filename= the plain one.
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const plain = /filename="([^"]+)"/i.exec(disposition)?.[1];
  return { blob: await response.blob(), fileName: encoded ? decodeURIComponent(encoded) : (plain ?? 'document') };
}

/**
 * Posts a FormData upload to `/api${path}` with its upload progress (fetch reports none, hence XMLHttpRequest);
 * answers and errors as `api` does.
 */
export function apiUpload<T>(path: string, form: FormData, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api${path}`);
    xhr.setRequestHeader('Accept', 'application/json');
    const token = tokenSource();
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', RETRY_LATER));
    xhr.onload = () => {
      const json: unknown = xhr.responseText ? safeParse(xhr.responseText) : undefined;
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(json as T);
        return;
      }
      const body = (json ?? {}) as { reason?: string; message?: string; fields?: FieldProblem[] };
      if (xhr.status === 401) onUnauthorized();
      const message = xhr.status === 503 ? RETRY_LATER : (body.message ?? xhr.statusText);
      reject(new ApiError(xhr.status, body.reason ?? 'ERROR', message, body.fields ?? []));
    };
    xhr.send(form);
  });
}
