// Namespaces, rooms, hooks and vetoes (spec §2.3).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dial, eventually, neffos, NEFFOS_URL } from './support.mjs';

test('connecting a namespace runs the connect hooks', async () => {
  const { conn, recorder } = await dial();
  try {
    const ns = await conn.connect('default');
    assert.equal(ns.namespace, 'default');
    await recorder.next((e) => e.event === '_OnNamespaceConnected');
    assert.equal((await ns.ask('connectedHook', '')).Body, 'default');
  } finally {
    conn.close();
  }
});

test('a namespace the server does not define is refused with "bad namespace"', async () => {
  const { conn } = await dial();
  try {
    await assert.rejects(conn.connect('unknownOnServer'), (err) => err.message === 'bad namespace');
  } finally {
    conn.close();
  }
});

test('a namespace connect hook that throws rejects connect with its message', async () => {
  const { conn } = await dial({}, NEFFOS_URL + '?refuseNamespace=1');
  try {
    await assert.rejects(conn.connect('default'), (err) => err.message === 'namespace closed for you');
  } finally {
    conn.close();
  }
});

test('joining a room: the join hooks run, the server sees the membership', async () => {
  const { conn, recorder } = await dial();
  try {
    const ns = await conn.connect('default');
    const room = await ns.joinRoom('lobby');
    assert.equal(room.name, 'lobby');
    await recorder.next((e) => e.event === 'joined' && e.body === 'lobby');
    assert.equal((await ns.ask('rooms', '')).Body, 'lobby');
    assert.equal((await ns.ask('members', 'lobby')).Body, '1');
  } finally {
    conn.close();
  }
});

test('a room join hook that throws rejects joinRoom with its message', async () => {
  const { conn } = await dial();
  try {
    const ns = await conn.connect('default');
    await assert.rejects(ns.joinRoom('forbidden'), (err) => err.message === 'room forbidden');
    assert.equal((await ns.ask('rooms', '')).Body, '');
  } finally {
    conn.close();
  }
});

test('leaving a room and disconnecting a namespace update the server', async () => {
  const { conn } = await dial();
  try {
    const ns = await conn.connect('default');
    const room = await ns.joinRoom('temp');
    assert.equal(await room.leave(), null);
    assert.equal((await ns.ask('rooms', '')).Body, '');
    await ns.joinRoom('temp2');
    await ns.disconnect();
    const again = await conn.connect('default');
    assert.equal((await again.ask('members', 'temp2')).Body, '0', 'a namespace disconnect leaves its rooms');
  } finally {
    conn.close();
  }
});

test('a room leave hook that throws keeps the client in the room, and leave() returns its message', async () => {
  const { conn } = await dial();
  try {
    const ns = await conn.connect('default');
    const room = await ns.joinRoom('sticky');
    const refused = await room.leave();
    assert.ok(refused instanceof Error, 'neffos.js hands back the error rather than rejecting');
    assert.equal(refused.message, 'you cannot leave sticky');
    assert.ok(ns.room('sticky'), 'the client still has the room');
    assert.equal((await ns.ask('rooms', '')).Body, 'sticky', 'the server still has it');
  } finally {
    conn.close();
  }
});

test('the room left hook reports each leave; one that throws is reported to the error listeners, not a veto', async () => {
  const { conn, recorder } = await dial();
  try {
    const ns = await conn.connect('default');
    const temp = await ns.joinRoom('temp');
    assert.equal(await temp.leave(), null);
    assert.equal((await recorder.next((e) => e.event === 'leftHook')).body, 'temp');
    recorder.clear();
    await ns.joinRoom('r7');
    assert.equal((await ns.ask('serverLeave', 'r7')).Body, 'left r7');
    assert.equal((await recorder.next((e) => e.event === 'leftHook')).body, 'r7 (server)');
    recorder.clear();
    assert.equal((await ns.ask('lastError', '')).Body, '(none)');
    const bumpy = await ns.joinRoom('bumpy');
    assert.equal(await bumpy.leave(), null, 'the leave succeeds although the left hook threw');
    assert.equal((await recorder.next((e) => e.event === 'leftHook')).body, 'bumpy');
    assert.equal((await ns.ask('rooms', '')).Body, '');
    assert.match((await ns.ask('lastError', '')).Body, /ROOM_LEFT hook of namespace 'default' threw .*the left hook stumbled/);
  } finally {
    conn.close();
  }
});

test('a namespace disconnect hook that throws keeps the namespace, and disconnect() returns its message', async () => {
  const { conn } = await dial();
  try {
    const ns = await conn.connect('default');
    await ns.joinRoom('kept');
    assert.equal((await ns.ask('lock', 'true')).Body, 'locked: true');
    const refused = await ns.disconnect();
    assert.ok(refused instanceof Error, 'neffos.js hands back the error rather than rejecting');
    assert.equal(refused.message, 'namespace locked');
    assert.ok(conn.namespace('default'), 'the client is still connected to the namespace');
    assert.equal((await ns.ask('rooms', '')).Body, 'kept', 'the server kept the namespace and its rooms');
    assert.equal((await ns.ask('lock', 'false')).Body, 'locked: false');
    assert.ok(!((await ns.disconnect()) instanceof Error), 'unlocked, the disconnect succeeds');
    assert.equal(conn.namespace('default'), undefined);
  } finally {
    conn.close();
  }
});

test('semicolons in namespace, room and event names make the round trip', async () => {
  const received = [];
  const handlers = { 'semi;colon': { 'chat;room': (ns, msg) => { received.push(msg); } } };
  const a = await neffos.dial(NEFFOS_URL, handlers);
  const b = await neffos.dial(NEFFOS_URL, handlers);
  try {
    const ns = await a.connect('semi;colon');
    const reply = await ns.ask('ev;ent', 'body;with;semicolons');
    assert.equal(reply.Namespace, 'semi;colon');
    assert.equal(reply.Event, 'ev;ent');
    assert.equal(reply.Body, 'body;with;semicolons in semi;colon/');
    const room = await ns.joinRoom('r;1');
    const other = await (await b.connect('semi;colon')).joinRoom('r;1');
    assert.equal(other.name, 'r;1');
    room.emit('chat;room', 'hi;there');
    await eventually(() => received.length === 2, 'both members of r;1');
    for (const msg of received) {
      assert.equal(msg.Namespace, 'semi;colon');
      assert.equal(msg.Room, 'r;1');
      assert.equal(msg.Event, 'chat;room');
      assert.equal(msg.Body, 'hi;there');
    }
  } finally {
    a.close();
    b.close();
  }
});
