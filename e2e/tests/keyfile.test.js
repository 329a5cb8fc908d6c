// The key files the `codchain` CLI writes open in polkadot.js (the other direction, polkadot.js
// files opening in the CLI, is a unit test of clients/sdk against files polkadot.js wrote).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { u8aToHex } from '@polkadot/util';

// The CLI sits next to the node binary in the target directory.
const cli = process.env.CODCHAIN_CLI
  ?? join(dirname(process.env.CODCHAIN_NODE ?? ''), 'codchain');

describe('codchain key generate --out', () => {
  for (const type of ['sr25519', 'ed25519', 'ecdsa']) {
    test(`a ${type} key file opens in @polkadot/keyring with its password`, async () => {
      assert.ok(existsSync(cli), `${cli} is missing: build it (scripts/build.sh)`);
      await cryptoWaitReady();
      const dir = mkdtempSync(join(tmpdir(), 'codchain-key-'));
      try {
        const file = join(dir, 'key.json');
        const out = execFileSync(cli, ['--json', 'key', 'generate', '--scheme', type, '--out', file], {
          env: { ...process.env, CODCHAIN_PASSWORD: 'e2e password' },
        });
        const generated = JSON.parse(out.toString());
        const keyring = new Keyring({ type, ss58Format: 42 });
        const pair = keyring.addFromJson(JSON.parse(readFileSync(file, 'utf8')));
        assert.throws(() => pair.decodePkcs8('wrong password'));
        pair.decodePkcs8('e2e password');
        assert.equal(u8aToHex(pair.publicKey), generated.publicKey);
        // The mnemonic the CLI printed restores the same key in polkadot.js.
        const restored = keyring.addFromUri(generated.mnemonic);
        assert.equal(u8aToHex(restored.publicKey), generated.publicKey);
        // A signature by the decrypted key verifies against the CLI's public key.
        const message = new TextEncoder().encode('codchain');
        assert.ok(restored.verify(message, pair.sign(message), pair.publicKey));
        if (type !== 'ecdsa') assert.equal(pair.address, generated.address);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
