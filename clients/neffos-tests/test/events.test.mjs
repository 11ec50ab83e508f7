// Emits, room emits, asks and their replies, both ways (spec §2.2, §2.3).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dial, eventually, neffos, sleep, within } from './support.mjs';

test('a plain emit whose handler returns a value is answered on the same event', async () => {
  const { conn, recorder } = await dial();
  try {
    const ns = await conn.connect('default');
    ns.emit('echo', 'semi;colons;kept');
    const echo = await recorder.next((e) => e.event === 'echo');
    assert.equal(echo.body, 'semi;colons;kept');
  } finally {
    conn.close();
  }
});

test('ask gets the handler\'s return value as its reply', async () => {
  const { conn } = await dial();
  try {
    const ns = await conn.connect('default');
    const reply = await ns.ask('echo', 'ping');
    assert.equal(reply.Body, 'ping');
    assert.equal(reply.Event, 'echo');
    assert.equal(reply.Namespace, 'default');
  } finally {
    conn.close();
  }
});

test('ask rejects with the message of what the handler threw', async () => {
  const { conn } = await dial();
  try {
    const ns = await conn.connect('default');
    await assert.rejects(ns.ask('fail', 'x'), (err) => err.message === 'nope: x');
  } finally {
    conn.close();
  }
});

test('ask of a handler that returns nothing, or of an event without handler, gets an empty reply', async () => {
  const { conn } = await dial();
  try {
    const ns = await conn.connect('default');
    assert.equal((await ns.ask('silent', 'x')).Body, '');
    assert.equal((await ns.ask('noSuchEvent', 'x')).Body, '');
  } finally {
    conn.close();
  }
});

test('JSON bodies decode into the handler\'s type and replies encode as JSON', async () => {
  const { conn } = await dial();
  try {
    const ns = await conn.connect('default');
    const reply = await ns.ask('typed', neffos.marshal({ x: 1, y: 2 }));
    assert.deepEqual(reply.unmarshal(), { x: 2, y: 3 });
  } finally {
    conn.close();
  }
});

test('a room emit reaches every member of the room with the room set', async () => {
  const a = await dial();
  const b = await dial();
  const c = await dial();
  try {
    const nsA = await a.conn.connect('default');
    const nsB = await b.conn.connect('default');
    const nsC = await c.conn.connect('default');
    const roomA = await nsA.joinRoom('r1');
    await nsB.joinRoom('r1');
    await nsC.joinRoom('elsewhere');
    roomA.emit('chat', 'hi all');
    for (const client of [a, b]) {
      const chat = await client.recorder.next((e) => e.event === 'chat');
      assert.equal(chat.room, 'r1');
      assert.equal(chat.body, a.conn.ID + ': hi all');
    }
    roomA.emit('others', 'not me');
    const other = await b.recorder.next((e) => e.event === 'others');
    assert.equal(other.body, 'not me');
    await nsC.ask('echo', 'sync');
    assert.equal(c.recorder.events.filter((e) => e.event === 'chat' || e.event === 'others').length, 0,
      'a connection outside the room receives nothing');
    await nsA.ask('echo', 'sync');
    assert.equal(a.recorder.events.filter((e) => e.event === 'others').length, 0, 'others() skips the sender');
  } finally {
    a.conn.close();
    b.conn.close();
    c.conn.close();
  }
});

test('server-initiated emit', async () => {
  const { conn, recorder } = await dial();
  try {
    const ns = await conn.connect('default');
    ns.emit('serverEmit', 'you');
    const pushed = await recorder.next((e) => e.event === 'pushed');
    assert.equal(pushed.body, 'hello you');
    assert.equal(pushed.namespace, 'default');
  } finally {
    conn.close();
  }
});

test('server-initiated ask: the client handler\'s neffos.reply answers it', async () => {
  const { conn } = await dial({}, undefined, {
    question: (ns, msg) => neffos.reply('42 (asked: ' + msg.Body + ')'),
  });
  try {
    const ns = await conn.connect('default');
    const reply = await ns.ask('askMe', 'the answer?');
    assert.equal(reply.Body, 'client said 42 (asked: the answer?)');
  } finally {
    conn.close();
  }
});

