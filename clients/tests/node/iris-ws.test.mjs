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

  test("Emit keeps the original client's rules beyond the table", async () => {
    const ws = await openWs(Ws, server.ws + "/mirror");
    const frames = new Inbox();
    ws.OnMessage(frames.add);
    const cases = [
      [[1, "b"], "chat;4;[1,\"b\"]"],
      [null, "chat;4;null"],
      [" 7 ", "chat;1; 7 "],
      ["0x1f", "chat;1;0x1f"],
      ["1e3", "chat;1;1e3"],
      ["-2.5E-3", "chat;1;-2.5E-3"],
      [1e21, "chat;1;1e+21"],
      ["seven", "chat;0;seven"],
      [-0.25, "chat;1;-0.25"],
      [new Number(5), "chat;1;5"],
      [new String("s"), "chat;0;s"],
      [new Boolean(false), "chat;2;false"],
      ["ünï 🐟", "chat;0;ünï 🐟"],
    ];
    for (const [value, expected] of cases) {
      ws.Emit("chat", value);
      assert.equal(await frames.next(), "frame:" + PREFIX + expected, "Emit(" + JSON.stringify(value) + ")");
    }
    assert.throws(() => ws.Emit("a;b", 1), /no ';'/);
    assert.throws(() => ws.Emit("chat", () => 1), { name: "TypeError" }); // the script's realm: not Node's TypeError
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
    for (const event of ["s-text", "s-int", "s-long", "s-true", "s-false", "s-double", "s-record", "s-list",
      "s-map", "s-null", "s-bytes", "s-empty", "s-done"]) {
      ws.On(event, (payload) => received.add([event, payload]));
    }
    ws.OnMessage((message) => received.add(["native", message]));
    ws.Emit("samples");
    const all = [];
    for (let item = await received.next(); item[0] !== "s-done"; item = await received.next()) {
      all.push(item);
    }
    assert.deepEqual(all, [
      ["s-text", "hello;x ü"],
      ["s-int", "42"],
      ["s-long", "9007199254740993"],
      ["s-true", "true"],
      ["s-false", "false"],
      ["s-double", "3.5"],
      ["s-record", '{"name":"a","values":[1,2]}'],
      ["s-list", '["a","b"]'],
      ["s-map", '{"k":1}'],
      ["s-null", "null"],
      ["s-bytes", "raw bytes"],
      ["s-empty", ""],
      ["native", "native text"],
    ]);
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

  test("the endpoint may omit ws://, emits before the open are queued, OnConnect fires at once when open", async () => {
    const ws = new Ws("127.0.0.1:" + server.port + "/protocol");
    const echoes = new Inbox();
    ws.On("echo", echoes.add);
    ws.Emit("echo", "first");
    ws.Emit("echo", "second");
    await new Promise((resolve) => ws.OnConnect(resolve));
    assert.deepEqual(await echoes.take(2), ["first", "second"]);
    let late = false;
    ws.OnConnect(() => {
      late = true;
    });
    assert.equal(late, true, "OnConnect on an open connection calls back at once");
    ws.Disconnect();
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
