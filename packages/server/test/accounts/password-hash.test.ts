import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PasswordHasher } from '../../src/accounts/password-hash.js';
import { Browser, PASSWORD, start } from './helpers.js';

test('by default scrypt with N = 2^17, r = 8, p = 1; the parameters and a fresh salt are stored with the hash', async () => {
  const hasher = new PasswordHasher();
  const hash = await hasher.hash('ett långt lösenord');
  assert.match(hash, /^scrypt\$ln=17,r=8,p=1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
  assert.notEqual(await hasher.hash('ett långt lösenord'), hash, 'a new salt each time');
  assert.equal(await hasher.verify('ett långt lösenord', hash), true);
  assert.equal(await hasher.verify('ett långt lösenorD', hash), false);
  assert.equal(hasher.needsRehash(hash), false);
});

test('a hash made with other parameters still verifies, and is due for a new hash', async () => {
  const old = await new PasswordHasher({ logN: 12, r: 8, p: 1 }).hash('gammalt lösenord');
  const current = new PasswordHasher({ logN: 13 });
  assert.equal(await current.verify('gammalt lösenord', old), true);
  assert.equal(current.needsRehash(old), true);
});

test('Unicode is normalised: the same password typed as composed or decomposed characters matches', async () => {
  const hasher = new PasswordHasher({ logN: 12 });
  const hash = await hasher.hash('sm\u00f6rg\u00e5sbord och kaffe');
  assert.equal(await hasher.verify('smo\u0308rga\u030asbord och kaffe', hash), true);
});

test('malformed or absurd stored hashes never match and never run', async () => {
  const hasher = new PasswordHasher({ logN: 12 });
  for (const stored of ['', 'plain-text', 'scrypt$ln=30,r=8,p=1$c2FsdA$a2V5', 'scrypt$ln=12,r=99,p=1$c2FsdA$a2V5', 'bcrypt$2b$10$abc']) {
    assert.equal(await hasher.verify('anything', stored), false, stored);
    assert.equal(hasher.needsRehash(stored), true);
  }
});

test('a sign-in with a password hashed under older parameters upgrades the stored hash', async () => {
  const server = await start({ hasher: new PasswordHasher({ logN: 13 }) });
  try {
    const id = await server.addUser('old.hash@example.org', 'editor');
    // As if the password had been set by an older version with cheaper parameters.
    await server.store.upgradePasswordHash(id, await new PasswordHasher({ logN: 12 }).hash(PASSWORD));
    const hashOf = () => (server.db.prepare('SELECT password_hash FROM account_users WHERE id = ?').get(id) as { password_hash: string }).password_hash;
    assert.match(hashOf(), /^scrypt\$ln=12,/);
    assert.equal((await new Browser(server.base).signIn('old.hash@example.org')).status, 200);
    assert.match(hashOf(), /^scrypt\$ln=13,/);
    assert.equal((await new Browser(server.base).signIn('old.hash@example.org')).status, 200);
  } finally {
    await server.close();
  }
});
