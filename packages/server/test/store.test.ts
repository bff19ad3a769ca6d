import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from '@samverkan/server';

test('every connection runs in WAL mode with synchronous=FULL, a busy timeout and secure_delete', () => {
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-store-'));
  try {
    for (let open = 0; open < 2; open++) {
      const store = new Store(dir);
      try {
        assert.equal(store.db.pragma('journal_mode', { simple: true }), 'wal');
        assert.equal(store.db.pragma('synchronous', { simple: true }), 2, 'FULL');
        assert.ok((store.db.pragma('busy_timeout', { simple: true }) as number) >= 1000);
        assert.equal(store.db.pragma('secure_delete', { simple: true }), 1);
        assert.equal(store.db.pragma('journal_size_limit', { simple: true }), 4 * 1024 * 1024, 'the WAL is cut back after checkpoints (issue 17.1)');
        assert.equal(store.db.pragma('user_version', { simple: true }), 4, 'migrations applied once (four so far)');
      } finally {
        store.close();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('refuses a database from a newer server instead of writing to it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-store-'));
  try {
    const store = new Store(dir);
    store.db.pragma('user_version = 99');
    store.close();
    assert.throws(() => new Store(dir), /schema version 99, newer than this server knows/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('inserts queued in one turn commit together; a failing one is rolled back alone', async () => {
  const store = new Store(':memory:');
  try {
    const application = {
      organisation: { name: 'A', form: 'other' as const, email: 'a@example.org' },
      contact: { name: 'B', email: 'b@example.org' },
      acceptsPrinciples: true as const,
      consent: true as const,
      language: 'sv',
    };
    const receivedAt = new Date('2026-11-26T12:00:00Z');
    const results = await Promise.allSettled([
      store.queueInsert({ id: 'one', receivedAt, application }, { key: 'k1', requestHash: 'h' }),
      store.queueInsert({ id: 'one', receivedAt, application }),
      store.queueInsert({ id: 'two', receivedAt, application }, { key: 'k1', requestHash: 'h' }),
      store.queueInsert({ id: 'three', receivedAt, application }),
    ]);
    assert.equal(results[0]!.status, 'fulfilled');
    assert.equal(results[1]!.status, 'rejected', 'the same id twice: the second fails');
    // The same key later in the batch sees the first one's record (same transaction) and gets its answer.
    const first = (results[0] as PromiseFulfilledResult<{ receipt: { id: string; reference: string } }>).value.receipt;
    assert.equal(first.id, 'one');
    assert.deepEqual((results[2] as PromiseFulfilledResult<unknown>).value, { replay: { requestHash: 'h', status: 201, response: JSON.stringify(first) } });
    assert.deepEqual(
      store.list().applications.map((a) => a.id).sort(),
      ['one', 'three'],
    );
  } finally {
    store.close();
  }
});
