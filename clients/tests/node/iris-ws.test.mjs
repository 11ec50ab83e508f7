// iris-ws.js, the drop-in client of Iris pages, as a real server serves it, against that server.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { Inbox, PREFIX, loadServedIrisClient, openWs, startServer, waitFor } from "../support/harness.mjs";

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

  test("event names such as __proto__ and constructor are ordinary events", async () => {
    const ws = await openWs(Ws, server.ws + "/protocol");
    const received = new Inbox();
    ws.On("__proto__", (payload) => received.add("__proto__ " + payload));
    ws.On("constructor", (payload) => received.add("constructor " + payload));
    ws.Emit("emit-to", "toString"); // no listener: ignored, nothing inherited is called
    ws.Emit("emit-to", "__proto__");
    ws.Emit("emit-to", "constructor");
    assert.equal(await received.next(), "__proto__ to __proto__");
    assert.equal(await received.next(), "constructor to constructor");
    assert.equal(Object.prototype.polluted, undefined);
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