test('server-initiated ask: an Error returned by the client handler fails the server\'s stage', async () => {
  const { conn } = await dial({}, undefined, {
    question: () => new Error('client refuses'),
  });
  try {
    const ns = await conn.connect('default');
    const reply = await ns.ask('askMe', 'anything');
    assert.equal(reply.Body, 'client failed: client refuses');
  } finally {
    conn.close();
  }
});

test('server-initiated room join and leave reach the client', async () => {
  const { conn, recorder } = await dial();
  try {
    const ns = await conn.connect('default');
    assert.equal((await ns.ask('serverJoin', 'r9')).Body, 'joined r9');
    assert.ok(ns.room('r9'), 'the client has the room');
    await recorder.next((e) => e.event === '_OnRoomJoined' && e.room === 'r9');
    assert.equal((await ns.ask('serverLeave', 'r9')).Body, 'left r9');
    await recorder.next((e) => e.event === '_OnRoomLeft' && e.room === 'r9');
    assert.equal(ns.room('r9'), undefined);
  } finally {
    conn.close();
  }
});

test('a binary body makes the round trip byte for byte', async () => {
  const { conn, recorder } = await dial();
  try {
    const ns = await conn.connect('default');
    const bytes = new Uint8Array([0, 1, 2, 59, 59, 200, 255, 0]);
    ns.emitBinary('binary', bytes);
    const echo = await recorder.next((e) => e.event === 'binary');
    assert.ok(echo.body instanceof ArrayBuffer, 'a binary frame arrives as an ArrayBuffer');
    assert.deepEqual(Array.from(new Uint8Array(echo.body)), Array.from(bytes));
  } finally {
    conn.close();
  }
});

/** Dials with a native handler only, sends `text` as a raw frame and returns what the native handler heard. */
async function nativeEchoOf(text) {
  const received = [];
  const conn = await neffos.dial(process.env.NEFFOS_URL, {
    '': { _OnNativeMessage: (ns, msg) => { received.push(msg.Body); } },
  });
  try {
    await conn.connect('');
    conn.conn.send(text);
    await eventually(() => received.length > 0, 'the native echo');
    return received;
  } finally {
    conn.close();
  }
}

test('native messages reach the namespace "" native handler', async () => {
  assert.deepEqual(await nativeEchoOf('plain text, not a neffos message'),
    ['native echo: plain text, not a neffos message']);
});

test('server-initiated namespace connect: the client gets the namespace', async () => {
  const { conn } = await dial();
  try {
    const ns = await conn.connect('default');
    const waiting = conn.waitServerConnect('ctrl');
    assert.equal((await ns.ask('connectCtrl', '')).Body, 'connected ctrl');
    const ctrl = await waiting;
    assert.equal(ctrl.namespace, 'ctrl');
    assert.match((await ctrl.ask('whoami', '')).Body, /^controller \d+ connected to ctrl$/);
  } finally {
    conn.close();
  }
});

test('a plain emit whose handler throws gets an error message on that event, with the exception\'s text', async () => {
  const { conn, recorder } = await dial();
  try {
    const ns = await conn.connect('default');
    ns.emit('fail', 'x');
    const failed = await recorder.next((e) => e.event === 'fail');
    assert.ok(failed.err instanceof Error, 'neffos.js sets msg.Err');
    assert.equal(failed.err.message, 'nope: x');
    assert.equal(failed.namespace, 'default');
    ns.emit('failBare', 'x');
    const bare = await recorder.next((e) => e.event === 'failBare');
    assert.equal(bare.err.message, 'UnsupportedOperationException', 'an exception without a message: its class name');
  } finally {
    conn.close();
  }
});

