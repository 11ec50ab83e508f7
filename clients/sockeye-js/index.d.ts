// Type declarations of sockeye.js, the modern client of the Iris event protocol.

/** Where a client is: "connecting" (first attempt), "open", "reconnecting" (lost, retrying) or "closed" (for good). */
export type ClientState = "connecting" | "open" | "reconnecting" | "closed";

/**
 * The states onState reports: every state but "connecting", the state a client starts in before
 * a handler can be added (a lost connection is "reconnecting").
 */
export type StateEvent = Exclude<ClientState, "connecting">;

/** The type digit of an event frame: 0 string, 1 number, 2 boolean, 3 bytes, 4 JSON. */
export type PayloadTypeDigit = 0 | 1 | 2 | 3 | 4;

/** Exponential backoff with jitter; every field is optional and defaults to `DEFAULTS.reconnect`. */
export interface ReconnectOptions {
  /** Milliseconds before the first attempt after a loss; at least 1. Default 1000. */
  initialDelay?: number;
  /** The longest delay in milliseconds; at least initialDelay. Default 30000. */
  maxDelay?: number;
  /** Growth of the delay per attempt; at least 1. Default 2. */
  multiplier?: number;
  /** The random fraction taken off each delay, 0 to 1. Default 0.5. */
  jitter?: number;
  /** Attempts in a row before giving up (closed); Infinity for no limit. Default Infinity. */
  maxAttempts?: number;
}

/** A WebSocket class: the browser's, or in Node 20 the `ws` package's. */
export interface WebSocketConstructor {
  new (url: string, protocols?: string | string[]): WebSocketLike;
}

/** The part of the WHATWG WebSocket that the client uses. */
export interface WebSocketLike {
  readonly readyState: number;
  binaryType: string;
  onopen: ((event: any) => void) | null;
  onmessage: ((event: any) => void) | null;
  onerror: ((event: any) => void) | null;
  onclose: ((event: any) => void) | null;
  send(data: string | ArrayBufferLike | ArrayBufferView): void;
  close(code?: number, reason?: string): void;
}

export interface ClientOptions {
  /** The server endpoint's event prefix. Default: the prefix the server rendered into the served file, else "iris-websocket-message:". */
  prefix?: string;
  /** Subprotocols to ask for. Default: none. */
  protocols?: string | string[];
  /** Milliseconds one connection attempt may take. Default 10000. */
  connectTimeout?: number;
  /** How many emits are kept while not connected; 0 disables buffering. Default 100. */
  bufferLimit?: number;
  /** Reconnect policy, or false to stay closed after a lost connection. Default: DEFAULTS.reconnect. */
  reconnect?: ReconnectOptions | false;
  /** The WebSocket class. Default: globalThis.WebSocket. */
  WebSocket?: WebSocketConstructor;
}

/** An event frame as received: the event, its type digit and the undecoded payload. */
export interface Frame {
  readonly event: string;
  readonly type: PayloadTypeDigit;
  /** The text after `<event>;<type>;`, or its bytes for a binary frame. */
  readonly payload: string | Uint8Array;
}

/**
 * A decoded payload: type 0 a string; 1 a number (a bigint beyond Number.MAX_SAFE_INTEGER, a
 * boolean for "true"/"false"); 2 a boolean; 3 a Uint8Array; 4 what JSON.parse returns.
 */
export type Payload = string | number | bigint | boolean | Uint8Array | null | object;

/** A value `emit` can send. */
export type Emittable =
  | string | number | bigint | boolean | null | undefined
  | ArrayBuffer | ArrayBufferView
  | object;

/** What a state change carries. */
export type StateDetail =
  | { reconnected: boolean } // "open"
  | { code: number; reason: string; wasClean: boolean; attempt: number; delay: number } // "reconnecting"
  | { code: number; reason: string; wasClean: boolean }; // "closed"

export type ErrorCode = "connect" | "decode" | "malformed" | "listener" | "buffer-full" | "closed";

/** Every problem the client reports, to onError listeners (or console.error without any). */
export declare class SockeyeError extends Error {
  constructor(code: ErrorCode, message: string, cause?: unknown);
  readonly code: ErrorCode;
}

/** The defaults of every option. */
export declare const DEFAULTS: Readonly<{
  prefix: string;
  protocols: undefined;
  connectTimeout: number;
  bufferLimit: number;
  reconnect: Readonly<Required<ReconnectOptions>>;
  WebSocket: undefined;
}>;

/** Milliseconds before reconnect attempt `attempt` (from 1); `random` in [0, 1) defaults to Math.random(). */
export declare function backoffDelay(reconnect: Required<ReconnectOptions>, attempt: number, random?: number): number;

export declare class SockeyeClient {
  /**
   * Starts connecting at once. `url`: ws:, wss:, http: or https:, or a path relative to the page
   * in a browser.
   * @throws TypeError for an invalid URL or option, or when no WebSocket class exists
   * @throws RangeError for an out-of-range number option
   */
  constructor(url: string | URL, options?: ClientOptions);

  /** Resolves once the first connection opens; rejects (SockeyeError "connect") if it fails. */
  readonly ready: Promise<SockeyeClient>;
  readonly url: string;
  readonly state: ClientState;
  /** Emits waiting for a connection. */
  readonly buffered: number;

  /** Calls `handler(value, frame)` for each `event`; returns a function that removes it. */
  on<T = Payload>(event: string, handler: (value: T, frame: Frame) => void): () => void;
  /** Removes a handler; returns whether it was registered. */
  off(event: string, handler: (value: any, frame: Frame) => void): boolean;
  /** Native messages: a string for a text frame, a Uint8Array for a binary one. */
  onMessage(handler: (message: string | Uint8Array) => void): () => void;
  /** Calls `handler(state, detail)` on each change of state; returns a function that removes it. */
  onState(handler: (state: StateEvent, detail: StateDetail) => void): () => void;
  onError(handler: (error: SockeyeError) => void): () => void;

  /**
   * Sends an event: strings as type 0, numbers and bigints 1, booleans 2, bytes 3 (a binary frame),
   * null, objects and arrays 4 (JSON), undefined as an empty string. Returns true when sent or
   * buffered, false when dropped (buffer full or client closed; onError hears why).
   * @throws TypeError for an empty event name, one with ';', or a value that cannot be encoded
   */
  emit(event: string, value?: Emittable): boolean;
  /** Sends a native message unchanged: a string as a text frame, bytes as a binary frame. */
  emitMessage(message: string | ArrayBuffer | ArrayBufferView): boolean;
  /** Closes for good (no reconnect; buffered emits are dropped); resolves once closed. */
  close(code?: number, reason?: string): Promise<void>;
}

/** `new SockeyeClient(url, options).ready`: resolves with the client once it is open. */
export declare function connect(url: string | URL, options?: ClientOptions): Promise<SockeyeClient>;
