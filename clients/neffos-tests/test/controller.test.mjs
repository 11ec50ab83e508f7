// A @NeffosController class serves namespace "ctrl": one instance per namespace connection.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dial, neffos } from './support.mjs';

test('controller methods are the namespace\'s events and hooks, with an instance per connection', async () => {
  const a = await dial();
  const b = await dial();
  try {
    const nsA = await a.conn.connect('ctrl');
    const nsB = await b.conn.connect('ctrl');
    const whoA = (await nsA.ask('whoami', '')).Body;
    const whoB = (await nsB.ask('whoami', '')).Body;
    assert.match(whoA, /^controller \d+ connected to ctrl$/, 'the connected hook ran on the instance');
    assert.notEqual(whoA, whoB, 'two connections, two instances');
    const instance = whoA.split(' ')[1];
    assert.equal((await nsA.ask('count', 'x')).Body, 'x #1 of instance ' + instance);
    assert.equal((await nsA.ask('count', 'y')).Body, 'y #2 of instance ' + instance);
    assert.deepEqual((await nsB.ask('move', neffos.marshal({ x: 1, y: 2 }))).unmarshal(), { x: 10, y: 20 });
    await assert.rejects(nsA.joinRoom('private-1'), (err) => err.message === 'controller says no to private-1');
    assert.equal((await nsA.joinRoom('public')).name, 'public');
  } finally {
    a.conn.close();
    b.conn.close();
  }
});
