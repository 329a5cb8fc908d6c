// End to end with @polkadot/api, as a dApp would: a joint-token kind created from its rules, a
// desk purchase, and a 2-input transfer whose item is signed by an sr25519 and an ed25519 key;
// the item id comes from the runtime API, balances from the jointtoken_* JSON-RPC methods.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { blake2AsHex, cryptoWaitReady } from '@polkadot/util-crypto';
import { u8aToHex } from '@polkadot/util';
import { bestNumber, rpc, startNode } from '../lib/node.js';
import { findEvent, sendAndFinalize } from '../lib/tx.js';

const COD = 10n ** 12n;

describe('joint tokens on codchain-node --dev', () => {
  let node;
  let api;
  let alice;
  let bob;
  let eve;

  before(async () => {
    node = await startNode(['--dev', '--tmp']);
    await cryptoWaitReady();
    api = await ApiPromise.create({ provider: new WsProvider(node.ws), noInitWarn: true });
    alice = new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri('//Alice');
    bob = new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri('//Bob');
    // An ed25519 key: its account is its public key, as for sr25519.
    eve = new Keyring({ type: 'ed25519', ss58Format: 42 }).addFromUri('//Eve');
  });

  after(async () => {
    if (api) await api.disconnect();
    if (node) await node.stop().catch(() => node.child.kill('SIGKILL'));
  });

  test('a kind, a desk purchase and a transfer signed by two schemes', async () => {
    // The registry's names for the runtime's types, from the calls that take them.
    const rulesType = api.tx.jointToken.createKind.meta.args[0].type.toString();
    const itemType = api.tx.jointToken.submit.meta.args[0].type.toString();
    const rules = api.createType(rulesType, {
      name: 'Garden',
      symbol: 'GDN',
      decimals: 0,
      deployer: alice.address,
      planned: [],
      holdersMayDestroy: false,
      unplanned: {
        mode: 'Code',
        prices: { sell: { cod: COD, jt: 2 }, buy: { cod: COD, jt: 4 }, fee: 100_000_000 },
        feeTo: bob.address,
      },
      mentorWindow: 0,
      minTutoringFee: 0,
      document: 'Garden cooperative',
    });
    // The id is the rules' hash: computed here, and by the chain.
    const jtid = blake2AsHex(rules.toU8a(), 256);
    const created = await sendAndFinalize(api, api.tx.jointToken.createKind(rules), alice);
    assert.equal(findEvent(created.events, 'jointToken', 'KindCreated').jtid.toHex(), jtid);
    const kind = await rpc(node.http, 'jointtoken_kind', [jtid]);
    assert.equal(kind.rulesMatchId, true);
    assert.equal(kind.details.supply, '0');

    // Alice and Eve buy at the desk: 10 COD give 20 tokens each (fee 10 %).
    await sendAndFinalize(api, api.tx.balances.transferKeepAlive(eve.address, 100n * COD), alice);
    for (const who of [alice, eve]) {
      await sendAndFinalize(api, api.tx.jointToken.buy(jtid, 10n * COD, 20), who);
    }
    const quote = await rpc(node.http, 'jointtoken_quote', [jtid, String(10n * COD)]);
    assert.deepEqual(quote, { jt: '20', fee: String(COD), toDesk: String(9n * COD) });

    // Alice (sr25519) and Eve (ed25519) pay Bob 30 in one item; Bob submits it.
    const data = {
      Transfer: {
        jtid,
        inputs: [{ account: alice.address, amount: 15 }, { account: eve.address, amount: 15 }],
        outputs: [{ account: bob.address, amount: 30 }],
        total: 30,
        expires: (await bestNumber(node.http)) + 50,
        remark: 'e2e',
      },
    };
    const unsigned = api.createType(itemType, { data, sigs: [] });
    const id = (await api.call.jointTokenApi.itemId(unsigned)).toU8a();
    const item = api.createType(itemType, {
      data,
      sigs: [{ Sr25519: u8aToHex(alice.sign(id)) }, { Ed25519: u8aToHex(eve.sign(id)) }],
    });
    const dry = await api.call.jointTokenApi.simulateItem(bob.address, item);
    assert.ok(dry.isOk, `dry run: ${dry.toString()}`);
    const sent = await sendAndFinalize(api, api.tx.jointToken.submit(item), bob);
    assert.equal(findEvent(sent.events, 'jointToken', 'Transferred').inputs.toNumber(), 2);
    const free = async (who) => (await rpc(node.http, 'jointtoken_entry', [jtid, who.address])).free;
    assert.deepEqual([await free(alice), await free(eve), await free(bob)], ['5', '5', '30']);

    // The same item again is a replay.
    await assert.rejects(
      sendAndFinalize(api, api.tx.jointToken.submit(item), bob),
      /jointToken\.Replayed/,
    );
  });
});
