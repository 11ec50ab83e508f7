// The Node example of the guide (src-docs/guide/clients.md shows the tagged regions), run as written.
import { test } from "node:test";
import assert from "node:assert/strict";
import { startServer, waitFor } from "../support/harness.mjs";
// tag::node-import[]
import { connect } from "sockeye-client";
import { WebSocket } from "ws"; // Node 20 has no global WebSocket (browsers and Node 22+ do)
// end::node-import[]

test("the guide's Node example runs as written", async (t) => {
  const server = await startServer();
  const url = server.ws + "/protocol";
  const printed = [];
  t.mock.method(console, "log", (...values) => printed.push(values.join(" ")));
  try {
    // tag::node-use[]
    const client = await connect(url, { WebSocket, reconnect: { initialDelay: 500, maxDelay: 10_000 } });
    client.onState((state, detail) => console.log("state:", state, JSON.stringify(detail)));
    client.onError((error) => console.log("problem:", error.code, error.message));

    client.on("echo", (text) => console.log("echo:", text));
    client.on("s-record", (record) => console.log("record:", record.name, record.values.length));
    client.emit("echo", "hello from Node");
    client.emit("samples"); // the server answers with one event of each payload type
    // end::node-use[]
    await waitFor("the echo and the record", () => printed.length >= 2);
    assert.deepEqual(printed, ["echo: hello from Node", "record: a 2"]);
    // tag::node-close[]
    await client.close(); // no reconnect after this
    // end::node-close[]
    assert.deepEqual(printed.slice(2), ['state: closed {"code":1000,"reason":"","wasClean":true}']);
  } finally {
    await server.remove();
  }
});
