// After the server restarts, neffos.js probes with HEAD, dials again (X-Websocket-Reconnect),
// and reconnects its namespaces and rejoins its rooms.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { neffos, Recorder, recordingEvents, CONTROL_URL, NEFFOS_URL } from './support.mjs';

test('the client reconnects after a server restart, rejoining namespaces and rooms', async () => {
  const recorder = new Recorder();
  const conn = await neffos.dial(NEFFOS_URL, { default: recordingEvents(recorder) }, { reconnect: 200 });
  const ns = await conn.connect('default');
  await ns.joinRoom('survivors');
  assert.equal((await ns.ask('reconnectTries', '')).Body, '0');
  recorder.clear();

  const restart = await fetch(CONTROL_URL + '/restart?downMillis=500', { method: 'POST' });
  assert.equal(restart.status, 200, await restart.text());

  const rejoined = await recorder.next((e) => e.event === '_OnRoomJoined' && e.room === 'survivors', 15000);
  const newNs = rejoined.ns;
  assert.notEqual(newNs.conn, conn, 'a new connection');
  assert.ok(Number((await newNs.ask('reconnectTries', '')).Body) >= 1, 'the server saw X-Websocket-Reconnect');
  assert.equal((await newNs.ask('members', 'survivors')).Body, '1', 'the new server has it in the room');
  newNs.conn.close();
});
