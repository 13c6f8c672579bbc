import type { HttpClient } from '../http.js';

/** The base of the resource classes: they share the client's HTTP core. */
export abstract class Resource {
  /** @hidden The client's HTTP core. */
  protected readonly http: HttpClient;

  /** @internal Resources are made by `createClient`. */
  constructor(http: HttpClient) {
    this.http = http;
  }
}
