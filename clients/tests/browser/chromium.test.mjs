// Both clients in a real browser: Debian's Chromium driven by playwright-core. The chat example
// (iris-ws.js) in two pages, and sockeye.js imported by a page from the server.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { startServer, waitFor } from "../support/harness.mjs";

const CHROMIUM = process.env.SOCKEYE_CHROMIUM || "/usr/bin/chromium";
const ARTIFACTS = process.env.SOCKEYE_ARTIFACTS || join(tmpdir(), "sockeye-artifacts");
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run"];
const UUID = "[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}";

describe("Chromium", () => {
  let userDataDir;
  let browser;

  before(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error("Chromium is missing at " + CHROMIUM + ": run scripts/setup.sh (as root it runs "
          + "apt-get install -y chromium), or point SOCKEYE_CHROMIUM at a Chromium binary");
    }
    userDataDir = mkdtempSync(join(tmpdir(), "sockeye-chromium-")); // a fresh profile for every run
    browser = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: FLAGS,
      viewport: { width: 720, height: 640 },
    });
  });

  after(async () => {
    await browser?.close();
    if (userDataDir) {
      rmSync(userDataDir, { recursive: true, force: true });
    }
  });

  /** The texts of the chat page's message lines. */
  function lines(page) {
    return page.$$eval("#messages div", (divs) => divs.map((div) => div.textContent));
  }

  async function lineEndingWith(page, suffix) {
    await page.waitForFunction((end) => [...document.querySelectorAll("#messages div")]
      .some((div) => div.textContent.endsWith(end)), suffix, { timeout: 30000 });
    return (await lines(page)).find((line) => line.endsWith(suffix));
  }

  async function say(page, text) {
    await page.fill("#messageTxt", text);
    await page.click("#sendBtn");
  }

  test("two pages of the chat example talk; closing one fires the server's disconnect", async () => {
    const chat = await startServer({ fixture: "chat" });
    try {
      const alice = await browser.newPage();
      const bob = await browser.newPage();
      for (const page of [alice, bob]) {
        await page.goto(chat.http + "/");
        await page.waitForFunction(() => document.getElementById("status").textContent === "Connected");
      }

      await say(alice, "hello from alice");
      const atBob = await lineEndingWith(bob, ": hello from alice");
      const aliceId = new RegExp("^From: (" + UUID + "): hello from alice$").exec(atBob)?.[1];
      assert.ok(aliceId, "bob's page shows 'From: <id>: ...', not: " + atBob);
      assert.equal(await lineEndingWith(alice, ": hello from alice"), atBob, "the sender is in room1 too");

      await say(bob, "hi alice");
      const atAlice = await lineEndingWith(alice, ": hi alice");
      const bobId = new RegExp("^From: (" + UUID + "): hi alice$").exec(atAlice)?.[1];
      assert.ok(bobId && bobId !== aliceId, atAlice);

      const log = await chat.log();
      assert.ok(log.includes("connect " + aliceId) && log.includes("connect " + bobId), JSON.stringify(log));
      await bob.screenshot({ path: join(ARTIFACTS, "chat.png") });

      await alice.close();
      await waitFor("the server's disconnect of alice's connection",
        async () => (await chat.log()).includes("disconnect " + aliceId), 30000);
      assert.equal((await chat.log()).includes("disconnect " + bobId), false, "bob is still connected");
      await bob.close();
      await waitFor("the server's disconnect of bob's connection",
        async () => (await chat.log()).includes("disconnect " + bobId), 30000);
    } finally {
      await chat.remove();
    }
  });

  test("iris-ws.js in a page: an endpoint that holds \"ws\" is resolved against the page; subprotocols", async () => {
    const server = await startServer();
    try {
      const page = await browser.newPage();
      await page.goto(server.http + "/");
      await page.addScriptTag({ url: "/iris-ws.js" });
      const result = await page.evaluate(async () => {
        const talk = async (ws) => {
          await new Promise((resolve, reject) => {
            ws.OnConnect(resolve);
            ws.OnDisconnect(() => reject(new Error("closed before it opened: " + ws.conn.url)));
          });
          const answers = [];
          const done = new Promise((resolve) => ws.On("subprotocol", (chosen) => {
            answers.push(chosen);
            resolve();
          }));
          ws.On("echo", (text) => answers.push(text));
          ws.Emit("echo", "from " + ws.conn.url);
          ws.Emit("subprotocol");
          await done;
          ws.Disconnect();
          return [ws.conn.url, ws.conn.protocol, ...answers];
        };
        // as in the original: "ws" in the query keeps ws:// off, and the browser resolves the path
        const relative = await talk(new Ws("/protocol?views=1"));
        const negotiated = await talk(new Ws(location.host + "/protocol", ["chat.v1", "chat.v2"]));
        return { relative, negotiated };
      });
      assert.deepEqual(result, {
        relative: [server.ws + "/protocol?views=1", "", "from " + server.ws + "/protocol?views=1", ""],
        negotiated: [server.ws + "/protocol", "chat.v2", "from " + server.ws + "/protocol", "chat.v2"],
      });
      await page.close();
    } finally {
      await server.remove();
    }
  });

  test("the guide's sockeye.js chat page talks, survives a server restart and sends what was typed meanwhile", async () => {
    const server = await startServer();
    try {
      const page = await browser.newPage();
      await page.goto(server.http + "/sockeye-chat.html");
      const status = (expected) => page.waitForFunction((state) => document.getElementById("status").textContent === state,
        expected, { timeout: 30000 });
      await status("open");
      await page.fill("#text", "first");
      await page.press("#text", "Enter");
      assert.match(await lineEndingWith(page, ": first"), new RegExp("^From: " + UUID + ": first$"));

      await server.stop();
      await status("reconnecting");
      await page.fill("#text", "typed while the server was down");
      await page.press("#text", "Enter");
      await server.start();
      await status("open");
      assert.match(await lineEndingWith(page, ": typed while the server was down"), new RegExp("^From: " + UUID + ": "));
      const connects = (await server.log()).filter((line) => line.startsWith("connect "));
      assert.equal(connects.length, 2, "the page reconnected once: " + connects);
      await page.close();
    } finally {
      await server.remove();
    }
  });

  for (const binary of [false, true]) {
    test("a page imports sockeye.js from the server and talks to it (" + (binary ? "binary" : "text") + " frames)",
      async () => {
        const server = await startServer({ binary });
        try {
          const page = await browser.newPage();
          await page.goto(server.http + "/");
          const result = await page.evaluate(async () => {
            const { connect } = await import("/sockeye.js");
            const client = await connect("/protocol"); // relative to the page: ws://<host>/protocol
            const got = {};
            for (const event of ["s-text", "s-long", "s-true", "s-bytes", "s-record"]) {
              client.on(event, (value) => {
                got[event] = value;
              });
            }
            const done = new Promise((resolve) => client.on("s-done", resolve));
            client.emit("samples");
            await done;
            const echo = new Promise((resolve) => client.on("echo", resolve));
            client.emit("echo", "from chromium");
            const typed = new Promise((resolve) => client.on("typed", resolve));
            client.emit("bytes", new Uint8Array([1, 254]));
            const answers = [await echo, await typed];
            await client.close();
            return {
              url: client.url,
              state: client.state,
              text: got["s-text"],
              long: typeof got["s-long"] + " " + String(got["s-long"]),
              bool: got["s-true"],
              bytes: Array.from(got["s-bytes"]),
              record: got["s-record"],
              answers,
            };
          });
          assert.deepEqual(result, {
            url: server.ws + "/protocol",
            state: "closed",
            text: "hello;x ü",
            long: "bigint 9007199254740993",
            bool: true,
            bytes: [...new TextEncoder().encode("raw bytes")],
            record: { name: "a", values: [1, 2] },
            answers: ["from chromium", "bytes 01fe"],
          });
          await page.close();
        } finally {
          await server.remove();
        }
      });
  }
});
