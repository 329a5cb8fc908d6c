// End to end: a real `codchain-node --dev --tmp`, real JSON-RPC, a real client (@polkadot/api).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { bestNumber, finalizedNumber, rpc, startNode, waitFor } from '../lib/node.js';

const COD = 10n ** 12n;

describe('codchain-node --dev --tmp', () => {
  let node;
  let api;

  before(async () => {
    node = await startNode(['--dev', '--tmp']);
  });

  after(async () => {
    if (api) await api.disconnect();
    if (node && node.child.exitCode === null) await node.stop().catch(() => node.child.kill('SIGKILL'));
  });

  test('finalizes a block within 30 s of start, best >= 3', async () => {
    await waitFor('finalized >= 1', async () => (await finalizedNumber(node.http)) >= 1, 30_000 - (Date.now() - node.startedAt));
    const finalizedAfterMs = Date.now() - node.startedAt;
    console.log(`# first finalized block ${finalizedAfterMs} ms after process start`);
    await waitFor('best >= 3', async () => (await bestNumber(node.http)) >= 3, 60_000);
  });

  test('offers the standard RPC methods', async () => {
    const { methods } = await rpc(node.http, 'rpc_methods');
    for (const m of [
      'system_health', 'system_accountNextIndex', 'chain_getFinalizedHead', 'state_getMetadata',
      'author_submitExtrinsic', 'author_rotateKeys', 'author_rotateKeysWithOwner', 'payment_queryInfo',
      'babe_epochAuthorship', 'grandpa_roundState', 'chainHead_v1_follow',
    ]) {
      assert.ok(methods.includes(m), `missing RPC method ${m}`);
    }
    const props = await rpc(node.http, 'system_properties');
    assert.equal(props.tokenSymbol, 'COD');
    assert.equal(props.tokenDecimals, 12);
    assert.equal(await rpc(node.http, 'system_chainType'), 'Development');
  });

  test('a signed transfer from //Alice is finalized', async () => {
    await cryptoWaitReady();
    api = await ApiPromise.create({ provider: new WsProvider(node.ws), noInitWarn: true });
    const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
    const alice = keyring.addFromUri('//Alice');
    const dest = keyring.addFromUri('//CodchainE2E').address;
    const amount = 42n * COD;

    const before = (await api.query.system.account(dest)).data.free.toBigInt();
    const aliceBefore = (await api.query.system.account(alice.address)).data.free.toBigInt();
    const nonce = await rpc(node.http, 'system_accountNextIndex', [alice.address]);

    const { blockHash, events } = await new Promise((resolve, reject) => {
      let unsub;
      api.tx.balances
        .transferKeepAlive(dest, amount)
        .signAndSend(alice, (result) => {
          if (result.dispatchError) {
            reject(new Error(`dispatch error: ${result.dispatchError.toString()}`));
          } else if (result.status.isFinalized) {
            if (unsub) unsub();
            resolve({ blockHash: result.status.asFinalized, events: result.events });
          }
        })
        .then((u) => { unsub = u; }, reject);
    });

    assert.ok(events.some(({ event }) => api.events.system.ExtrinsicSuccess.is(event)), 'ExtrinsicSuccess');
    const fee = events.find(({ event }) => api.events.transactionPayment.TransactionFeePaid.is(event));
    assert.ok(fee, 'TransactionFeePaid emitted');
    const at = await api.at(blockHash);
    const after = (await at.query.system.account(dest)).data.free.toBigInt();
    assert.equal(after - before, amount);
    assert.equal(await rpc(node.http, 'system_accountNextIndex', [alice.address]), nonce + 1);
    // Alice also authored the block, so she paid the fee to herself: her balance drops by the amount only.
    const aliceAfter = (await at.query.system.account(alice.address)).data.free.toBigInt();
    assert.equal(aliceBefore - aliceAfter, amount);
  });

  test('stops cleanly on SIGINT', async () => {
    if (api) { await api.disconnect(); api = undefined; }
    const { code, signal } = await node.stop();
    assert.equal(signal, null, `killed by ${signal}`);
    assert.equal(code, 0, `exit code ${code}\n${node.log().slice(-2000)}`);
  });
});
