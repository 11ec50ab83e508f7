/*
 * sockeye.js: the modern client of the Iris event protocol, for Sockeye servers (and Iris ones).
 * An ES module without dependencies; types in index.d.ts. It speaks the same frames as iris-ws.js,
 * <prefix><event>;<type>;<payload>, with a promise-based API, payloads decoded to values,
 * automatic reconnect with exponential backoff and jitter, and emits buffered while disconnected.
 *
 *   import { connect } from "/sockeye.js";
 *   const client = await connect("/chat");
 *   client.on("chat", (message) => console.log(message));
 *   client.emit("chat", "hello");
 *
 * A server that serves this file renders its own event prefix into DEFAULT_PREFIX below.
 */

const DEFAULT_PREFIX = "iris-websocket-message:";

const STRING = 0;
const NUMBER = 1;
const BOOLEAN = 2;
const BYTES = 3;
const JSON_TYPE = 4;

const CONNECTING = 0;
const OPEN = 1;

/** Close codes after which the client does not reconnect: 1000 normal, 1008 policy violation. */
const FINAL_CLOSE_CODES = new Set([1000, 1008]);

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { fatal: true });

/** The defaults of every option; see README.md. */
export const DEFAULTS = Object.freeze({
  prefix: DEFAULT_PREFIX,
  protocols: undefined,
  connectTimeout: 10000,
  bufferLimit: 100,
  reconnect: Object.freeze({
    initialDelay: 1000,
    maxDelay: 30000,
    multiplier: 2,
    jitter: 0.5,
    maxAttempts: Infinity,
  }),
  WebSocket: undefined,
});

/** The error of every problem the client reports; `code` says which kind. */
export class SockeyeError extends Error {
  constructor(code, message, cause) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = "SockeyeError";
    this.code = code;
  }
}

/**
 * The delay in milliseconds before reconnect attempt `attempt` (from 1):
 * min(maxDelay, initialDelay * multiplier^(attempt-1)), minus a random part of up to `jitter` of it.
 */
export function backoffDelay(reconnect, attempt, random = Math.random()) {
  const exponential = reconnect.initialDelay * Math.pow(reconnect.multiplier, attempt - 1);
  return Math.min(reconnect.maxDelay, exponential) * (1 - reconnect.jitter * random);
}

/** Opens a client and resolves with it once the connection is open; rejects if the first attempt fails. */
export function connect(url, options) {
  const client = new SockeyeClient(url, options);
  return client.ready.then(() => client);
}

export class SockeyeClient {
  #url;
  #options;
  #prefix;
  #prefixBytes;
  #socket = null;
  #state = "connecting";
  #events = new Map();
  #natives = new Set();
  #stateListeners = new Set();
  #errorListeners = new Set();
  #buffer = [];
  #attempt = 0;
  #timer = null;
  #closing = false;
  #whenClosed;
  #resolveClosed;
  #settleReady;

