/**
 * A small typed client of one Werkdesk service, as a caseworker front-end would write it: plain fetch, and every
 * path, parameter, request body and response body typed from the service's OpenAPI document (the types
 * openapi-typescript generates into ./generated). A path the document does not have, a body it would refuse or a
 * field read without minding that it may be null does not compile.
 */
import { randomUUID } from "node:crypto";

/** Problem details (RFC 9457), the body of every 4xx and 5xx answer. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  invalidParams?: { name: string; reason: string }[];
}

/** An answer other than 2xx, with its problem details. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
    readonly retryAfterSeconds: number | null,
  ) {
    super(`${status} ${problem.title}: ${problem.detail}`);
  }
}

/** A 2xx answer: the body the document promises, and the headers a client acts on. */
export interface Answer<T> {
  status: number;
  body: T;
  apiVersion: string | null;
  etag: string | null;
  location: string | null;
}

type Method = "get" | "post";
type Success = 200 | 201 | 202;

/** The paths of a document that have this method. */
export type PathsWith<Paths, M extends Method> = {
  [P in keyof Paths]: Paths[P] extends Record<M, object> ? P : never;
}[keyof Paths] & string;

type OperationOf<Paths, P extends keyof Paths, M extends Method> = Paths[P] extends Record<M, infer O> ? O : never;
type JsonOf<R> = R extends { content: { "application/json": infer B } } ? B : never;

/** The JSON body of the operation's successes. */
export type ResponseBody<O> = O extends { responses: infer R } ? JsonOf<R[keyof R & Success]> : never;
/** The JSON body the operation takes. */
export type RequestBody<O> = O extends { requestBody: { content: { "application/json": infer B } } } ? B : never;

type PathParameters<O> = O extends { parameters: { path: infer A } } ? A : never;
type QueryParameters<O> = O extends { parameters: { query?: infer Q } } ? Q : never;

/** The path parameters an operation needs (none: none may be given), and its optional query parameters. */
export type Parameters<O> = ([PathParameters<O>] extends [never] ? { path?: never } : { path: PathParameters<O> }) &
  ([QueryParameters<O>] extends [never] ? { query?: never } : { query?: QueryParameters<O> });

export class ServiceClient<Paths> {
  /**
   * @param baseUrl the service's origin, e.g. http://localhost:8081 (the documents' paths are below /api/v1)
   * @param token a bearer token with the role the operations need
   */
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  get<P extends PathsWith<Paths, "get">>(
    path: P,
    parameters: Parameters<OperationOf<Paths, P, "get">>,
  ): Promise<Answer<ResponseBody<OperationOf<Paths, P, "get">>>> {
    return this.send("GET", path, parameters, undefined, undefined);
  }

  /** A command; the Idempotency-Key makes a retry after a lost answer safe. */
  post<P extends PathsWith<Paths, "post">>(
    path: P,
    parameters: Parameters<OperationOf<Paths, P, "post">>,
    body: RequestBody<OperationOf<Paths, P, "post">>,
    idempotencyKey: string = randomUUID(),
  ): Promise<Answer<ResponseBody<OperationOf<Paths, P, "post">>>> {
    return this.send("POST", path, parameters, body, idempotencyKey);
  }

  private async send<T>(
    method: "GET" | "POST",
    template: string,
    parameters: { path?: unknown; query?: unknown },
    body: unknown,
    idempotencyKey: string | undefined,
  ): Promise<Answer<T>> {
    let path = template;
    for (const [name, value] of Object.entries((parameters.path ?? {}) as Record<string, unknown>)) {
      path = path.replace(`{${name}}`, encodeURIComponent(String(value)));
    }
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries((parameters.query ?? {}) as Record<string, unknown>)) {
      if (value !== undefined && value !== null) {
        query.set(name, String(value));
      }
    }
    const url = `${this.baseUrl}/api/v1${path}${query.size > 0 ? `?${query}` : ""}`;
    const headers: Record<string, string> = { Accept: "application/json", Authorization: `Bearer ${this.token}` };
    if (body !== undefined) {
      headers["Content-Type"] = "application/json";
    }
    if (idempotencyKey !== undefined) {
      headers["Idempotency-Key"] = idempotencyKey;
    }
    const response = await fetch(url, { method, headers, body: body === undefined ? null : JSON.stringify(body) });
    const text = await response.text();
    if (!response.ok) {
      const problem = text.length > 0 ? (JSON.parse(text) as Problem) : { type: "about:blank", title: response.statusText, status: response.status, detail: "" };
      const retryAfter = response.headers.get("Retry-After");
      throw new ProblemError(response.status, problem, retryAfter === null ? null : Number(retryAfter));
    }
    return {
      status: response.status,
      body: JSON.parse(text) as T,
      apiVersion: response.headers.get("API-Version"),
      etag: response.headers.get("ETag"),
      location: response.headers.get("Location"),
    };
  }
}
