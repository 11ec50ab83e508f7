// iris-ws.js, the drop-in client of Iris pages, as a real server serves it, against that server.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import vm from "node:vm";
import { parse } from "acorn";
import { Inbox, PREFIX, loadServedIrisClient, loadServedIrisRealm, openWs, startServer, waitFor } from "../support/harness.mjs";

describe("iris-ws.js", () => {
  let server;
  let Ws;

  before(async () => {
    server = await startServer();
    Ws = await loadServedIrisClient(server);
  });

  after(() => server.remove());

  test("Emit encodes every case of the protocol's example table byte for byte", async () => {
    const ws = await openWs(Ws, server.ws + "/mirror");
    const frames = new Inbox();
    ws.OnMessage(frames.add);
    const cases = [
      [() => ws.Emit("chat", "hello;x"), PREFIX + "chat;0;hello;x"],
      [() => ws.Emit("chat", 42), PREFIX + "chat;1;42"],
      [() => ws.Emit("chat", "42"), PREFIX + "chat;1;42"],
      [() => ws.Emit("chat", 3.5), PREFIX + "chat;1;3.5"],
      [() => ws.Emit("chat", true), PREFIX + "chat;1;true"],
      [() => ws.Emit("chat", false), PREFIX + "chat;2;false"],
      [() => ws.Emit("chat", { a: [1, "b"] }), PREFIX + 'chat;4;{"a":[1,"b"]}'],
      [() => ws.Emit("chat"), PREFIX + "chat;0;"],
      [() => ws.Emit("chat", ""), PREFIX + "chat;0;"],
      [() => ws.EmitMessage("raw native"), "raw native"],
    ];
    for (const [emit, expected] of cases) {
      emit();
      assert.equal(await frames.next(), "frame:" + expected);
    }
    ws.Disconnect();
  });

  // The original client (kataras/iris, websocket/client.js and client.ts, v7 to v11) chose the type
  // in encodeMessage with four tests in this order, and sent data.toString() for the first three:
  //   isNumber(obj):  !isNaN(obj - 0) && obj !== null && obj !== "" && obj !== false   -> type 1
  //   isBoolean(obj): typeof obj === "boolean" || (typeof obj === "object" && typeof obj.valueOf() === "boolean") -> 2
  //   isString(obj):  Object.prototype.toString.call(obj) == "[object String]"          -> 0
  //   isJSON(obj):    typeof obj === "object"                                             -> 4, JSON.stringify(obj)
  // and for anything else an empty type 0 payload, with a console.log when data was given.
  // Each expected frame below follows from those lines; the comment says which test decides.
  test("Emit types every value as the original's isNumber, isBoolean, isString, isJSON chain did", async (t) => {
    const logged = [];
    t.mock.method(console, "log", (...values) => logged.push(values.join(" ")));
    const ws = await openWs(Ws, server.ws + "/mirror");
    const frames = new Inbox();
    ws.OnMessage(frames.add);
    const date = new Date(Date.UTC(2020, 1, 29, 12));
    const cases = [
      [[1, "b"], 'chat;4;[1,"b"]'], // [1,"b"] - 0 is NaN ("1,b"); valueOf() is the array: isJSON
      [[], "chat;1;"], // [] - 0 === 0 ("" - 0): isNumber; [].toString() is ""
      [[7], "chat;1;7"], // "7" - 0
      [[null], "chat;1;"], // [null].toString() is ""
      [["5"], "chat;1;5"],
      [" 7 ", "chat;1; 7 "], // isNumber: strings go by `- 0`, sent as they are
      [" ", "chat;1; "], // " " - 0 === 0
      ["0x1f", "chat;1;0x1f"],
      ["1e3", "chat;1;1e3"],
      ["-2.5E-3", "chat;1;-2.5E-3"],
      ["Infinity", "chat;1;Infinity"],
      ["1_000", "chat;0;1_000"], // NaN: isString
      ["seven", "chat;0;seven"],
      [1e21, "chat;1;1e+21"], // numbers: (1e21).toString()
      [-0.25, "chat;1;-0.25"],
      [-0, "chat;1;0"],
      [Infinity, "chat;1;Infinity"],
      [NaN, "chat;0;"], // fails all four: empty, and a console.log
      [() => 1, "chat;0;"], // typeof "function" is not "object": empty, and a console.log
      [new Number(5), "chat;1;5"], // wrappers: `- 0` unwraps them, `!== false` and `!== ""` do not
      [new Number(NaN), "chat;4;null"], // valueOf() is a number: isJSON, and JSON.stringify gives null
      [new String("s"), "chat;0;s"], // NaN, valueOf() a string: isString
      [new String("42"), "chat;1;42"],
      [new String(""), "chat;1;"], // "" - 0 === 0, and the object is not ""
      [new Boolean(false), "chat;1;false"], // false - 0 === 0, and the object is not false
      [new Boolean(true), "chat;1;true"],
      [date, "chat;1;" + date.toString()], // a Date's valueOf() is its time: isNumber, sent as toString()
      [new Date(NaN), "chat;4;null"], // an invalid Date is NaN: isJSON, and its toJSON() gives null
      [{ valueOf: () => 3 }, "chat;1;[object Object]"], // isNumber by valueOf, sent as toString()
      [{ toString: () => "12" }, "chat;1;12"],
      [{}, "chat;4;{}"],
      ["ünï 🐟", "chat;0;ünï 🐟"],
    ];
    for (const [value, expected] of cases) {
      ws.Emit("chat", value);
      const shown = typeof value === "string" ? JSON.stringify(value) : Object.prototype.toString.call(value) + " " + String(value);
      assert.equal(await frames.next(), "frame:" + PREFIX + expected, "Emit(" + shown + ")");
    }
    assert.equal(logged.length, 2, "NaN and the function were reported: " + logged.join(" | "));
    assert.match(logged[0], /^Ws\.Emit: NaN has no encoding: event 'chat' is sent with an empty payload$/);
    assert.match(logged[1], /^Ws\.Emit: a function has no encoding/);
    ws.Disconnect();
  });

  test("where the original threw, Emit sends JSON or refuses the event name", async () => {
    const ws = await openWs(Ws, server.ws + "/mirror");
    const frames = new Inbox();
    ws.OnMessage(frames.add);
    // the original's isBoolean(null) called null.valueOf(); Object.create(null) - 0 has no primitive value
    const bare = Object.assign(Object.create(null), { a: 1 });
    for (const [value, expected] of [[null, "chat;4;null"], [bare, 'chat;4;{"a":1}']]) {
      ws.Emit("chat", value);
      assert.equal(await frames.next(), "frame:" + PREFIX + expected, "Emit(" + JSON.stringify(value) + ")");
    }
    // the original threw at `obj - 0` for these; so does this client, with its own message
    assert.throws(() => ws.Emit("chat", Symbol("s")), { name: "TypeError", message: /cannot send a symbol/ });
    assert.throws(() => ws.Emit("chat", 10n), { name: "TypeError", message: /cannot send a bigint/ });
    // the original sent these names, in frames that name no event or another one
    assert.throws(() => ws.Emit("a;b", 1), /no ';'/);
    assert.throws(() => ws.Emit("", 1), /non-empty/);
    ws.Emit("chat", "still open");
    assert.equal(await frames.next(), "frame:" + PREFIX + "chat;0;still open");
    ws.Disconnect();
  });

  test("the server decodes those frames into its listeners' declared types", async () => {
    const ws = await openWs(Ws, server.ws + "/protocol");
    const typed = new Inbox();
    const probed = new Inbox();
    ws.On("typed", typed.add);
    ws.On("probed", probed.add);
    ws.Emit("int", "42");
    assert.equal(await typed.next(), "int 42");
    ws.Emit("int", 42);
    assert.equal(await typed.next(), "int 42");
    ws.Emit("bool", true);
    assert.equal(await typed.next(), "boolean true");
    ws.Emit("bool", false);
    assert.equal(await typed.next(), "boolean false");
    ws.Emit("double", 3.5);
    assert.equal(await typed.next(), "double 3.5");
    ws.Emit("sample", { name: "n", values: [1, 2] });
    assert.equal(await typed.next(), "sample Sample[name=n, values=[1, 2]]");
    ws.Emit("probe", "hello");
    assert.equal(await probed.next(), "String hello");
    ws.Emit("probe", 42);
    assert.equal(await probed.next(), "Long 42");
    ws.Emit("probe", 3.5);
    assert.equal(await probed.next(), "Double 3.5");
    ws.Emit("probe", false);
    assert.equal(await probed.next(), "Boolean false");
    ws.Emit("probe", true); // type 1, as the original client sends it
    assert.equal(await probed.next(), "Boolean true");
    ws.Emit("probe", "1e3"); // type 1: a number for the server too
    assert.equal(await probed.next(), "Double 1000.0");
    ws.Emit("double", "1e3");
    assert.equal(await typed.next(), "double 1000.0");
    ws.Emit("probe", null);
    assert.equal(await probed.next(), "null");
    ws.Emit("probe", [1, "b"]);
    assert.equal(await probed.next(), 'ArrayList [1, b]');
    ws.Disconnect();
  });

  test("On listeners receive every payload as the raw string", async () => {
    const ws = await openWs(Ws, server.ws + "/protocol");
    const received = new Inbox();
    // what the server sends for each kind of Java value of the protocol's encoding table (spec §1.2)
    const expected = [
      ["s-text", "hello;x ü"], // String
      ["s-chars", "built;text"], // a StringBuilder: another CharSequence
      ["s-int", "42"],
      ["s-long", "9007199254740993"],
      ["s-short", "7"],
      ["s-byte", "-8"],
      ["s-true", "true"],
      ["s-false", "false"],
      ["s-double", "3.5"],
      ["s-record", '{"name":"a","values":[1,2]}'],
      ["s-bean", '{"count":3,"label":"bean"}'], // a JavaBean
      ["s-list", '["a","b"]'],
      ["s-map", '{"k":1}'],
      ["s-null", "null"],
      ["s-bytes", "raw bytes"], // byte[]
      ["s-buffer", "buffer bytes"], // a ByteBuffer's remaining bytes
      ["s-empty", ""],
      ["native", "native text"],
    ];
    for (const event of [...expected.map(([name]) => name).filter((name) => name !== "native"), "s-done"]) {
      ws.On(event, (payload) => received.add([event, payload]));
    }
    ws.OnMessage((message) => received.add(["native", message]));
    ws.Emit("samples");
    const all = [];
    for (let item = await received.next(); item[0] !== "s-done"; item = await received.next()) {
      all.push(item);
    }
    assert.deepEqual(all, expected);
    ws.Disconnect();
  });

  test("On receives the raw text after the type digit, whatever the digit", async () => {
    const ws = await openWs(Ws, server.ws + "/protocol");
    const received = new Inbox();
    ws.On("n", received.add);
    const payloads = [["0", "1e3"], ["1", "1e3"], ["1", "true"], ["1", "-7"], ["2", "false"], ["3", "bytes;x"],
      ["4", '{"a":[1,"b"]}'], ["0", ""]];
    for (const [digit, payload] of payloads) {
      ws.Emit("raw", PREFIX + "n;" + digit + ";" + payload); // the server sends this text back as it is
    }
    assert.deepEqual(await received.take(payloads.length), payloads.map(([, payload]) => payload));
    const natives = new Inbox();
    ws.OnMessage(natives.add);
    ws.Emit("raw", "quoted: " + PREFIX + "n;0;text"); // the prefix, but not at the start: a native message
    assert.equal(await natives.next(), "quoted: " + PREFIX + "n;0;text");
    assert.equal(received.size, 0);
    ws.Disconnect();
  });

  test("event names such as __proto__ and constructor are ordinary events and change no prototype", async () => {
    // the script runs in a vm context: its own realm, whose prototypes are the ones it could reach
    const { Ws: RealmWs, realm } = await loadServedIrisRealm(server);
    const prototypes = () => vm.runInContext("[Object.prototype, Array.prototype, Function.prototype]"
        + ".map(function (p) { return Object.getOwnPropertyNames(p).sort().join(); }).join('|')", realm);
    const untouched = prototypes();
    const ws = await openWs(RealmWs, server.ws + "/protocol");
    const received = new Inbox();
    // a listener table that is a plain object breaks on these: __proto__ would replace its
    // prototype (the listener is never found), the others would find inherited members
    for (const event of ["__proto__", "constructor", "hasOwnProperty"]) {
      ws.On(event, (payload) => received.add(event + " " + payload));
    }
    ws.Emit("emit-to", "toString"); // no listener: ignored, nothing inherited is called
    ws.Emit("emit-to", "valueOf");
    for (const event of ["__proto__", "constructor", "hasOwnProperty"]) {
      ws.Emit("emit-to", event);
    }
    ws.Emit("raw", PREFIX + '__proto__;4;{"polluted":true}');
    assert.deepEqual(await received.take(4), ["__proto__ to __proto__", "constructor to constructor",
      "hasOwnProperty to hasOwnProperty", '__proto__ {"polluted":true}']);
    assert.equal(prototypes(), untouched, "the script's Object, Array and Function prototypes gained nothing");
    ws.Disconnect();
  });

  test("emits before the open are queued; OnConnect fires at once once the connection has opened", async () => {
    const ws = new Ws(server.ws + "/protocol");
    const echoes = new Inbox();
    ws.On("echo", echoes.add);
    ws.Emit("echo", "first");
    ws.Emit("echo", "second");
    await new Promise((resolve) => ws.OnConnect(resolve));
    assert.deepEqual(await echoes.take(2), ["first", "second"]);
    let late = 0;
    ws.OnConnect(() => late++);
    assert.equal(late, 1, "OnConnect on an open connection calls back at once");
    const closed = new Promise((resolve) => ws.OnDisconnect(resolve));
    ws.Disconnect();
    await closed;
    ws.OnConnect(() => late++);
    assert.equal(late, 2, "also after the close: the original's isReady stayed true");
  });

  test("an OnConnect added by an OnConnect listener runs once, as in the original", async () => {
    const ws = new Ws(server.ws + "/protocol");
    const calls = [];
    ws.OnConnect(() => {
      calls.push("outer");
      ws.OnConnect(() => calls.push("inner"));
    });
    ws.OnConnect(() => calls.push("second"));
    await new Promise((resolve) => ws.OnConnect(resolve));
    await new Promise((resolve) => setTimeout(resolve, 50));
    // the original's fireConnect ran the listeners in order and set isReady only after them, so
    // the added listener was not called at once but by the same loop, after the others
    assert.deepEqual(calls, ["outer", "second", "inner"]);
    ws.Disconnect();
  });

  test("ws:// is added only when the endpoint holds no \"ws\" and no scheme", async () => {
    const host = "127.0.0.1:" + server.port;
    for (const endpoint of [host + "/protocol", server.ws + "/protocol", server.http + "/protocol"]) {
      // no "ws": prefixed; ws://: kept; http:// kept (the original made it ws://http://...), and the
      // WebSocket class turns it into ws://
      const ws = await openWs(Ws, endpoint);
      const echoes = new Inbox();
      ws.On("echo", echoes.add);
      ws.Emit("echo", endpoint);
      assert.equal(await echoes.next(), endpoint);
      ws.Disconnect();
    }
    // "ws" in the query: left as it is, as the original did (a page resolves it as a relative URL;
    // Node has no page, so the WebSocket class refuses it)
    assert.throws(() => new Ws(host + "/protocol?views=1"), { name: "SyntaxError", message: /Invalid URL: 127/ });
  });

  test("new Ws(endpoint, protocols) asks for the subprotocols; the server's choice is the connection's", async () => {
    // the server supports chat.v2 and chat.v1, preferring chat.v2
    for (const [protocols, chosen] of [["chat.v1", "chat.v1"], [["chat.v1"], "chat.v1"],
      [["other", "chat.v1", "chat.v2"], "chat.v2"], [[], ""], [undefined, ""]]) {
      const ws = await openWs(Ws, server.ws + "/protocol", protocols);
      const answers = new Inbox();
      ws.On("subprotocol", answers.add);
      ws.Emit("subprotocol");
      assert.equal(await answers.next(), chosen, "the server's handshake, asking for " + JSON.stringify(protocols));
      assert.equal(ws.conn.protocol, chosen, "the socket's protocol");
      ws.Disconnect();
    }
  });

  test("Disconnect ends the connection on both sides; a server-side disconnect fires OnDisconnect", async () => {
    const before = (await server.log()).length;
    const ws = await openWs(Ws, server.ws + "/protocol");
    const disconnected = new Promise((resolve) => ws.OnDisconnect(resolve));
    ws.Disconnect();
    await disconnected;
    // the connection that opened after `before` is this one; the server's disconnect listener ran for it
    const id = await waitFor("the server's connect", async () => {
      const connect = (await server.log()).slice(before).find((line) => line.startsWith("connect "));
      return connect && connect.substring("connect ".length);
    });
    await waitFor("the server's disconnect of " + id, async () => (await server.log()).includes("disconnect " + id));

    const kicked = await openWs(Ws, server.ws + "/protocol");
    const gone = new Promise((resolve) => kicked.OnDisconnect(resolve));
    kicked.Emit("kick");
    await gone;
  });

  test("the served iris-ws.js is plain ECMAScript 5, also with a prefix that needs escapes", async () => {
    const parseEs5 = (source) => parse(source, { ecmaVersion: 5, sourceType: "script" });
    for (const later of ["let x = 1;", "var f = () => 1;", "var s = `t`;", "class A {}", "var o = {a, b};",
      "var s = \"\u2028\";"]) {
      assert.throws(() => parseEs5(later), SyntaxError, "ES5 has no " + later); // the check below can fail
    }
    const served = await (await fetch(server.http + "/iris-ws.js")).text();
    assert.doesNotThrow(() => parseEs5(served));
    const odd = await startServer({ prefix: 'q"\\<\u2028/>&:' });
    try {
      const rendered = await (await fetch(odd.http + "/iris-ws.js")).text();
      assert.notEqual(rendered, served);
      assert.doesNotThrow(() => parseEs5(rendered));
    } finally {
      await odd.remove();
    }
  });

  test("a server with another prefix serves the script with that prefix, and they understand each other", async () => {
    const custom = await startServer({ prefix: "app-evt:" });
    try {
      const script = await (await fetch(custom.http + "/iris-ws.js")).text();
      assert.match(script, /var EVENT_PREFIX = "app-evt:";/);
      assert.equal(script.includes(PREFIX), false);
      const CustomWs = await loadServedIrisClient(custom);
      const ws = await openWs(CustomWs, custom.ws + "/protocol");
      const echoes = new Inbox();
      ws.On("echo", echoes.add);
      ws.Emit("echo", "with app-evt");
      assert.equal(await echoes.next(), "with app-evt");
      ws.Disconnect();
    } finally {
      await custom.remove();
    }
  });
});