  /**
   * Starts connecting at once. `ready` resolves with the client when the connection opens and
   * rejects if the first attempt fails. Listeners added right after the constructor (or right
   * after `await connect(...)`) see every message.
   */
  constructor(url, options = {}) {
    this.#options = normalizeOptions(options);
    this.#url = webSocketUrl(url);
    this.#prefix = this.#options.prefix;
    this.#prefixBytes = encoder.encode(this.#prefix);
    this.#whenClosed = new Promise((resolve) => {
      this.#resolveClosed = resolve;
    });
    this.ready = new Promise((resolve, reject) => {
      this.#settleReady = (error) => {
        this.#settleReady = () => {};
        if (error) {
          reject(error);
        } else {
          resolve(this);
        }
      };
    });
    this.ready.catch(() => {}); // the failure is also a "closed" state event; do not make it unhandled
    this.#open();
  }

  /** The ws:// or wss:// URL the client connects to. */
  get url() {
    return this.#url;
  }

  /** "connecting", "open", "reconnecting" or "closed". */
  get state() {
    return this.#state;
  }

  /** How many emits wait in the buffer for the connection to open. */
  get buffered() {
    return this.#buffer.length;
  }

  /** Calls `handler(value, frame)` for every `event`; returns a function that removes it. */
  on(event, handler) {
    checkEvent(event);
    checkFunction(handler);
    let handlers = this.#events.get(event);
    if (!handlers) {
      handlers = new Set();
      this.#events.set(event, handlers);
    }
    handlers.add(handler);
    return () => this.off(event, handler);
  }

  /** Removes a handler added with `on`; returns whether it was there. */
  off(event, handler) {
    const handlers = this.#events.get(event);
    if (!handlers || !handlers.delete(handler)) {
      return false;
    }
    if (handlers.size === 0) {
      this.#events.delete(event);
    }
    return true;
  }

  /** Calls `handler(message)` for every native message (a frame without the event prefix). */
  onMessage(handler) {
    return subscribe(this.#natives, handler);
  }

  /** Calls `handler(state, detail)` on every state change: "open", "reconnecting" or "closed". */
  onState(handler) {
    return subscribe(this.#stateListeners, handler);
  }

  /** Calls `handler(error)` with every problem (a SockeyeError); without any, problems go to console.error. */
  onError(handler) {
    return subscribe(this.#errorListeners, handler);
  }

  /**
   * Sends an event. Returns true when the frame was sent or buffered, false when it was dropped
   * (buffer full, or client closed; the error listeners hear why). Throws a TypeError for an
   * invalid event name or a value that cannot be encoded.
   */
  emit(event, value) {
    checkEvent(event);
    return this.#send(this.#encode(event, value));
  }

  /** Sends a native message: a string as a text frame, bytes as a binary frame, unchanged. */
  emitMessage(message) {
    if (typeof message === "string") {
      return this.#send(message);
    }
    const bytes = asBytes(message);
    if (!bytes) {
      throw new TypeError("emitMessage takes a string, an ArrayBuffer or a typed array");
    }
    return this.#send(bytes.slice());
  }

  /**
   * Closes for good: no more reconnects; buffered emits are dropped. Resolves once the connection
   * has closed.
   */
  close(code = 1000, reason = "") {
    if (!this.#closing) {
      this.#closing = true;
      clearTimeout(this.#timer);
      this.#buffer = [];
      const socket = this.#socket;
      if (socket && socket.readyState <= OPEN) {
        socket.close(code, reason);
      } else {
        this.#finish({ code, reason, wasClean: true });
      }
    }
    return this.#whenClosed;
  }

  #open() {
    const WebSocketClass = this.#options.WebSocket || globalThis.WebSocket;
    if (typeof WebSocketClass !== "function") {
      throw new TypeError("no WebSocket implementation: pass options.WebSocket (in Node 20, the ws package's)");
    }
    const protocols = this.#options.protocols;
    const socket = protocols === undefined ? new WebSocketClass(this.#url) : new WebSocketClass(this.#url, protocols);
    socket.binaryType = "arraybuffer";
    this.#socket = socket;
    let opened = false;
    const timeout = setTimeout(() => {
      if (socket.readyState === CONNECTING) {
        socket.close(); // fails the attempt: a close event follows
      }
    }, this.#options.connectTimeout);

    socket.onopen = () => {
      clearTimeout(timeout);
      if (this.#closing) {
        socket.close(1000);
        return;
      }
      opened = true;
      const reconnected = this.#attempt > 0;
      this.#attempt = 0;
      this.#state = "open";
      const waiting = this.#buffer;
      this.#buffer = [];
      for (const frame of waiting) {
        socket.send(frame);
      }
      this.#notify("open", { reconnected });
      this.#settleReady();
    };
    socket.onmessage = (message) => this.#receive(message.data);
    socket.onerror = () => {
      // a close event with the details always follows
    };
    socket.onclose = (close) => {
      clearTimeout(timeout);
      if (this.#socket !== socket) {
        return;
      }
      this.#socket = null;
      this.#lost(opened, { code: close.code, reason: close.reason, wasClean: close.wasClean });
    };
  }

  #lost(opened, detail) {
    const reconnect = this.#options.reconnect;
    if (this.#closing) {
      this.#finish(detail);
    } else if (this.#state === "connecting") {
      this.#finish(detail, new SockeyeError("connect", "could not connect to " + this.#url + " (close code " + detail.code + ")"));
    } else if (reconnect && (!opened || !FINAL_CLOSE_CODES.has(detail.code)) && this.#attempt < reconnect.maxAttempts) {
      this.#attempt += 1;
      const delay = backoffDelay(reconnect, this.#attempt);
      this.#state = "reconnecting";
      this.#notify("reconnecting", { ...detail, attempt: this.#attempt, delay });
      this.#timer = setTimeout(() => this.#open(), delay);
    } else {
      this.#finish(detail);
    }
  }

  #finish(detail, error) {
    if (this.#state === "closed") {
      return;
    }
    const dropped = this.#buffer.length;
    this.#buffer = [];
    this.#state = "closed";
    this.#notify("closed", detail);
    if (dropped > 0) {
      this.#report(new SockeyeError("closed", dropped + " buffered emits were dropped: the connection closed for good"));
    }
    this.#settleReady(error || new SockeyeError("closed", "the client was closed before it connected"));
    this.#resolveClosed();
  }

  #send(frame) {
    const socket = this.#socket;
    if (this.#state === "open" && socket && socket.readyState === OPEN) {
      socket.send(frame);
      return true;
    }
    if (this.#state === "closed" || this.#closing) {
      this.#report(new SockeyeError("closed", "the client is closed: the emit was dropped"));
      return false;
    }
    if (this.#buffer.length >= this.#options.bufferLimit) {
      this.#report(new SockeyeError("buffer-full", "the buffer holds " + this.#options.bufferLimit
          + " emits already: the emit was dropped"));
      return false;
    }
    this.#buffer.push(frame);
    return true;
  }

  #encode(event, value) {
    const header = this.#prefix + event + ";";
    const bytes = asBytes(value);
    if (bytes) {
      const head = encoder.encode(header + BYTES + ";");
      const frame = new Uint8Array(head.length + bytes.length);
      frame.set(head, 0);
      frame.set(bytes, head.length);
      return frame;
    }
    switch (typeof value) {
      case "undefined":
        return header + STRING + ";";
      case "string":
        return header + STRING + ";" + value;
      case "number":
      case "bigint":
        return header + NUMBER + ";" + String(value);
      case "boolean":
        return header + BOOLEAN + ";" + String(value);
      case "object": {
        const json = JSON.stringify(value);
        if (json === undefined) {
          throw new TypeError("the value of event '" + event + "' cannot be encoded as JSON");
        }
        return header + JSON_TYPE + ";" + json;
      }
      default:
        throw new TypeError("cannot emit a " + typeof value + " (event '" + event + "')");
    }
  }

  #receive(data) {
    let frame;
    if (typeof data === "string") {
      if (!data.startsWith(this.#prefix)) {
        this.#dispatchNative(data);
        return;
      }
      frame = parseText(data, this.#prefix.length);
    } else {
      const bytes = asBytes(data);
      if (!bytes) {
        this.#report(new SockeyeError("malformed", "cannot read a message of type " + Object.prototype.toString.call(data)));
        return;
      }
      if (!startsWith(bytes, this.#prefixBytes)) {
        this.#dispatchNative(bytes.slice());
        return;
      }
      frame = parseBinary(bytes, this.#prefixBytes.length);
    }
    if (!frame) {
      this.#report(new SockeyeError("malformed", "not an event frame <prefix><event>;<0-4>;<payload>: "
          + excerpt(typeof data === "string" ? data : "(binary)")));
      return;
    }
    const handlers = this.#events.get(frame.event);
    if (!handlers) {
      return;
    }
    let value;
    try {
      value = decodePayload(frame.type, frame.payload);
    } catch (cause) {
      this.#report(new SockeyeError("decode", "cannot decode the payload of event '" + frame.event + "' (type "
          + frame.type + "): " + cause.message, cause));
      return;
    }
    for (const handler of [...handlers]) {
      this.#call(handler, value, frame, "event '" + frame.event + "'");
    }
  }

  #dispatchNative(message) {
    for (const handler of [...this.#natives]) {
      this.#call(handler, message, undefined, "native message");
    }
  }

  #notify(state, detail) {
    for (const handler of [...this.#stateListeners]) {
      this.#call(handler, state, detail, "state '" + state + "'");
    }
  }

  #call(handler, first, second, what) {
    try {
      handler(first, second);
    } catch (cause) {
      this.#report(new SockeyeError("listener", "a listener of the " + what + " threw: " + cause, cause));
    }
  }

  #report(error) {
    if (this.#errorListeners.size === 0) {
      console.error(error);
      return;
    }
    for (const handler of [...this.#errorListeners]) {
      try {
        handler(error);
      } catch (cause) {
        console.error("a sockeye.js error listener threw", cause);
      }
    }
  }
}

