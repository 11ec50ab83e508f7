// One registry for both protocols: a server room emit reaches an Iris-protocol client and a
// neffos client in the same room, each in its own protocol.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dial, eventually, irisClient } from './support.mjs';

test('a server room emit reaches Iris and neffos members of the room', async () => {
  const iris = await irisClient();
  const { conn, recorder } = await dial();
  try {
    iris.emit('join', 'default/news');
    const ns = await conn.connect('default');
    await ns.joinRoom('news');
    // the Iris join travels on another connection: wait until the server has seen it
    await eventually(async () => (await ns.ask('members', 'news')).Body === '2',
      'both clients in registry room default/news');
    ns.emit('news', 'extra;extra');
    const headline = await recorder.next((e) => e.event === 'headline');
    assert.equal(headline.room, 'news');
    assert.equal(headline.body, 'extra;extra');
    assert.equal(await iris.next((f) => f.includes('headline')), 'iris-websocket-message:headline;0;extra;extra');
  } finally {
    iris.close();
    conn.close();
  }
});
