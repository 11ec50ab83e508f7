// Binary mode (Config.binaryMessages): events and replies with a body come as binary frames, which
// neffos.js hands over as ArrayBuffers; errors and empty replies stay text, since neffos.js turns
// the body of a binary error into `new Error(ArrayBuffer)`, "[object ArrayBuffer]".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dial, NEFFOS_BINARY_URL } from './support.mjs';

const text = (body) => new TextDecoder().decode(body);

test('binary mode: an ask\'s reply arrives as an ArrayBuffer with the handler\'s value', async () => {
  const { conn } = await dial({}, NEFFOS_BINARY_URL);
  try {
    const ns = await conn.connect('default');
    const reply = await ns.ask('echo', 'in binary');
    assert.ok(reply.Body instanceof ArrayBuffer);
    assert.equal(text(reply.Body), 'in binary');
  } finally {
    conn.close();
  }
});

test('binary mode: an ask whose handler throws rejects with the exception\'s text', async () => {
  const { conn } = await dial({}, NEFFOS_BINARY_URL);
  try {
    const ns = await conn.connect('default');
    await assert.rejects(ns.ask('fail', 'x'), (err) => {
      assert.equal(err.message, 'nope: x');
      return true;
    });
  } finally {
    conn.close();
  }
});

test('binary mode: a plain emit whose handler throws gets msg.Err with the text', async () => {
  const { conn, recorder } = await dial({}, NEFFOS_BINARY_URL);
  try {
    const ns = await conn.connect('default');
    ns.emit('fail', 'y');
    const failed = await recorder.next((e) => e.event === 'fail');
    assert.equal(failed.err.message, 'nope: y');
  } finally {
    conn.close();
  }
});

test('binary mode: vetoes and bad namespace reject with their text', async () => {
  const { conn } = await dial({}, NEFFOS_BINARY_URL);
  try {
    await assert.rejects(conn.connect('unknownOnServer'), (err) => err.message === 'bad namespace');
    const ns = await conn.connect('default');
    await assert.rejects(ns.joinRoom('forbidden'), (err) => err.message === 'room forbidden');
    const room = await ns.joinRoom('open');
    assert.equal(room.name, 'open');
  } finally {
    conn.close();
  }
});