function normalizeOptions(options) {
  if (options === null || typeof options !== "object") {
    throw new TypeError("options must be an object");
  }
  const merged = { ...DEFAULTS, ...options };
  if (typeof merged.prefix !== "string" || merged.prefix === "" || merged.prefix.includes(";")) {
    throw new TypeError("prefix must be a non-empty string without ';'");
  }
  checkNumber("connectTimeout", merged.connectTimeout, 1);
  checkNumber("bufferLimit", merged.bufferLimit, 0);
  if (merged.reconnect === false || merged.reconnect === null) {
    merged.reconnect = null;
  } else if (typeof merged.reconnect === "object") {
    const reconnect = { ...DEFAULTS.reconnect, ...merged.reconnect };
    checkNumber("reconnect.initialDelay", reconnect.initialDelay, 1);
    checkNumber("reconnect.maxDelay", reconnect.maxDelay, reconnect.initialDelay);
    checkNumber("reconnect.multiplier", reconnect.multiplier, 1);
    checkNumber("reconnect.jitter", reconnect.jitter, 0);
    if (reconnect.jitter > 1) {
      throw new RangeError("reconnect.jitter must be between 0 and 1: " + reconnect.jitter);
    }
    if (reconnect.maxAttempts !== Infinity) {
      checkNumber("reconnect.maxAttempts", reconnect.maxAttempts, 0);
    }
    merged.reconnect = Object.freeze(reconnect);
  } else {
    throw new TypeError("reconnect must be false or an object of reconnect options");
  }
  return Object.freeze(merged);
}

