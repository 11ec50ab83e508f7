// Dial, the M/A/H handshake, X-Websocket-Header-* parameters and HEAD probes (spec §2.1).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dial, neffos, NEFFOS_BINARY_URL, NEFFOS_URL, within } from './support.mjs';

test('dial resolves with the connection ID the server acknowledged', async () => {
  const { conn } = await dial();
  try {
    assert.match(conn.ID, /^[0-9a-f-]{36}$/, 'the A<id> frame carries a UUID');
    assert.equal(conn.isAcknowledged(), true);
  } finally {
    conn.close();
  }
});

test('a connect hook that throws rejects dial with its message (H<error>)', async () => {
  await assert.rejects(
    neffos.dial(NEFFOS_URL, { default: {} }, { headers: { 'X-Refuse': 'not today' } }),
    (err) => {
      assert.equal(err.message, 'refused: not today');
      return true;
    });
});

test('X-Websocket-Header-* query parameters are headers of the handshake', async () => {
  const { conn } = await dial({}, NEFFOS_URL + '?X-Websocket-Header-X-Token=abc123');
  try {
    const ns = await conn.connect('default');
    const reply = await ns.ask('header', 'X-Token');
    assert.equal(reply.Body, 'abc123');
  } finally {
    conn.close();
  }
});

test('a header parameter never stands for the Origin header', async () => {
  const { conn } = await dial({}, NEFFOS_URL + '?X-Websocket-Header-Origin=https%3A%2F%2Fevil.example');
  try {
    const ns = await conn.connect('default');
    const reply = await ns.ask('header', 'Origin');
    assert.equal(reply.Body, '(none)');
  } finally {
    conn.close();
  }
});

test('HEAD on the endpoint answers 302, the reconnect probe of neffos.js', async () => {
  const response = await fetch(NEFFOS_URL.replace(/^ws/, 'http'), { method: 'HEAD', redirect: 'manual' });
  assert.equal(response.status, 302);
});

test('frames sent before M are queued and handled after the A<id> acknowledgement', async () => {
  const { WebSocket } = await import('ws');
  const socket = new WebSocket(NEFFOS_URL);
  const frames = [];
  const got = new Promise((resolve) => socket.on('message', (data) => {
    frames.push(data.toString());
    if (frames.length === 3) {
      resolve();
    }
  }));
  await new Promise((resolve) => socket.once('open', resolve));
  socket.send('$1;default;;_OnNamespaceConnect;0;0;');
  socket.send('$2;default;;echo;0;0;early;bird');
  socket.send('M');
  await got;
  socket.close();
  assert.match(frames[0], /^A[0-9a-f-]{36}$/);
  assert.equal(frames[1], '$1;;;;;;');
  assert.equal(frames[2], '$2;default;;echo;0;0;early;bird');
});

test('an ask that is not a valid message is answered "invalid payload", which neffos.js rejects its ask with', async () => {
  // the binary endpoint has no native handler: with one, such a frame would be a native message
  const { conn } = await dial({}, NEFFOS_BINARY_URL);
  try {
    await conn.connect('default');
    // wait for the answer as neffos.js's own ask() does, then send what a broken client might
    const answered = new Promise((resolve, reject) => {
      conn.waitingMessages.set('$broken', (reply) => (reply.isError ? reject(reply.Err) : resolve(reply)));
    });
    conn.conn.send('$broken;default;;echo;2;0;bad isNoOp flag');
    await assert.rejects(within(answered, 5000, 'the answer to the malformed ask'), (err) => {
      assert.equal(err.message, 'invalid payload');
      return true;
    });
  } finally {
    conn.close();
  }
});
