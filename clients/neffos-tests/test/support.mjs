// Shared helpers of the neffos.js tests: the server URLs from the environment, a dial that
// records every event it receives, and small waiting helpers. Nothing here talks the protocol:
// that is the published neffos.js client's job.
import neffos from 'neffos.js';
import { WebSocket } from 'ws';

export const NEFFOS_URL = required('NEFFOS_URL');
export const NEFFOS_BINARY_URL = required('NEFFOS_BINARY_URL');
export const IRIS_URL = required('IRIS_URL');
export const CONTROL_URL = required('CONTROL_URL');

function required(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: run these tests through NeffosJsClientTest (mvn verify)`);
  }
  return value;
}

/** Events seen by a client, with a way to wait for the next one matching a predicate. */
export class Recorder {
  constructor() {
    this.events = [];
    this.waiters = [];
  }

  record(ns, msg) {
    const entry = { namespace: msg.Namespace, room: msg.Room, event: msg.Event, body: msg.Body, err: msg.Err, ns };
    this.events.push(entry);
    this.waiters = this.waiters.filter((w) => !(w.match(entry) && (w.resolve(entry), true)));
  }

  /** Resolves with the first recorded (or future) event that matches; rejects after the timeout. */
  next(match, timeoutMillis = 5000) {
    const seen = this.events.find(match);
    if (seen) {
      return Promise.resolve(seen);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no matching event within ' + timeoutMillis + ' ms; seen: '
        + JSON.stringify(this.events.map((e) => [e.namespace, e.room, e.event, typeof e.body === 'string' ? e.body : '(bytes)'])))),
      timeoutMillis);
      this.waiters.push({ match, resolve: (e) => { clearTimeout(timer); resolve(e); } });
    });
  }

  /** Forgets what was recorded so far. */
  clear() {
    this.events = [];
  }
}

/**
 * Events of a namespace that record everything, plus extra handlers (which also record).
 * The neffos.js system events are recorded as well.
 */
export function recordingEvents(recorder, extra = {}) {
  const names = ['_OnNamespaceConnected', '_OnNamespaceDisconnect', '_OnRoomJoined', '_OnRoomLeft',
    'connected', 'joined', 'echo', 'chat', 'others', 'pushed', 'headline', 'binary', 'welcome', 'count', 'fail',
    'failBare', 'leftHook', 'broadcast'];
  const events = {};
  for (const name of names) {
    events[name] = (ns, msg) => recorder.record(ns, msg);
  }
  for (const [name, handler] of Object.entries(extra)) {
    events[name] = (ns, msg) => {
      recorder.record(ns, msg);
      return handler(ns, msg);
    };
  }
  return events;
}

/** Dials the neffos endpoint with recording handlers for the namespaces default, ctrl and unknownOnServer. */
export async function dial(options = {}, url = NEFFOS_URL, extra = {}) {
  const recorder = new Recorder();
  const conn = await neffos.dial(url, {
    default: recordingEvents(recorder, extra),
    ctrl: recordingEvents(recorder),
    unknownOnServer: recordingEvents(recorder),
  }, options);
  return { conn, recorder };
}

/** A raw WebSocket that speaks the Iris protocol by hand (prefix iris-websocket-message:). */
export async function irisClient() {
  const socket = new WebSocket(IRIS_URL);
  const frames = [];
  const waiters = [];
  socket.on('message', (data) => {
    const text = data.toString();
    frames.push(text);
    for (const w of waiters.splice(0)) {
      if (!w(text)) {
        waiters.push(w);
      }
    }
  });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  return {
    emit(event, text) {
      socket.send(`iris-websocket-message:${event};0;${text}`);
    },
    next(match, timeoutMillis = 5000) {
      const seen = frames.find(match);
      if (seen) {
        return Promise.resolve(seen);
      }
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no matching Iris frame; seen: ' + JSON.stringify(frames))), timeoutMillis);
        waiters.push((text) => match(text) && (clearTimeout(timer), resolve(text), true));
      });
    },
    close() {
      socket.close();
    },
  };
}

/** Settles as `promise` does, or rejects after `millis` (so that a test fails, and closes its clients, in time). */
export function within(promise, millis, what) {
  let timer;
  const timeout = new Promise((resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: nothing within ${millis} ms`)), millis);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function sleep(millis) {
  return new Promise((resolve) => setTimeout(resolve, millis));
}

/** Polls until the condition holds; fails after the timeout. */
export async function eventually(condition, what, timeoutMillis = 5000) {
  const end = Date.now() + timeoutMillis;
  for (;;) {
    if (await condition()) {
      return;
    }
    if (Date.now() > end) {
      throw new Error('timed out waiting for ' + what);
    }
    await sleep(50);
  }
}

export { neffos };
