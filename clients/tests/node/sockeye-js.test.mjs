// sockeye.js, the modern client, imported from its package folder (as a bundler or Node would)
// and as the server serves it, against real servers; Node 20 has no global WebSocket: ws stands in.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { WebSocket, WebSocketServer } from "ws";
import { DEFAULTS, SockeyeClient, SockeyeError, backoffDelay, connect } from "sockeye-client";
import { Inbox, PREFIX, startServer, waitFor, within } from "../support/harness.mjs";

const FAST = { initialDelay: 50, maxDelay: 200 };

function open(url, options = {}) {
  return connect(url, { WebSocket, ...options });
}

function hex(text) {
  return Buffer.from(text, "utf8").toString("hex");
}

describe("sockeye.js", () => {
  let server;

  before(async () => {
    server = await startServer();
  });

  after(() => server.remove());

  test("emit encodes values by their JavaScript type", async () => {
    const client = await open(server.ws + "/mirror");
    const frames = new Inbox();
    client.onMessage(frames.add);
    const cases = [
      ["hello;x", "chat;0;hello;x"],
      ["42", "chat;0;42"],
      ["", "chat;0;"],
      [undefined, "chat;0;"],
      [42, "chat;1;42"],
      [3.5, "chat;1;3.5"],
      [12345678901234567890n, "chat;1;12345678901234567890"],
      [true, "chat;2;true"],
      [false, "chat;2;false"],
      [{ a: [1, "b"] }, 'chat;4;{"a":[1,"b"]}'],
      [[1, "b"], 'chat;4;[1,"b"]'],
      [null, "chat;4;null"],
    ];
    for (const [value, expected] of cases) {
      assert.equal(client.emit("chat", value), true);
      assert.equal(await frames.next(), "frame:" + PREFIX + expected, "emit(" + String(value) + ")");
    }
    client.emit("chat", new Uint8Array([0xff, 0x00, 0x01]));
    assert.equal(await frames.next(), "frame-hex:" + hex(PREFIX + "chat;3;") + "ff0001");
    client.emit("chat", new Uint8Array([0xfe, 0x02]).buffer);
    assert.equal(await frames.next(), "frame-hex:" + hex(PREFIX + "chat;3;") + "fe02", "an ArrayBuffer");
    const words = new Uint16Array([0x0102, 0xfffe, 0x0304]).subarray(1, 2); // a view into the middle of its buffer
    client.emit("chat", words);
    assert.equal(await frames.next(), "frame-hex:" + hex(PREFIX + "chat;3;") + Buffer.from(words.buffer, 2, 2).toString("hex"),
      "another typed array: exactly its own bytes");
    client.emitMessage("raw native");
    assert.equal(await frames.next(), "frame:raw native");
    client.emitMessage(new Uint8Array([0xc3, 0x28]).buffer);
    assert.equal(await frames.next(), "frame-hex:c328");
    assert.throws(() => client.emit("a;b", 1), TypeError);
    assert.throws(() => client.emit("", 1), TypeError);
    assert.throws(() => client.emit("chat", () => 1), TypeError);
    assert.throws(() => client.emit("chat", Symbol("s")), TypeError);
    await client.close();
  });

  test("the server decodes those frames into its listeners' declared types", async () => {
    const client = await open(server.ws + "/protocol");
    const typed = new Inbox();
    const probed = new Inbox();
    client.on("typed", typed.add);
    client.on("probed", probed.add);
    client.emit("int", 42);
    client.emit("int", "42");
    client.emit("double", 3.5);
    client.emit("bool", true);
    client.emit("bytes", new Uint8Array([0, 0xfe]));
    client.emit("sample", { name: "n", values: [1, 2] });
    assert.deepEqual(await typed.take(6), ["int 42", "int 42", "double 3.5", "boolean true", "bytes 00fe",
      "sample Sample[name=n, values=[1, 2]]"]);
    client.emit("probe", "text");
    client.emit("probe", 7);
    client.emit("probe", true);
    assert.deepEqual(await probed.take(3), ["String text", "Long 7", "Boolean true"]);
    await client.close();
  });

  for (const binary of [false, true]) {
    test("on() receives payloads decoded to values (" + (binary ? "binary" : "text") + " frames)", async () => {
      const source = binary ? await startServer({ binary: true }) : server;
      try {
        const client = await open(source.ws + "/protocol");
        const received = new Inbox();
        // each kind of Java value of the protocol's encoding table (spec §1.2), decoded
        const expected = [
          ["s-text", "hello;x ü", 0], // String
          ["s-chars", "built;text", 0], // a StringBuilder: another CharSequence
          ["s-int", 42, 1],
          ["s-long", 9007199254740993n, 1],
          ["s-short", 7, 1],
          ["s-byte", -8, 1],
          ["s-true", true, 2],
          ["s-false", false, 2],
          ["s-double", 3.5, 4],
          ["s-record", { name: "a", values: [1, 2] }, 4],
          ["s-bean", { count: 3, label: "bean" }, 4], // a JavaBean
          ["s-list", ["a", "b"], 4],
          ["s-map", { k: 1 }, 4],
          ["s-null", null, 4],
          ["s-bytes", new TextEncoder().encode("raw bytes"), 3], // byte[]
          ["s-buffer", new TextEncoder().encode("buffer bytes"), 3], // a ByteBuffer's remaining bytes
          ["s-empty", "", 0],
          ["native", "native text"],
        ];
        for (const event of [...expected.map(([name]) => name).filter((name) => name !== "native"), "s-done"]) {
          client.on(event, (value, frame) => received.add([event, value, frame.type]));
        }
        client.onMessage((message) => received.add(["native", typeof message === "string" ? message
          : new TextDecoder().decode(message)]));
        client.emit("samples");
        const all = [];
        for (let item = await received.next(); item[0] !== "s-done"; item = await received.next()) {
          all.push(item);
        }
        assert.deepEqual(all, expected);
        await client.close();
      } finally {
        if (binary) {
          await source.remove();
        }
      }
    });
  }

  test("on() decodes each type digit as the table says, quirks included", async () => {
    const client = await open(server.ws + "/protocol");
    const values = new Inbox();
    const errors = new Inbox();
    client.on("v", (value, frame) => values.add([frame.type, frame.payload, value]));
    client.onError(errors.add);
    const rows = [
      ["0", "42", "42"],
      ["0", "", ""],
      ["1", "42", 42],
      ["1", "-7", -7],
      ["1", "3.5", 3.5],
      ["1", "1e3", 1000],
      ["1", "9007199254740993", 9007199254740993n],
      ["1", "true", true], // old clients send true with digit 1
      ["1", "false", false],
      ["2", "true", true],
      ["2", "false", false],
      ["3", "bytes;é", new TextEncoder().encode("bytes;é")],
      ["4", '{"a":[1,"b"]}', { a: [1, "b"] }],
      ["4", "null", null],
    ];
    for (const [digit, payload] of rows) {
      client.emit("raw", PREFIX + "v;" + digit + ";" + payload); // the server sends this text back as it is
    }
    const decoded = await values.take(rows.length);
    assert.deepEqual(decoded, rows.map(([digit, payload, value]) => [Number(digit), payload, value]));

    for (const [digit, payload] of [["2", "1"], ["2", "yes"], ["2", "TRUE"], ["2", ""], ["1", "seven"], ["1", ""],
      ["4", "{not json"]]) {
      client.emit("raw", PREFIX + "v;" + digit + ";" + payload);
      const error = await errors.next();
      assert.equal(error.code, "decode", digit + ";" + payload);
      assert.match(error.message, new RegExp("event 'v' \\(type " + digit + "\\)"));
    }
    client.emit("raw", PREFIX + "v;0;after");
    assert.deepEqual(await values.next(), [0, "after", "after"], "no handler ran for the bad payloads; the connection goes on");
    assert.equal(errors.size, 0);
    await client.close();
  });

  test("bad payloads and throwing listeners reach onError; the connection goes on", async () => {
    const client = await open(server.ws + "/protocol");
    const errors = new Inbox();
    const echoes = new Inbox();
    const later = new Inbox();
    client.onError(errors.add);
    client.on("broken", () => assert.fail("a payload that cannot be decoded reaches no handler"));
    client.on("echo", () => {
      throw new Error("listener failure");
    });
    client.on("echo", echoes.add);
    client.on("after", later.add);
    client.emit("raw", PREFIX + "broken;4;{not json");
    const decode = await errors.next();
    assert.ok(decode instanceof SockeyeError);
    assert.equal(decode.code, "decode");
    assert.match(decode.message, /event 'broken'/);
    client.emit("raw", PREFIX + "missing-type");
    assert.equal((await errors.next()).code, "malformed");
    client.emit("echo", "still here");
    const thrown = await errors.next();
    assert.equal(thrown.code, "listener");
    assert.equal(thrown.cause.message, "listener failure");
    assert.equal(await echoes.next(), "still here", "the other listener of the event still runs");
    client.emit("raw", PREFIX + "after;1;12");
    assert.equal(await later.next(), 12);
    assert.equal(client.state, "open");
    await client.close();
  });

  test("attacker-chosen event names cannot pollute prototypes", async () => {
    // sockeye.js runs in this realm (imported as a module): these are the prototypes it could reach
    const prototypes = () => [Object.prototype, Array.prototype, Function.prototype, Map.prototype, Set.prototype]
      .map((prototype) => Reflect.ownKeys(prototype).map(String).sort().join()).join("|");
    const untouched = prototypes();
    const client = await open(server.ws + "/protocol");
    const received = new Inbox();
    const errors = new Inbox();
    client.onError(errors.add);
    // an object as the handler table breaks on these: __proto__ is Object.prototype, the others are
    // inherited functions; each would throw or call something that is not a handler
    for (const event of ["__proto__", "constructor", "hasOwnProperty"]) {
      client.on(event, (value) => received.add([event, value]));
    }
    client.emit("emit-to", "toString"); // no handler: ignored
    client.emit("emit-to", "valueOf");
    for (const event of ["__proto__", "constructor", "hasOwnProperty"]) {
      client.emit("emit-to", event);
    }
    client.emit("raw", PREFIX + '__proto__;4;{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}');
    const [proto, constructor, hasOwn, json] = await received.take(4);
    assert.deepEqual([proto, constructor, hasOwn], [["__proto__", "to __proto__"], ["constructor", "to constructor"],
      ["hasOwnProperty", "to hasOwnProperty"]]);
    assert.equal(json[0], "__proto__");
    assert.deepEqual(Object.keys(json[1]), ["__proto__", "constructor"], "JSON's __proto__ is an own key of the value");
    assert.equal(Object.getPrototypeOf(json[1]), Object.prototype);
    assert.equal(prototypes(), untouched, "no prototype of this realm gained or lost a key");
    assert.equal(errors.size, 0);
    await client.close();
  });

  test("after the server restarts it reconnects and flushes the emits buffered meanwhile, in order", async () => {
    const restarting = await startServer();
    try {
      const states = [];
      const client = await open(restarting.ws + "/protocol", { reconnect: FAST });
      client.onState((state, detail) => {
        states.push([state, detail]);
        if (state === "open") {
          client.emit("echo", "from onState"); // after the buffered ones
        }
      });
      const echoes = new Inbox();
      client.on("echo", echoes.add);
      client.emit("echo", "before");
      assert.equal(await echoes.next(), "before");

      await restarting.stop();
      await waitFor("the reconnecting state", () => client.state === "reconnecting");
      assert.equal(client.emit("echo", "a"), true);
      assert.equal(client.emit("echo", "b"), true);
      assert.equal(client.emit("echo", "c"), true);
      assert.equal(client.buffered, 3);
      await new Promise((resolve) => setTimeout(resolve, 300)); // some attempts fail meanwhile
      assert.equal(client.state, "reconnecting");

      await restarting.start();
      assert.deepEqual(await echoes.take(4), ["a", "b", "c", "from onState"]);
      assert.equal(client.state, "open");
      assert.equal(client.buffered, 0);
      client.emit("echo", "after");
      assert.equal(await echoes.next(), "after");

      const [first, second] = [states[0], states.find(([state]) => state === "open")];
      assert.equal(first[0], "reconnecting");
      assert.notEqual(first[1].code, 1000);
      assert.equal(first[1].attempt, 1);
      assert.ok(first[1].delay >= FAST.initialDelay / 2 && first[1].delay <= FAST.initialDelay);
      assert.deepEqual(second[1], { reconnected: true });
      const connects = (await restarting.log()).filter((line) => line.startsWith("connect "));
      assert.equal(connects.length, 2, "one connection before the restart, one after");
      await client.close();
    } finally {
      await restarting.remove();
    }
  });

  test("emits made while the first connection opens are buffered and sent first, in order, before onState's", async () => {
    const client = new SockeyeClient(server.ws + "/protocol", { WebSocket });
    const echoes = new Inbox();
    client.on("echo", echoes.add);
    const states = [];
    client.onState((state) => {
      states.push(state);
      if (state === "open") {
        client.emit("echo", "from onState");
      }
    });
    assert.equal(client.state, "connecting");
    for (const text of ["a", "b", "c"]) {
      assert.equal(client.emit("echo", text), true, "buffered: " + text);
    }
    assert.equal(client.buffered, 3);
    await client.ready;
    assert.equal(client.buffered, 0);
    client.emit("echo", "after ready");
    assert.deepEqual(await echoes.take(5), ["a", "b", "c", "from onState", "after ready"]);
    assert.deepEqual(states, ["open"], "no state event for the first connecting: it is the state a client starts in");
    await client.close();
  });

  test("a reconnect waits the backoff minus its jitter: jitter × Math.random() of it", async (t) => {
    const restarting = await startServer();
    try {
      t.mock.method(Math, "random", () => 0.9);
      // 2000 ms without jitter; 2000 × (1 − 0.5 × 0.9) = 1100 ms with it
      const client = await open(restarting.ws + "/protocol", {
        reconnect: { initialDelay: 2000, maxDelay: 2000, jitter: 0.5, maxAttempts: 1 },
      });
      const seen = [];
      const closed = new Promise((resolve) => client.onState((state, detail) => {
        seen.push([state, detail, performance.now()]);
        if (state === "closed") {
          resolve();
        }
      }));
      await restarting.stop();
      await within(15000, closed, "the closed state after the one attempt");
      assert.deepEqual(seen.map(([state]) => state), ["reconnecting", "closed"]);
      const [[, lost, lostAt], [, , closedAt]] = seen;
      assert.equal(lost.delay, 1100, "the announced delay");
      const waited = closedAt - lostAt; // the delay, then an attempt that the stopped server refuses
      assert.ok(waited >= 1050 && waited < 1900, "the attempt came after the jittered delay, not the full 2000 ms: "
          + Math.round(waited) + " ms");
    } finally {
      await restarting.remove();
    }
  });

  test("the protocols option asks for subprotocols; the server's choice is the connection's", async () => {
    // the server supports chat.v2 and chat.v1, preferring chat.v2
    for (const [protocols, chosen] of [["chat.v1", "chat.v1"], [["chat.v1"], "chat.v1"],
      [["other", "chat.v1", "chat.v2"], "chat.v2"], [undefined, ""]]) {
      const client = await open(server.ws + "/protocol", { protocols });
      const answers = new Inbox();
      client.on("subprotocol", answers.add);
      client.emit("subprotocol");
      assert.equal(await answers.next(), chosen, "the server's handshake, asking for " + JSON.stringify(protocols));
      await client.close();
    }
  });

  test("while disconnected, emits beyond bufferLimit are dropped and reported", async () => {
    const restarting = await startServer();
    try {
      const client = await open(restarting.ws + "/protocol", { reconnect: FAST, bufferLimit: 2 });
      const errors = new Inbox();
      client.onError(errors.add);
      await restarting.stop();
      await waitFor("the reconnecting state", () => client.state === "reconnecting");
      assert.equal(client.emit("echo", "1"), true);
      assert.equal(client.emit("echo", "2"), true);
      assert.equal(client.emit("echo", "3"), false);
      assert.equal((await errors.next()).code, "buffer-full");
      await client.close();
      assert.equal(client.state, "closed");
      assert.equal(client.emit("echo", "4"), false);
      assert.equal((await errors.next()).code, "closed");
    } finally {
      await restarting.remove();
    }
  });

  test("after maxAttempts failed reconnects in a row the client is closed for good", async () => {
    const restarting = await startServer();
    try {
      const twice = await open(restarting.ws + "/protocol", { reconnect: { ...FAST, maxAttempts: 2 } });
      const never = await open(restarting.ws + "/protocol", { reconnect: { ...FAST, maxAttempts: 0 } });
      const states = new Map([[twice, []], [never, []]]);
      const closed = [...states].map(([client, seen]) => new Promise((resolve) => client.onState((state, detail) => {
        seen.push([state, detail]);
        if (state === "reconnecting" && detail.attempt === 1) {
          assert.equal(client.emit("echo", "lost"), true, "buffered while reconnecting");
        }
        if (state === "closed") {
          resolve();
        }
      })));
      const errors = new Inbox();
      twice.onError(errors.add);

      await restarting.stop();
      await within(15000, Promise.all(closed), "the closed state of both clients");
      assert.deepEqual(states.get(twice).map(([state, detail]) => [state, detail.attempt]),
        [["reconnecting", 1], ["reconnecting", 2], ["closed", undefined]]);
      const [, lastFailure] = states.get(twice)[2];
      assert.deepEqual([lastFailure.code, lastFailure.wasClean], [1006, false], "the last attempt's failure");
      assert.deepEqual(states.get(never).map(([state]) => state), ["closed"], "maxAttempts 0: no attempt at all");
      const dropped = await errors.next();
      assert.equal(dropped.code, "closed");
      assert.match(dropped.message, /^1 buffered emits were dropped/);
      assert.equal(twice.buffered, 0);
      assert.equal(twice.emit("echo", "after"), false);
      assert.equal((await errors.next()).code, "closed");

      await restarting.start();
      await new Promise((resolve) => setTimeout(resolve, 500)); // FAST would have tried several times by now
      assert.deepEqual([twice.state, never.state], ["closed", "closed"]);
      assert.equal(states.get(twice).length, 3, "no state change after closed");
      const connects = (await restarting.log()).filter((line) => line.startsWith("connect "));
      assert.equal(connects.length, 2, "the two first connections only: " + connects);
    } finally {
      await restarting.remove();
    }
  });

  test("connectTimeout ends an attempt that gets no answer, the first one and each reconnect", async () => {
    // a server on loopback that accepts TCP connections and reads their upgrade requests but never
    // answers them, except the first request after `answerNext` is set
    const wss = new WebSocketServer({ noServer: true });
    const silent = createServer();
    const held = []; // per unanswered request: resolves when the client has closed its connection
    const sockets = [];
    const clients = [];
    let answerNext = false;
    silent.on("upgrade", (request, socket, head) => {
      if (answerNext) {
        answerNext = false;
        wss.handleUpgrade(request, socket, head, (peer) => wss.emit("connection", peer));
        return;
      }
      socket.resume(); // reading, so that the client's end of the connection is seen
      sockets.push(socket);
      held.push(new Promise((resolve) => socket.once("end", () => {
        socket.destroy();
        resolve();
      })));
    });
    await new Promise((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const url = "ws://127.0.0.1:" + silent.address().port + "/silent";
    try {
      const started = Date.now();
      // settled well before the default connectTimeout (10 s) would end the attempt
      const first = new SockeyeClient(url, { WebSocket, connectTimeout: 300 });
      clients.push(first);
      const outcome = await within(8000, first.ready.then(() => "opened", (error) => error),
        "a first attempt with connectTimeout 300");
      assert.ok(outcome instanceof SockeyeError && outcome.code === "connect", String(outcome));
      assert.ok(Date.now() - started >= 250, "not before connectTimeout: " + (Date.now() - started) + " ms");
      assert.equal(held.length, 1);
      await within(8000, held[0], "the client's close of the abandoned connection");

      answerNext = true;
      const peer = new Promise((resolve) => wss.once("connection", resolve));
      const client = await open(url, { connectTimeout: 300, reconnect: { ...FAST, maxAttempts: 2 } });
      clients.push(client);
      const states = [];
      const closed = new Promise((resolve) => client.onState((state, detail) => {
        states.push([state, detail]);
        if (state === "closed") {
          resolve();
        }
      }));
      (await peer).terminate(); // the connection breaks; neither reconnect attempt gets an answer
      await within(15000, closed, "the closed state");
      assert.deepEqual(states.map(([state, detail]) => [state, detail.attempt]),
        [["reconnecting", 1], ["reconnecting", 2], ["closed", undefined]]);
      assert.equal(states[1][1].code, 1006, "the first reconnect attempt was ended");
      assert.equal(held.length, 3, "one unanswered upgrade request per reconnect attempt");
      await within(8000, Promise.all(held), "the client's close of the abandoned connections");
    } finally {
      clients.forEach((client) => client.close());
      sockets.forEach((socket) => socket.destroy());
      wss.close();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  test("without reconnect, or after a normal close by the server, the client stays closed", async () => {
    const stopping = await startServer();
    try {
      const once = await open(stopping.ws + "/protocol", { reconnect: false });
      const closed = new Promise((resolve) => once.onState((state, detail) => state === "closed" && resolve(detail)));
      await stopping.stop();
      await closed;
      assert.equal(once.state, "closed");
    } finally {
      await stopping.remove();
    }
    const kicked = await open(server.ws + "/protocol", { reconnect: FAST });
    const closed = new Promise((resolve) => kicked.onState((state, detail) => state === "closed" && resolve(detail)));
    kicked.emit("kick");
    assert.equal((await closed).code, 1000);
    await new Promise((resolve) => setTimeout(resolve, 150));
    assert.equal(kicked.state, "closed", "a normal close by the server is final");
  });

  test("close() ends the connection on both sides and resolves", async () => {
    const before = (await server.log()).length;
    const client = await open(server.ws + "/protocol");
    const id = await waitFor("the server's connect", async () => {
      const connect = (await server.log()).slice(before).find((line) => line.startsWith("connect "));
      return connect && connect.substring("connect ".length);
    });
    await client.close();
    assert.equal(client.state, "closed");
    await waitFor("the server's disconnect", async () => (await server.log()).includes("disconnect " + id));
    await client.close(); // idempotent
  });

  test("connect() rejects when the first attempt fails, and the client is closed", async () => {
    const gone = await startServer();
    await gone.remove();
    await assert.rejects(open(gone.ws + "/protocol"), (error) => error instanceof SockeyeError && error.code === "connect");
    const client = new SockeyeClient(gone.ws + "/protocol", { WebSocket });
    await assert.rejects(client.ready);
    assert.equal(client.state, "closed");
  });

  test("URLs: http becomes ws, https becomes wss, other schemes are refused", () => {
    const client = new SockeyeClient(server.http + "/protocol?x=1#frag", { WebSocket });
    assert.equal(client.url, server.ws + "/protocol?x=1");
    client.close();
    assert.throws(() => new SockeyeClient("ftp://example.invalid/x", { WebSocket }), TypeError);
    assert.throws(() => new SockeyeClient("/relative", { WebSocket }), TypeError);
  });

  test("options are checked, and the documented defaults are the code's", () => {
    assert.deepEqual({ ...DEFAULTS, reconnect: { ...DEFAULTS.reconnect } }, {
      prefix: PREFIX,
      protocols: undefined,
      connectTimeout: 10000,
      bufferLimit: 100,
      reconnect: { initialDelay: 1000, maxDelay: 30000, multiplier: 2, jitter: 0.5, maxAttempts: Infinity },
      WebSocket: undefined,
    });
    assert.throws(() => new SockeyeClient(server.ws, { WebSocket, prefix: "a;b" }), TypeError);
    assert.throws(() => new SockeyeClient(server.ws, { WebSocket, bufferLimit: -1 }), RangeError);
    assert.throws(() => new SockeyeClient(server.ws, { WebSocket, reconnect: { jitter: 2 } }), RangeError);
    assert.throws(() => new SockeyeClient(server.ws, { WebSocket, reconnect: { initialDelay: 10, maxDelay: 5 } }), RangeError);
  });

  test("backoff: exponential from initialDelay, capped at maxDelay, jitter only shortens", () => {
    const reconnect = DEFAULTS.reconnect;
    assert.deepEqual([1, 2, 3, 4, 5, 6, 7].map((n) => backoffDelay(reconnect, n, 0)),
      [1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    assert.equal(backoffDelay(reconnect, 3, 0.5), 3000);
    assert.equal(Math.round(backoffDelay(reconnect, 3, 0.999)), 2002);
  });

  test("the served /sockeye.js is the package's module with the server's prefix rendered in", async () => {
    const custom = await startServer({ prefix: "app-evt:" });
    try {
      const served = await (await fetch(custom.http + "/sockeye.js")).text();
      const packaged = await readFile(new URL("../../sockeye-js/sockeye.js", import.meta.url), "utf8");
      assert.equal(served, packaged.replace('"' + PREFIX + '"', '"app-evt:"'));
      const module = await import("data:text/javascript;base64," + Buffer.from(served).toString("base64"));
      const client = await module.connect(custom.ws + "/protocol", { WebSocket });
      const echoes = new Inbox();
      client.on("echo", echoes.add);
      client.emit("echo", "rendered prefix");
      assert.equal(await echoes.next(), "rendered prefix");
      await client.close();
    } finally {
      await custom.remove();
    }
  });
});
