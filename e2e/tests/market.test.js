// End to end: two cods issue codcoins and swap them through the market; a fiat trade ends in a
// recorded default whose bond is burned, another, marked sent but never confirmed, in a dispute
// counted for both sides. Real node, @polkadot/api transactions, JSON-RPC queries.
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
      api.tx.market.makeOffer(aliceCoin, bobCoin, { pay: 1, receive: 2 }, 100, 10, expiry, 0, []),
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
      sendAndFinalize(api, api.tx.market.accept(offerId, 5, []), bob),
      /market\.BelowMinimumFill/,
    );
    const accepted = await sendAndFinalize(api, api.tx.market.accept(offerId, 100, []), bob);
    assert.ok(findEvent(accepted.events, 'market', 'TradeSettled'));
    assert.equal(await rpc(node.http, 'codcoin_balance', [bob.address, alice.address]), '100');
    assert.equal(await rpc(node.http, 'codcoin_balance', [alice.address, bob.address]), '200');
    assert.equal(await rpc(node.http, 'codcoin_balance', [bob.address, bob.address]), '800');
    assert.equal(await rpc(node.http, 'market_offer', [offerId]), null, 'filled offer is closed');
    const stats = await rpc(node.http, 'market_stats', [bob.address]);
    assert.deepEqual(stats, { openOffers: 0, settled: 1, defaults: 0, disputes: 0 });
    const coins = await rpc(node.http, 'codcoin_coinsOf', [bob.address]);
    assert.equal(coins.filter((c) => c.issuer === alice.address).length, 1);
  });

  test('a claim that expires stops issuance until it is renewed', async () => {
    const cc = api.tx.codcoin;
    // Charlie backs 100 units for a few blocks only (each finalized transaction takes two or
    // three) and issues 60.
    const soon = (await bestNumber(node.http)) + 12;
    await sendAndFinalize(api, cc.declareClaim({ Labour: { personHours: 10 } }, 100, soon, null), charlie);
    await sendAndFinalize(api, cc.issue([{ holder: charlie.address, amount: 60 }]), charlie);
    await waitFor('the claim to expire', async () => (await bestNumber(node.http)) >= soon, 60_000);
    const issuer = await rpc(node.http, 'codcoin_issuer', [charlie.address]);
    assert.deepEqual({ supply: issuer.supply, cap: issuer.cap, shortfall: issuer.shortfall }, { supply: '60', cap: '0', shortfall: '60' });
    await assert.rejects(
      sendAndFinalize(api, cc.issue([{ holder: charlie.address, amount: 1 }]), charlie),
      /codcoin\.InShortfall/,
    );
    // Holders still move the coin; a renewed claim lets issuance resume.
    const [coin] = await rpc(node.http, 'codcoin_coinsOf', [charlie.address]);
    await sendAndFinalize(api, cc.pay([coin.id], dave.address, 10), charlie);
    const later = (await bestNumber(node.http)) + 10_000;
    await sendAndFinalize(api, cc.declareClaim({ Labour: { personHours: 10 } }, 100, later, null), charlie);
    await sendAndFinalize(api, cc.issue([{ holder: charlie.address, amount: 1 }]), charlie);
    assert.equal((await rpc(node.http, 'codcoin_issuer', [charlie.address])).supply, '61');
    const held = await rpc(node.http, 'codcoin_holdings', [dave.address]);
    assert.deepEqual(held, [{ issuer: charlie.address, balance: '10' }]);
  });

  test('a fiat trade nobody confirms ends in a recorded default', async () => {
    // Governance shortens the settlement period to 2 blocks so the deadline comes quickly.
    const settlementPeriod = async (blocks) => {
      const key = xxhashAsHex(':MarketSettlementPeriod:', 128);
      const value = u8aToHex(api.createType('u32', blocks).toU8a()); // SCALE: little-endian
      await sendAndFinalize(api, api.tx.sudo.sudo(api.tx.system.setStorage([[key, value]])), alice);
    };
    await settlementPeriod(2);

    // Charlie sells 50 COD for fiat, with a 1 COD bond on the fiat leg for the whole 50: a fill
    // of 10 bonds a fifth of it.
    const expiry = (await bestNumber(node.http)) + 10_000;
    const fiat = { OffChain: { kind: 'Fiat', unit: CNY } };
    const made = await sendAndFinalize(
      api,
      api.tx.market.makeOffer({ OnChain: 'Cod' }, fiat, { pay: 1, receive: 7 }, (50n * COD).toString(), 1, expiry, COD.toString(), []),
      charlie,
    );
    const offerId = findEvent(made.events, 'market', 'OfferMade').id.toNumber();

    // Dave accepts 10 COD and owes 70 CNY off-chain; Charlie never confirms receiving them.
    const accepted = await sendAndFinalize(api, api.tx.market.accept(offerId, (10n * COD).toString(), []), dave);
    const tradeId = findEvent(accepted.events, 'market', 'Accepted').trade.toNumber();
    const pending = await rpc(node.http, 'market_trades', [dave.address]);
    assert.equal(pending.length, 1);
    assert.equal(pending[0].take.amount, (70n * COD).toString());
    assert.equal(pending[0].take.status, 'awaiting');
    assert.equal(pending[0].give.status, 'escrowed', 'the COD leg sits in escrow');

    const deadline = pending[0].deadline;
    await waitFor('the deadline to pass', async () => (await bestNumber(node.http)) > deadline, 60_000);
    const charlieBefore = (await api.query.system.account(charlie.address)).data.free.toBigInt();
    const issuanceBefore = (await api.query.balances.totalIssuance()).toBigInt();
    const resolved = await sendAndFinalize(api, api.tx.market.resolveTrade(tradeId), bob);
    const defaulted = findEvent(resolved.events, 'market', 'TradeDefaulted');
    assert.equal(defaulted.defaulter.toString(), dave.address);
    assert.equal(defaulted.forfeitedBond.toBigInt(), COD / 5n);
    // The bond is burned (fees are burned too, hence "at least").
    const issuanceAfter = (await api.query.balances.totalIssuance()).toBigInt();
    assert.ok(issuanceBefore - issuanceAfter >= COD / 5n, 'the forfeited bond left the issuance');

    assert.equal((await rpc(node.http, 'market_stats', [dave.address])).defaults, 1);
    assert.equal((await rpc(node.http, 'market_stats', [charlie.address])).defaults, 0);
    assert.deepEqual(await rpc(node.http, 'market_trades', [dave.address]), []);
    // Charlie's 10 COD came back out of escrow, and not a planck of Dave's bond: Charlie
    // decides whether to confirm, so the bond must not reward his silence.
    const charlieAfter = (await api.query.system.account(charlie.address)).data.free.toBigInt();
    assert.equal(charlieAfter - charlieBefore, 10n * COD);
    assert.equal((await rpc(node.http, 'market_offer', [offerId])).remaining, (40n * COD).toString());

    // Dave accepts again, pays, and marks his payment sent with a reference; Charlie still never
    // confirms. That is a dispute for both, not Dave's default, and Dave's bond comes back.
    // Marking needs time before the deadline: 10 blocks.
    await settlementPeriod(10);
    const again = await sendAndFinalize(api, api.tx.market.accept(offerId, (10n * COD).toString(), []), dave);
    const disputedId = findEvent(again.events, 'market', 'Accepted').trade.toNumber();
    const reference = '0x' + '42'.repeat(32);
    const sent = await sendAndFinalize(api, api.tx.market.markSent(disputedId, reference), dave);
    assert.equal(findEvent(sent.events, 'market', 'LegSent').reference.toHex(), reference);
    const [marked] = await rpc(node.http, 'market_trades', [dave.address, null, 10]);
    assert.deepEqual(marked.take.status, { sent: { reference } });
    await waitFor('the deadline to pass', async () => (await bestNumber(node.http)) > marked.deadline, 60_000);
    const bondBefore = (await api.query.system.account(dave.address)).data.reserved.toBigInt();
    const closed = await sendAndFinalize(api, api.tx.market.resolveTrade(disputedId), bob);
    const disputed = findEvent(closed.events, 'market', 'TradeDisputed');
    assert.equal(disputed.acceptor.toString(), dave.address);
    const bondAfter = (await api.query.system.account(dave.address)).data.reserved.toBigInt();
    assert.ok(bondBefore - bondAfter >= COD / 5n, "Dave's bond is released");
    const daveStats = await rpc(node.http, 'market_stats', [dave.address]);
    const charlieStats = await rpc(node.http, 'market_stats', [charlie.address]);
    assert.deepEqual([daveStats.defaults, daveStats.disputes], [1, 1]);
    assert.deepEqual([charlieStats.defaults, charlieStats.disputes], [0, 1]);
  });
});
