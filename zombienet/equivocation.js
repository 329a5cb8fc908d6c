// zombienet js-script for equivocation.zndsl: //Alice's keys run on two nodes.
//   twin      (on the twin node) puts //Alice's BABE and GRANDPA keys into its keystore through
//             `author_insertKey`; returns 1
//   reported  finds the validator that owns //Alice's BABE key (its stash), waits for the offence
//             in a finalized block: `offences.Offence` (BABE `babe:em` or GRANDPA
//             `grandpa:equivocation`) and `staking.SlashReported` for that stash; remembers the
//             stash, its bond and the slash's era; returns 1
//   slashed   waits until the deferred slash is applied (`staking.Slashed` for the stash, as era
//             slash era + 3 starts), then checks that the stash's bond shrank; returns 1
// Prints `FIGURE` lines (scripts/test-networks.sh collects them); state in the network's tmpDir.
const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (m) => console.log(`[equivocation] ${m}`);

function statePath(networkInfo) {
  return path.join(networkInfo.tmpDir, 'equivocation.json');
}

// Zombienet bonds each validator from its `//<Name>//stash` account (stash and controller), so
// the offender is the stash that owns //Alice's BABE key, not //Alice.
async function keyOwner(api) {
  const owner = await api.query.session.keyOwner([BABE_KEY_TYPE, ALICE_SR25519]);
  if (owner.isNone) throw new Error('no validator owns //Alice\'s BABE key');
  return owner.unwrap().toString();
}

async function bonded(api, stash) {
  const ledger = await api.query.staking.ledger(stash);
  return ledger.isSome ? ledger.unwrap().active.toBigInt() : 0n;
}

// Calls `check(event, blockNumber)` for every event of every newly finalized block until it
// returns true or `seconds` pass.
async function watchFinalized(api, seconds, check) {
  const deadline = Date.now() + seconds * 1000;
  let next = (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
  while (Date.now() < deadline) {
    const head = (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
    for (; next <= head; next += 1) {
      const hash = await api.rpc.chain.getBlockHash(next);
      const events = await (await api.at(hash)).query.system.events();
      for (const { event } of events) {
        if (check(event, next)) return next;
      }
    }
    await sleep(1_000);
  }
  throw new Error(`not seen within ${seconds} s`);
}

// JSON-RPC over HTTP through the e2e tests' helper (an ES module, hence import()).
async function rawRpc(wsUri, method, params) {
  const { rpc } = await import(pathToFileURL(path.join(__dirname, '..', 'e2e', 'lib', 'node.js')).href);
  return rpc(wsUri.replace(/^ws/, 'http'), method, params);
}

// //Alice's public keys: sr25519 for BABE, ed25519 for GRANDPA.
const ALICE_SR25519 = '0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d';
const ALICE_ED25519 = '0x88dc3417d5058ec4b4503e0c12ea1a0a89be200fe98922423d4334014fa6b0ee';
const BABE_KEY_TYPE = '0x62616265'; // "babe"

const modes = {
  async twin(_api, _networkInfo, wsUri) {
    await rawRpc(wsUri, 'author_insertKey', ['babe', '//Alice', ALICE_SR25519]);
    await rawRpc(wsUri, 'author_insertKey', ['gran', '//Alice', ALICE_ED25519]);
    for (const [type, key] of [['babe', ALICE_SR25519], ['gran', ALICE_ED25519]]) {
      if (!(await rawRpc(wsUri, 'author_hasKey', [key, type]))) throw new Error(`no ${type} key`);
    }
    log('the twin holds //Alice\'s BABE and GRANDPA keys');
    return 1;
  },

  async reported(api, networkInfo) {
    const started = Date.now();
    const stash = await keyOwner(api);
    const before = await bonded(api, stash);
    log(`//Alice's keys belong to the validator ${stash}, bonded ${before}`);
    let offence = null;
    let slashEra = null;
    await watchFinalized(api, 580, (event, n) => {
      if (api.events.offences.Offence.is(event)) {
        offence = Buffer.from(event.data[0].toU8a(true)).toString('utf8').replace(/\0+$/, '');
        log(`#${n}: offences.Offence ${offence}`);
      }
      if (api.events.staking.SlashReported.is(event) && event.data[0].toString() === stash) {
        slashEra = event.data[2].toNumber();
        log(`#${n}: staking.SlashReported ${event.data[0]} fraction ${event.data[1].toHuman()} era ${slashEra}`);
      }
      return offence !== null && slashEra !== null;
    });
    console.log(`FIGURE equivocation-reported-s ${(Date.now() - started) / 1000}`);
    fs.writeFileSync(statePath(networkInfo), JSON.stringify({ stash, before: before.toString(), slashEra, offence }));
    return 1;
  },

  async slashed(api, networkInfo) {
    const { stash, before, slashEra } = JSON.parse(fs.readFileSync(statePath(networkInfo), 'utf8'));
    const started = Date.now();
    let amount = null;
    await watchFinalized(api, 880, (event, n) => {
      if (api.events.staking.Slashed.is(event) && event.data[0].toString() === stash) {
        amount = event.data[1].toBigInt();
        log(`#${n}: staking.Slashed ${stash} ${amount} (slash era ${slashEra})`);
        return true;
      }
      return false;
    });
    const after = await bonded(api, stash);
    log(`the stash's bond ${before} -> ${after}`);
    if (!(amount > 0n)) throw new Error('nothing was slashed');
    if (after >= BigInt(before)) throw new Error('Alice\'s bond did not shrink');
    console.log(`FIGURE report-to-slash-s ${(Date.now() - started) / 1000}`);
    return 1;
  },
};

async function run(nodeName, networkInfo, args) {
  const [mode] = args;
  if (!modes[mode]) throw new Error(`unknown mode ${mode}`);
  const { wsUri, userDefinedTypes } = networkInfo.nodesByName[nodeName];
  const api = await zombie.connect(wsUri, userDefinedTypes);
  try {
    return await modes[mode](api, networkInfo, wsUri);
  } finally {
    await api.disconnect();
  }
}

module.exports = { run };