function checkNumber(name, value, min) {
  if (typeof value !== "number" || !Number.isFinite(value) || value < min) {
    throw new RangeError(name + " must be a finite number of at least " + min + ": " + value);
  }
}

/** Accepts ws:, wss:, http:, https: URLs, and paths relative to the page in a browser. */
function webSocketUrl(url) {
  const base = globalThis.location ? globalThis.location.href : undefined;
  let parsed;
  try {
    parsed = new URL(String(url), base);
  } catch (cause) {
    throw new TypeError("not a URL: " + url + (base ? "" : " (a relative URL needs a page)"));
  }
  if (parsed.protocol === "http:") {
    parsed.protocol = "ws:";
  } else if (parsed.protocol === "https:") {
    parsed.protocol = "wss:";
  } else if (parsed.protocol !== "ws:" && parsed.protocol !== "wss:") {
    throw new TypeError("a WebSocket URL needs ws:, wss:, http: or https:: " + url);
  }
  parsed.hash = "";
  return parsed.href;
}

function checkEvent(event) {
  if (typeof event !== "string" || event === "" || event.includes(";")) {
    throw new TypeError("an event name must be a non-empty string without ';': " + String(event));
  }
}

function checkFunction(handler) {
  if (typeof handler !== "function") {
    throw new TypeError("a handler must be a function");
  }
}

function subscribe(set, handler) {
  checkFunction(handler);
  set.add(handler);
  return () => set.delete(handler);
}

function asBytes(value) {
  if (value instanceof ArrayBuffer) {
    return new Uint8Array(value);
  }
  if (ArrayBuffer.isView(value)) {
    return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  }
  return null;
}

function startsWith(bytes, prefix) {
  if (bytes.length < prefix.length) {
    return false;
  }
  for (let i = 0; i < prefix.length; i++) {
    if (bytes[i] !== prefix[i]) {
      return false;
    }
  }
  return true;
}

/** {event, type, payload} of a text frame, or null when it is malformed. */
function parseText(text, start) {
  const separator = text.indexOf(";", start);
  if (separator <= start || text.charAt(separator + 2) !== ";") {
    return null;
  }
  const type = text.charCodeAt(separator + 1) - 48;
  if (type < STRING || type > JSON_TYPE) {
    return null;
  }
  return { event: text.substring(start, separator), type, payload: text.substring(separator + 3) };
}

/** The same for a binary frame; the payload stays bytes. */
function parseBinary(bytes, start) {
  const separator = bytes.indexOf(0x3b, start);
  if (separator <= start || bytes[separator + 2] !== 0x3b) {
    return null;
  }
  const type = bytes[separator + 1] - 48;
  if (type < STRING || type > JSON_TYPE) {
    return null;
  }
  let event;
  try {
    event = decoder.decode(bytes.subarray(start, separator));
  } catch (cause) {
    return null;
  }
  return { event, type, payload: bytes.slice(separator + 3) };
}

const INTEGER = /^[+-]?\d+$/;

function decodePayload(type, payload) {
  if (type === BYTES) {
    return typeof payload === "string" ? encoder.encode(payload) : payload;
  }
  const text = typeof payload === "string" ? payload : decoder.decode(payload);
  switch (type) {
    case STRING:
      return text;
    case NUMBER:
      if (text === "true" || text === "false") {
        return text === "true"; // the Iris client's quirk: true travels as type 1
      }
      if (INTEGER.test(text)) {
        const number = Number(text);
        return Number.isSafeInteger(number) ? number : BigInt(text);
      }
      if (text.trim() !== "" && (text === "NaN" || !Number.isNaN(Number(text)))) {
        return Number(text);
      }
      throw new SyntaxError("not a number: " + excerpt(text));
    case BOOLEAN:
      if (text === "true" || text === "false") {
        return text === "true";
      }
      throw new SyntaxError("not exactly true or false: " + excerpt(text));
    default:
      return JSON.parse(text);
  }
}

function excerpt(text) {
  return text.length <= 64 ? text : text.substring(0, 64) + "…";
}
