// Namespaces, rooms, hooks and vetoes (spec §2.3).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dial, NEFFOS_URL } from './support.mjs';

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
