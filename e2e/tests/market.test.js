// End to end: two cods issue codcoins and swap them through the market; a fiat trade ends in a
// recorded default. Real node, @polkadot/api transactions, JSON-RPC queries.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady, xxhashAsHex } from '@polkadot/util-crypto';
import { bestNumber, rpc, startNode, waitFor } from '../lib/node.js';
import { findEvent, sendAndFinalize } from '../lib/tx.js';

const COD = 10n ** 12n;
const CNY = [...Buffer.from('CNY')];

describe('codcoin and the market on codchain-node --dev', () => {
  let node;
  let api;
  let alice;
  let bob;
  let charlie;
  let dave;

  before(async () => {
    node = await startNode(['--dev', '--tmp']);
    await cryptoWaitReady();
    api = await ApiPromise.create({ provider: new WsProvider(node.ws), noInitWarn: true });
    const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
    [alice, bob, charlie, dave] = ['//Alice', '//Bob', '//Charlie', '//Dave'].map((s) =>
      keyring.addFromUri(s),
    );
  });

  after(async () => {
    if (api) await api.disconnect();
    if (node) await node.stop().catch(() => node.child.kill('SIGKILL'));
  });

  test('two cods swap their coins through an offer', async () => {
    const cc = api.tx.codcoin;
    const expiry = (await bestNumber(node.http)) + 10_000;
    // Each cod backs its coin with stock and issues 1000 units to itself.
    for (const cod of [alice, bob]) {
      await sendAndFinalize(api, cc.declareClaim({ Stock: { units: 50 } }, 5_000, expiry, null), cod);
      await sendAndFinalize(api, cc.issue([{ holder: cod.address, amount: 1_000 }]), cod);
    }
    const issuer = await rpc(node.http, 'codcoin_issuer', [alice.address]);
    assert.deepEqual(
      { supply: issuer.supply, cap: issuer.cap, shortfall: issuer.shortfall },
      { supply: '1000', cap: '5000', shortfall: '0' },
    );

    // Alice offers 100 of her coin, 1 for 2 of Bob's, in fills of at least 10.
    const aliceCoin = { OnChain: { Codcoin: alice.address } };
    const bobCoin = { OnChain: { Codcoin: bob.address } };
    const made = await sendAndFinalize(
      api,
      api.tx.market.makeOffer(aliceCoin, bobCoin, { pay: 1, receive: 2 }, 100, 10, expiry, 0),
      alice,
    );
    const offerId = findEvent(made.events, 'market', 'OfferMade').id.toNumber();
    const listed = await rpc(node.http, 'market_offers', [
      { onChain: { codcoin: alice.address } },
      { onChain: { codcoin: bob.address } },
    ]);
    assert.equal(listed.length, 1);
    assert.equal(listed[0].id, offerId);
    assert.equal(listed[0].remaining, '100');
    assert.equal(listed[0].payShortfall, '0');
    assert.equal((await rpc(node.http, 'codcoin_issuer', [alice.address])).escrowed, '100');

    // Below the minimum fill is refused; Bob takes it all, atomically.
    await assert.rejects(
      sendAndFinalize(api, api.tx.market.accept(offerId, 5), bob),
      /market\.BelowMinimumFill/,
    );
    const accepted = await sendAndFinalize(api, api.tx.market.accept(offerId, 100), bob);
    assert.ok(findEvent(accepted.events, 'market', 'TradeSettled'));
    assert.equal(await rpc(node.http, 'codcoin_balance', [bob.address, alice.address]), '100');
    assert.equal(await rpc(node.http, 'codcoin_balance', [alice.address, bob.address]), '200');
    assert.equal(await rpc(node.http, 'codcoin_balance', [bob.address, bob.address]), '800');
    assert.equal(await rpc(node.http, 'market_offer', [offerId]), null, 'filled offer is closed');
    const stats = await rpc(node.http, 'market_stats', [bob.address]);
    assert.deepEqual(stats, { openOffers: 0, settled: 1, defaults: 0 });
    const coins = await rpc(node.http, 'codcoin_coinsOf', [bob.address]);
    assert.equal(coins.filter((c) => c.issuer === alice.address).length, 1);
  });

  test('a fiat trade nobody confirms ends in a recorded default', async () => {
    // Governance shortens the settlement period to 2 blocks so the deadline comes quickly.
    const key = xxhashAsHex(':MarketSettlementPeriod:', 128);
    const value = u8aToHex(api.createType('u32', 2).toU8a()); // SCALE: little-endian
    await sendAndFinalize(api, api.tx.sudo.sudo(api.tx.system.setStorage([[key, value]])), alice);

    // Charlie sells 50 COD for fiat, with a 1 COD bond on the fiat leg.
    const expiry = (await bestNumber(node.http)) + 10_000;
    const fiat = { OffChain: { kind: 'Fiat', unit: CNY } };
    const made = await sendAndFinalize(
      api,
      api.tx.market.makeOffer({ OnChain: 'Cod' }, fiat, { pay: 1, receive: 7 }, (50n * COD).toString(), 1, expiry, COD.toString()),
      charlie,
    );
    const offerId = findEvent(made.events, 'market', 'OfferMade').id.toNumber();

    // Dave accepts 10 COD and owes 70 CNY off-chain; Charlie never confirms receiving them.
    const accepted = await sendAndFinalize(api, api.tx.market.accept(offerId, (10n * COD).toString()), dave);
    const tradeId = findEvent(accepted.events, 'market', 'Accepted').trade.toNumber();
    const pending = await rpc(node.http, 'market_trades', [dave.address]);
    assert.equal(pending.length, 1);
    assert.equal(pending[0].take.amount, (70n * COD).toString());
    assert.equal(pending[0].take.confirmed, false);
    assert.equal(pending[0].give.confirmed, true, 'the COD leg sits in escrow');

    const deadline = pending[0].deadline;
    await waitFor('the deadline to pass', async () => (await bestNumber(node.http)) > deadline, 60_000);
    const charlieBefore = (await api.query.system.account(charlie.address)).data.free.toBigInt();
    const resolved = await sendAndFinalize(api, api.tx.market.resolveTrade(tradeId), bob);
    const defaulted = findEvent(resolved.events, 'market', 'TradeDefaulted');
    assert.equal(defaulted.defaulter.toString(), dave.address);
    assert.equal(defaulted.forfeitedBond.toBigInt(), COD);

    assert.equal((await rpc(node.http, 'market_stats', [dave.address])).defaults, 1);
    assert.equal((await rpc(node.http, 'market_stats', [charlie.address])).defaults, 0);
    assert.deepEqual(await rpc(node.http, 'market_trades', [dave.address]), []);
    // Charlie's 10 COD came back out of escrow, and Dave's bond is his.
    const charlieAfter = (await api.query.system.account(charlie.address)).data.free.toBigInt();
    assert.equal(charlieAfter - charlieBefore, 11n * COD);
    assert.equal((await rpc(node.http, 'market_offer', [offerId])).remaining, (40n * COD).toString());
  });
});
