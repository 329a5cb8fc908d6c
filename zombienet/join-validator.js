// zombienet js-script: a fourth node becomes a validator the way docs/VALIDATOR.md says, and
// authors blocks. On the new node (`dave`, running with --validator but in no genesis):
//   1. `author_rotateKeysWithOwner(stash)` makes session keys in its keystore with the proof;
//   2. one `utility.batchAll` signed by //Dave: `staking.bond`, `session.setKeys(keys, proof)`,
//      `staking.validate`;
//   3. at the next era change the stash is in the session's validators;
//   4. a block whose BABE author is dave arrives, and finality goes on with four voters.
// Prints `FIGURE` lines (scripts/test-networks.sh collects them). Returns 1.
const path = require('path');
const { pathToFileURL } = require('url');

const modules = path.join(__dirname, '..', 'e2e', 'node_modules');
const { Keyring } = require(path.join(modules, '@polkadot', 'keyring'));
const { cryptoWaitReady } = require(path.join(modules, '@polkadot', 'util-crypto'));
const { u8aToHex } = require(path.join(modules, '@polkadot', 'util'));

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (m) => console.log(`[join] ${m}`);

// JSON-RPC over HTTP through the e2e tests' helper (an ES module, hence import()).
async function rawRpc(wsUri, method, params) {
  const { rpc } = await import(pathToFileURL(path.join(__dirname, '..', 'e2e', 'lib', 'node.js')).href);
  return rpc(wsUri.replace(/^ws/, 'http'), method, params);
}

function send(api, tx, signer) {
  return new Promise((resolve, reject) => {
    tx.signAndSend(signer, ({ status, events, dispatchError }) => {
      if (dispatchError) {
        const e = dispatchError.isModule ? api.registry.findMetaError(dispatchError.asModule) : null;
        reject(new Error(e ? `${e.section}.${e.name}` : dispatchError.toString()));
      } else if (status.isFinalized) {
        resolve(events);
      }
    }).catch(reject);
  });
}

async function run(nodeName, networkInfo) {
  const { wsUri, userDefinedTypes } = networkInfo.nodesByName[nodeName];
  const api = await zombie.connect(wsUri, userDefinedTypes);
  await cryptoWaitReady();
  const stash = new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri('//Dave');
  try {
    const owner = u8aToHex(stash.publicKey);
    // Not a method @polkadot/api decorates: a plain JSON-RPC call to the node's port.
    const { keys, proof } = await rawRpc(wsUri, 'author_rotateKeysWithOwner', [owner]);
    log(`keys ${keys.slice(0, 18)}…, proof ${proof.slice(0, 18)}…`);
    const babeKey = keys.slice(0, 66);

    // Zombienet sets the seat count to its number of validators (3), and the genesis
    // validators' bonds are larger than dave's: root raises it to 4, as docs/VALIDATOR.md says
    // a network that grows must.
    const seats = (await api.query.staking.validatorCount()).toNumber();
    if (seats < 4) {
      const alice = new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri('//Alice');
      await send(api, api.tx.sudo.sudo(api.tx.staking.setValidatorCount(4)), alice);
      log(`validatorCount ${seats} -> 4 (sudo)`);
    }

    const bond = 1_000n * 10n ** BigInt(api.registry.chainDecimals[0]);
    const joined = Date.now();
    await send(api, api.tx.utility.batchAll([
      api.tx.staking.bond(bond, 'Staked'),
      api.tx.session.setKeys(keys, proof),
      api.tx.staking.validate({ commission: 50_000_000, blocked: false }),
    ]), stash);
    log(`bonded, keys set, validating; era ${(await api.query.staking.activeEra()).unwrap().index}`);

    for (;;) {
      const validators = (await api.query.session.validators()).map((v) => v.toString());
      if (validators.includes(stash.address)) break;
      await sleep(2_000);
    }
    const active = Date.now();
    const era = (await api.query.staking.activeEra()).unwrap().index.toNumber();
    log(`dave validates in era ${era}, ${(active - joined) / 1000} s after joining`);
    console.log(`FIGURE join-to-active-validator-s ${(active - joined) / 1000}`);

    // The BABE pre-runtime digest names the author by its index in the epoch's authorities,
    // which a block's own state holds (an epoch's first block enacts them). Finalized blocks only:
    // a best block may be on a fork that is gone by the time its state is read.
    const finalized = async () => (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
    let authored = null;
    let next = await finalized();
    const deadline = Date.now() + 180_000;
    while (!authored && Date.now() < deadline) {
      const head = await finalized();
      for (; next <= head && !authored; next += 1) {
        const hash = await api.rpc.chain.getBlockHash(next);
        const header = await api.rpc.chain.getHeader(hash);
        const pre = header.digest.logs.find((l) => l.isPreRuntime && l.asPreRuntime[0].isBabe);
        if (!pre) continue;
        const data = pre.asPreRuntime[1].toU8a(true);
        const index = data[1] | (data[2] << 8) | (data[3] << 16) | (data[4] << 24);
        const epoch = await (await api.at(hash)).query.babe.authorities();
        if (epoch[index] && epoch[index][0].toHex() === babeKey) authored = next;
      }
      if (!authored) await sleep(1_000);
    }
    if (!authored) throw new Error('dave authored no block within 180 s of becoming a validator');
    log(`dave authored block #${authored}`);
    console.log(`FIGURE active-to-first-authored-block-s ${(Date.now() - active) / 1000}`);
    return 1;
  } finally {
    await api.disconnect();
  }
}

module.exports = { run };
