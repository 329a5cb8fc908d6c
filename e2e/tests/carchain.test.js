// CarChain's value store end to end on three real nodes (the local testnet's three validators,
// found through a bootnode): records registered on chain with @polkadot/api, encrypted values
// put to one node over JSON-RPC and read from the others, which fetch them from their peers over
// the chain's own peer-to-peer network; every bad input refused with its own error.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { blake2AsHex, cryptoWaitReady } from '@polkadot/util-crypto';
import { u8aToHex, stringToHex } from '@polkadot/util';
import { NODE_BIN, finalizedNumber, rpc, startNode, waitFor } from '../lib/node.js';
import { sendAndFinalize } from '../lib/tx.js';

// The peer id of node key 0x00..01 (ed25519), so the others can name Alice's node as bootnode.
const ALICE_NODE_KEY = '0000000000000000000000000000000000000000000000000000000000000001';
const ALICE_PEER_ID = '12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp';

// The `codchain` wallet built beside the node.
const CLI = join(dirname(NODE_BIN), 'codchain');
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** Runs the wallet against `node` and returns its JSON output. */
function wallet(node, args) {
  const env = { ...process.env };
  delete env.CODCHAIN_SURI;
  delete env.CODCHAIN_KEY_FILE;
  return JSON.parse(execFileSync(CLI, ['--json', '--url', node.ws, ...args], { encoding: 'utf8', env }));
}

/** A JSON-RPC call that should fail: resolves with the error object. */
async function rpcError(url, method, params) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  const body = await res.json();
  assert.ok(body.error, `${method} should fail, it returned ${JSON.stringify(body.result)}`);
  return body.error;
}