test('server-initiated ask that the client never answers fails with a timeout', async () => {
  const { conn, recorder } = await dial({}, undefined, { ignored: () => undefined });
  try {
    const ns = await conn.connect('default');
    const reply = await ns.ask('askBriefly', 'anyone?');
    assert.equal(reply.Body, 'failed: TimeoutException');
    assert.equal((await recorder.next((e) => e.event === 'ignored')).body, 'anyone?', 'the client did get the ask');
  } finally {
    conn.close();
  }
});

test('server-initiated ask to a client that disconnects meanwhile fails at once, not at its timeout', async () => {
  const key = 'gone-' + Date.now();
  const leaving = await dial({}, undefined, {
    question: (ns) => { setTimeout(() => ns.conn.close(), 0); },
  });
  const observer = await dial();
  try {
    const ns = await leaving.conn.connect('default');
    const watch = await observer.conn.connect('default');
    ns.emit('askAndRecord', key);
    await leaving.recorder.next((e) => e.event === 'question');
    let outcome = '';
    await eventually(async () => {
      outcome = (await watch.ask('askOutcome', key)).Body;
      return outcome !== '';
    }, 'the ask to end (its timeout is 60 s)', 10000);
    assert.equal(outcome, 'failed: ConnectionClosedException: already disconnected');
  } finally {
    leaving.conn.close();
    observer.conn.close();
  }
});

test('a registry emit completes for clients in no namespace and reaches one in two namespaces in both', async () => {
  const sender = await dial();
  const idle = await dial();
  const both = await dial();
  try {
    const ns = await sender.conn.connect('default');
    await both.conn.connect('default');
    await both.conn.connect('ctrl');
    const reply = await Promise.race([ns.ask('broadcastAll', 'to everyone'),
      sleep(5000).then(() => { throw new Error('the emit\'s stage did not complete'); })]);
    assert.equal(reply.Body, 'delivered');
    for (const namespace of ['default', 'ctrl']) {
      const got = await both.recorder.next((e) => e.event === 'broadcast' && e.namespace === namespace);
      assert.equal(got.body, 'to everyone');
      assert.equal(got.room, '');
    }
    assert.equal((await sender.recorder.next((e) => e.event === 'broadcast')).namespace, 'default');
    assert.equal(idle.recorder.events.length, 0, 'a client in no namespace receives nothing');
  } finally {
    sender.conn.close();
    idle.conn.close();
    both.conn.close();
  }
});

test('an Error returned by a client handler for a server emit is reported, not answered: no ping-pong', async () => {
  let pokes = 0;
  const { conn } = await dial({}, undefined, {
    poke: () => {
      pokes++;
      return new Error('client poke failed');
    },
  });
  try {
    const ns = await conn.connect('default');
    ns.emit('pokeMe', 'are you ok?');
    await eventually(() => pokes > 0, 'the server\'s poke');
    await sleep(500);
    await ns.ask('echo', 'sync');
    assert.equal(pokes, 1, 'the server handler of "poke" did not answer the client\'s error (it would loop)');
    assert.equal((await ns.ask('lastError', '')).Body, 'client poke failed', 'the error listeners heard the client');
  } finally {
    conn.close();
  }
});

test('a native message with six or more semicolons still reaches the native handler', async () => {
  assert.deepEqual(await nativeEchoOf('id;name;city;zip;country;phone;email'),
    ['native echo: id;name;city;zip;country;phone;email']);
});

test('an ask whose handler returns a stage that never completes is rejected after the answer timeout', async () => {
  const { conn } = await dial();
  try {
    const ns = await conn.connect('default');
    const started = Date.now();
    await assert.rejects(within(ns.ask('never', 'x'), 10000, 'the answer to "never"'), (err) => {
      assert.equal(err.message, 'no answer within 3000 ms');
      return true;
    });
    assert.ok(Date.now() - started >= 2900, 'not before the timeout');
    assert.match((await ns.ask('lastError', '')).Body, /did not complete its answer/);
  } finally {
    conn.close();
  }
});
