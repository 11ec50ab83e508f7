// Helpers of the Node and browser tests: servers from the Java harness, waiting, and loading the
// served iris-ws.js into a Node context.
import vm from "node:vm";
import { WebSocket } from "ws";

const CONTROL = process.env.SOCKEYE_CONTROL_URL;

/** The default event prefix, as the servers render it unless a test asks for another. */
export const PREFIX = "iris-websocket-message:";

function control() {
  if (!CONTROL) {
    throw new Error("SOCKEYE_CONTROL_URL is not set: these tests run from Maven "
        + "(mvn -B verify -pl clients/tests -am), whose JUnit harness starts the servers");
  }
  return CONTROL;
}

async function call(method, path) {
  const response = await fetch(control() + path, { method });
  const body = await response.json();
  if (!response.ok) {
    throw new Error(method + " " + path + ": " + response.status + " " + JSON.stringify(body));
  }
  return body;
}

/**
 * Starts a real Sockeye server in the Java harness. `fixture` is "protocol" (endpoints /protocol
 * and /mirror, pages /, /iris-ws.js, /sockeye.js) or "chat" (the chat example).
 */
export async function startServer({ fixture = "protocol", prefix, binary = false } = {}) {
  const query = new URLSearchParams({ fixture, binary: String(binary) });
  if (prefix !== undefined) {
    query.set("prefix", prefix);
  }
  const server = await call("POST", "/servers?" + query);
  return {
    ...server,
    /** Stops the server; the port stays reserved for start(). */
    stop: () => call("POST", "/servers/" + server.id + "/stop"),
    /** Starts it again on the same port. */
    start: () => call("POST", "/servers/" + server.id + "/start"),
    /** What its endpoints saw: "connect <id>", "disconnect <id>". */
    log: () => call("GET", "/servers/" + server.id + "/log"),
    remove: () => call("DELETE", "/servers/" + server.id),
  };
}

/** Waits until `condition()` (possibly async) returns a truthy value, and returns it. */
export async function waitFor(what, condition, timeout = 20000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await condition();
    if (value) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error("timed out after " + timeout + " ms waiting for " + what);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Settles as `promise` does, or rejects if it has not settled within `timeout` ms. */
export function within(timeout, promise, what = "the promise") {
  let timer;
  return Promise.race([promise, new Promise((resolve, reject) => {
    timer = setTimeout(() => reject(new Error(what + " did not settle within " + timeout + " ms")), timeout);
  })]).finally(() => clearTimeout(timer));
}

/** A queue of received values with a bounded wait for the next one. */
export class Inbox {
  #items = [];
  #waiters = [];

  /** A function to pass as a listener: it adds its first argument. */
  get add() {
    return (item) => {
      const waiter = this.#waiters.shift();
      if (waiter) {
        waiter(item);
      } else {
        this.#items.push(item);
      }
    };
  }

  get size() {
    return this.#items.length;
  }

  next(timeout = 20000) {
    if (this.#items.length > 0) {
      return Promise.resolve(this.#items.shift());
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiters.splice(this.#waiters.indexOf(done), 1);
        reject(new Error("nothing arrived within " + timeout + " ms"));
      }, timeout);
      const done = (item) => {
        clearTimeout(timer);
        resolve(item);
      };
      this.#waiters.push(done);
    });
  }

  async take(count, timeout = 20000) {
    const items = [];
    for (let i = 0; i < count; i++) {
      items.push(await this.next(timeout));
    }
    return items;
  }
}

/**
 * Fetches the iris-ws.js a server serves and runs it as a browser would run a <script>, with the
 * ws package as the WebSocket class; returns the global Ws class it defines.
 */
export async function loadServedIrisClient(server) {
  return (await loadServedIrisRealm(server)).Ws;
}

/**
 * The same, and the vm context the script runs in: its realm has its own Object.prototype, so
 * questions about prototypes must be asked there (vm.runInContext(code, realm)).
 */
export async function loadServedIrisRealm(server) {
  const response = await fetch(server.http + "/iris-ws.js");
  if (!response.ok) {
    throw new Error("GET /iris-ws.js: " + response.status);
  }
  const source = await response.text();
  const context = vm.createContext({ WebSocket, console });
  vm.runInContext(source, context, { filename: server.http + "/iris-ws.js" });
  if (typeof context.Ws !== "function") {
    throw new Error("iris-ws.js did not define a global Ws");
  }
  return { Ws: context.Ws, realm: context };
}

/** Opens an iris-ws.js client and resolves once it is connected; rejects if it closes before. */
export function openWs(Ws, url, protocols) {
  const ws = new Ws(url, protocols);
  return new Promise((resolve, reject) => {
    ws.OnConnect(() => resolve(ws));
    ws.OnDisconnect(() => reject(new Error("the connection to " + url + " closed before it opened")));
  });
}