describe('CarChain value store on a 3-node network', () => {
  const nodes = [];
  let api;
  let alice;

  before(async () => {
    await cryptoWaitReady();
    const first = await startNode(['--chain', 'local', '--alice', '--tmp', '--node-key', ALICE_NODE_KEY]);
    nodes.push(first);
    const boot = `/ip4/127.0.0.1/tcp/${first.p2pPort}/p2p/${ALICE_PEER_ID}`;
    for (const [who, key] of [['--bob', '02'], ['--charlie', '03']]) {
      const nodeKey = key.padStart(64, '0');
      nodes.push(await startNode(['--chain', 'local', who, '--tmp', '--node-key', nodeKey, '--bootnodes', boot]));
    }
    // Three validators: GRANDPA finalizes only once all three are connected.
    await waitFor('three connected nodes finalizing', async () => {
      for (const n of nodes) {
        const health = await rpc(n.http, 'system_health');
        if (health.peers < 2) return false;
      }
      return (await finalizedNumber(nodes[2].http)) >= 2;
    }, 120_000, 1000);
    api = await ApiPromise.create({ provider: new WsProvider(nodes[0].ws), noInitWarn: true });
    alice = new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri('//Alice');
  });

  after(async () => {
    if (api) await api.disconnect();
    for (const n of nodes) await n.stop().catch(() => n.child.kill('SIGKILL'));
  });

  /** Registers Alice's record `key` for `value` and waits until it is final. */
  async function register(key, value, size = value.length) {
    const tx = api.tx.carChain.putRecord(
      alice.address, stringToHex(key), blake2AsHex(value), size, stringToHex('trip-gps'), null,
    );
    await sendAndFinalize(api, tx, alice);
  }

  test('a value put to one node is read from the others, in key order', async () => {
    const values = { 'trip/20160511/1': randomBytes(64 * 1024), 'trip/20160511/0': randomBytes(1024) };
    for (const [key, value] of Object.entries(values)) {
      await register(key, value);
      const put = await rpc(nodes[0].http, 'carchain_putValue', [alice.address, stringToHex(key), u8aToHex(value)]);
      assert.equal(put.valueHash, blake2AsHex(value));
    }
    // Charlie's node never saw the values: it fetches them from a peer and checks the hash.
    for (const [key, value] of Object.entries(values)) {
      const got = await rpc(nodes[2].http, 'carchain_getValue', [alice.address, stringToHex(key)]);
      assert.equal(got.value, u8aToHex(value));
    }
    // Bob's node lists Alice's records in key order once final, with values on request.
    const page = await waitFor('Bob to index both records', async () => {
      const p = await rpc(nodes[1].http, 'carchain_getRange', [alice.address, null, null, 10, true]);
      return p.items.length === 2 ? p : null;
    }, 60_000, 1000);
    assert.deepEqual(page.items.map((i) => i.key), [stringToHex('trip/20160511/0'), stringToHex('trip/20160511/1')]);
    assert.equal(page.items[1].value, u8aToHex(values['trip/20160511/1']));
    assert.equal(page.next, null);
    // A page of one names where the next page starts.
    const first = await rpc(nodes[1].http, 'carchain_getRange', [alice.address, null, null, 1, false]);
    assert.equal(first.items.length, 1);
    assert.equal(first.items[0].value, undefined);
    assert.equal(first.next, stringToHex('trip/20160511/1'));
    // Nothing registered under a key: null, not an error.
    assert.equal(await rpc(nodes[2].http, 'carchain_getValue', [alice.address, stringToHex('none')]), null);
  });

  test('bad input is refused with its own error and stores nothing', async () => {
    const value = randomBytes(100);
    const url = nodes[0].http;
    const unregistered = await rpcError(url, 'carchain_putValue', [alice.address, stringToHex('nope'), u8aToHex(value)]);
    assert.equal(unregistered.code, -32010);
    await register('bad/1', value);
    const wrong = await rpcError(url, 'carchain_putValue', [alice.address, stringToHex('bad/1'), u8aToHex(randomBytes(100))]);
    assert.equal(wrong.code, -32011);
    const over = await rpcError(url, 'carchain_putValue', [alice.address, stringToHex('bad/1'), u8aToHex(randomBytes(101))]);
    assert.equal(over.code, -32012);
    const huge = await rpcError(url, 'carchain_putValue', [alice.address, stringToHex('bad/1'), u8aToHex(randomBytes((4 << 20) + 1))]);
    assert.equal(huge.code, -32012);
    for (const key of ['0x', u8aToHex(new Uint8Array(129).fill(1))]) {
      const malformed = await rpcError(url, 'carchain_getValue', [alice.address, key]);
      assert.equal(malformed.code, -32013);
    }
    // None of it stored: the value is still missing everywhere.
    const missing = await rpcError(nodes[1].http, 'carchain_getValue', [alice.address, stringToHex('bad/1')]);
    assert.equal(missing.code, -32015);
  });

  test('a flood of puts on one connection is bounded at 50 per second', async () => {
    const value = randomBytes(64);
    await register('flood/1', value);
    const provider = api._rpcCore.provider;
    const params = [alice.address, stringToHex('flood/1'), u8aToHex(value)];
    const results = await Promise.allSettled(
      Array.from({ length: 80 }, () => provider.send('carchain_putValue', params)),
    );
    const ok = results.filter((r) => r.status === 'fulfilled').length;
    const limited = results.filter((r) => r.status === 'rejected' && /-32014/.test(r.reason.message)).length;
    assert.ok(ok <= 50 && ok >= 1, `${ok} puts accepted`);
    assert.equal(ok + limited, 80, 'every refusal is the rate limit');
    // Another connection is served meanwhile.
    assert.ok(await rpc(nodes[0].http, 'carchain_putValue', params));
  });

  test('the wallet uploads the seed trip on one node; another node finds it by date, decrypts it, grants it, draws it', async () => {
    assert.ok(existsSync(CLI), `${CLI} is missing: build the workspace first (scripts/build.sh)`);
    const vin = 'LBVNU79049SB81546';
    const key = 'trip/20160511071428/1';
    const trip = join(ROOT, 'docs/samples/trip-gps.json');
    const [a, b, c] = nodes;
    const keys = wallet(a, ['--suri', '//Alice', 'car', 'keys', vin, '--date', '2016-05-11']);
    wallet(a, ['--suri', '//Alice', 'account', 'transfer', keys.dayAddress, '10']);
    wallet(a, ['--suri', '//Alice', 'car', 'setup', vin, '--device', '//Dev1']);
    // Uploaded to Alice's node only.
    wallet(a, ['--suri', '//Alice', 'car', 'put', vin, '--date', '20160511', '--key', key, '--file', trip]);
    // Charlie's node fetches it from a peer; the owner decrypts and picks columns.
    const got = wallet(c, ['--suri', '//Alice', 'car', 'get', vin, '--date', '2016-05-11', '--key', key, '--columns', 'GPS,SPEED']);
    assert.equal(got.value.SPEED, '0,23,52,45,51,33,49,49,48,37');
    assert.equal(got.value.GPS.length, 10);
    // Granted to Bob, who reads it through Bob's node with his own key.
    const bob = wallet(b, ['--suri', '//Bob', 'car', 'keys']);
    wallet(c, ['--suri', '//Alice', 'car', 'grant', vin, '--date', '20160511', '--key', key, '--to', bob.owner, '--to-key', bob.encryptionKey]);
    const read = wallet(b, ['--suri', '//Bob', 'car', 'read', keys.dayAddress, '--key', key, '--columns', 'GPS']);
    assert.deepEqual(read.value.GPS, got.value.GPS);
    const svg = join(tmpdir(), `codchain-e2e-trip-${process.pid}.svg`);
    const drawn = wallet(b, ['--suri', '//Alice', 'car', 'trip', vin, '--date', '20160511', '--key', key, '--svg', svg]);
    assert.equal(drawn.points, 10);
    assert.match(readFileSync(svg, 'utf8'), /^<svg[\s\S]*<\/svg>\n$/);
    rmSync(svg);

    // A provider (Ferdie) asks to run a computation by Eve's executor; Alice approves the trip
    // from her wallet: the value key sealed to Eve's key, the pool address consenting.
    const ferdie = new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri('//Ferdie');
    const eve = wallet(a, ['--suri', '//Eve', 'car', 'keys']);
    await sendAndFinalize(api, api.tx.carChain.registerProvider(), ferdie);
    await sendAndFinalize(api, api.tx.carChain.registerComputation(blake2AsHex('code'), eve.owner, eve.encryptionKey), ferdie);
    const header = await api.rpc.chain.getHeader();
    const deadline = header.number.toNumber() + 100;
    await sendAndFinalize(api, api.tx.carChain.requestUsage(0, 1_000_000_000_000n, 5, eve.encryptionKey, deadline), ferdie);
    wallet(b, ['--suri', '//Alice', 'car', 'approve', '0', vin, '--date', '20160511', '--key', key]);
    const [request, cohort] = await rpc(c.http, 'carchain_request', [0]);
    assert.equal(request.cohort, 1);
    assert.equal(cohort[0].records, 1);
    const approved = await rpc(c.http, 'carchain_approvedKeys', [0]);
    assert.equal(approved.length, 1);
    assert.equal((approved[0][1].length - 2) / 2, 80, 'a sealed value key');
  });
});
