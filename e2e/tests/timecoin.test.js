// End to end: timecoin on a running dev node, driven by @polkadot/api, queried over JSON-RPC.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { rpc, startNode, waitFor } from '../lib/node.js';
import { findEvent, sendAndFinalize } from '../lib/tx.js';

describe('timecoin on codchain-node --dev', () => {
  let node;
  let api;
  let alice;
  let bob;
  let charlie;

  before(async () => {
    node = await startNode(['--dev', '--tmp']);
    await cryptoWaitReady();
    api = await ApiPromise.create({ provider: new WsProvider(node.ws), noInitWarn: true });
    const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
    [alice, bob, charlie] = ['//Alice', '//Bob', '//Charlie'].map((s) => keyring.addFromUri(s));
  });

  after(async () => {
    if (api) await api.disconnect();
    if (node) await node.stop().catch(() => node.child.kill('SIGKILL'));
  });

  test('issue, the seed transfer, an appointment, and the queries', async () => {
    const tc = api.tx.timecoin;

    // Alice stands behind 10 000 seconds and issues 10 and 80 to Bob.
    await sendAndFinalize(api, tc.declareCapacity(10_000), alice);
    const issued = await sendAndFinalize(
      api,
      tc.issue([{ holder: bob.address, amount: 10 }, { holder: bob.address, amount: 80 }]),
      alice,
    );
    const bobCoins = findEvent(issued.events, 'timecoin', 'Poured').outputs.map(([id]) => id.toHex());
    assert.equal(bobCoins.length, 2);

    // The seed example: Bob gives 85 of 10 + 80 to Charlie, keeps 5.
    const moved = await sendAndFinalize(api, tc.transfer(bobCoins, charlie.address, 85), bob);
    const [[toCharlie, , amountC], [change, , amountB]] = findEvent(moved.events, 'timecoin', 'Poured').outputs;
    assert.equal(amountC.toNumber(), 85);
    assert.equal(amountB.toNumber(), 5);

    // Charlie books one minute of Alice's time an hour from now, keeping 25 seconds as change.
    const now = Math.floor((await api.query.timestamp.now()).toNumber() / 1000);
    const begin = now + 3600;
    const end = begin + 60;
    const booked = await sendAndFinalize(api, tc.exercise([toCharlie.toHex()], begin, end), charlie);
    const appointment = findEvent(booked.events, 'timecoin', 'AppointmentBooked');
    assert.ok(appointment, 'AppointmentBooked');

    // A spent coin cannot be spent again.
    await assert.rejects(
      sendAndFinalize(api, tc.transfer(bobCoins, alice.address, 10), bob),
      /timecoin\.Ledger\.UnknownOrSpentInput/,
    );

    // JSON-RPC: coins, outstanding seconds, the appointment.
    const charlieCoins = await rpc(node.http, 'timecoin_coinsOf', [charlie.address, null, null]);
    assert.deepEqual(charlieCoins.map((c) => c.amount), [25]);
    assert.equal(charlieCoins[0].issuer, alice.address);
    const bobNow = await rpc(node.http, 'timecoin_coinsOf', [bob.address]);
    assert.equal(bobNow.length, 1);
    assert.equal(bobNow[0].id, change.toHex());
    assert.equal(bobNow[0].amount, 5);
    const coin = await rpc(node.http, 'timecoin_coin', [change.toHex()]);
    assert.equal(coin.holder, bob.address);
    assert.equal(await rpc(node.http, 'timecoin_coin', [bobCoins[0]]), null, 'spent coin is gone');

    const issuer = await rpc(node.http, 'timecoin_issuer', [alice.address]);
    assert.deepEqual(
      { capacity: issuer.capacity, outstanding: issuer.outstanding, appointments: issuer.appointments, noShows: issuer.noShows },
      { capacity: 10_000, outstanding: 90, appointments: 1, noShows: 0 },
    );

    const appts = await rpc(node.http, 'timecoin_appointments', [alice.address, begin - 1, end + 1]);
    assert.equal(appts.length, 1);
    assert.equal(appts[0].holder, charlie.address);
    assert.equal(appts[0].begin, begin);
    assert.equal(appts[0].end, end);
    assert.equal(appts[0].id, appointment.id.toNumber());
    assert.deepEqual(await rpc(node.http, 'timecoin_appointments', [alice.address, end, end + 100]), []);
  });

  test('an appointment kept and confirmed, a no-show reported and contested', async () => {
    const tc = api.tx.timecoin;
    const chainNow = async () => Math.floor((await api.query.timestamp.now()).toNumber() / 1000);
    // Alice issues Bob 20 seconds; Bob books two 5-second slots starting soon.
    const issued = await sendAndFinalize(api, tc.issue([{ holder: bob.address, amount: 20 }]), alice);
    const [[coin]] = findEvent(issued.events, 'timecoin', 'Poured').outputs;
    // Far enough ahead that both bookings land before the first slot begins.
    const start = (await chainNow()) + 60;
    const first = await sendAndFinalize(api, tc.exercise([coin.toHex()], start, start + 5), bob);
    const kept = findEvent(first.events, 'timecoin', 'AppointmentBooked').id.toNumber();
    const [rest] = await rpc(node.http, 'timecoin_coinsOfIssuer', [alice.address, null, 10])
      .then((coins) => coins.filter((c) => c.holder === bob.address));
    const second = await sendAndFinalize(api, tc.exercise([rest.id], start + 10, start + 15), bob);
    const missed = findEvent(second.events, 'timecoin', 'AppointmentBooked').id.toNumber();

    // Alice cannot cancel once an appointment has begun, so she cannot erase a no-show.
    await waitFor('both slots to end', async () => (await chainNow()) >= start + 15, 150_000);
    await assert.rejects(sendAndFinalize(api, tc.cancelAppointment(missed), alice), /timecoin\.AlreadyBegun/);

    // The first: both confirm, it settles and the seconds are paid.
    await sendAndFinalize(api, tc.confirm(kept), bob);
    const settled = await sendAndFinalize(api, tc.confirm(kept), alice);
    assert.equal(findEvent(settled.events, 'timecoin', 'AppointmentSettled').seconds.toNumber(), 5);

    // The second: Bob reports a no-show, Alice contests; a dispute on both records, Bob's
    // seconds come back.
    await sendAndFinalize(api, tc.reportNoShow(missed), bob);
    const answered = await sendAndFinalize(api, tc.answerNoShow(missed), alice);
    const dispute = findEvent(answered.events, 'timecoin', 'AppointmentDisputed');
    assert.equal(dispute.holder.toString(), bob.address);
    const refund = await rpc(node.http, 'timecoin_coin', [dispute.coin.toHex()]);
    assert.deepEqual([refund.holder, refund.amount], [bob.address, 5]);

    const issuer = await rpc(node.http, 'timecoin_issuer', [alice.address]);
    assert.deepEqual([issuer.noShows, issuer.disputes], [0, 1]);
    const history = await rpc(node.http, 'timecoin_history', [alice.address]);
    assert.deepEqual(
      history.map((h) => [h.id, h.outcome]),
      [[kept, 'settled'], [missed, 'disputed']],
    );
    const holdings = await rpc(node.http, 'timecoin_holdings', [bob.address]);
    // 5 left from the first test, 20 issued, 5 kept and paid: the refunded 5 are Bob's again.
    assert.deepEqual(holdings, [{ issuer: alice.address, balance: 20 }]);
  });
});
