// zombienet js-script: a fourth node becomes a validator the way docs/VALIDATOR.md says, and
// authors blocks. On the new node (`dave`, running with --validator but in no genesis):
//   1. `author_rotateKeysWithOwner(stash)` makes session keys in its keystore with the proof;
//   2. one `utility.batchAll` signed by //Dave: `staking.bond`, `session.setKeys(keys, proof)`,
//      `staking.validate`;
//   3. at the next era change the stash is in the session's validators;
//   4. a block whose BABE author is dave arrives, and finality goes on with four voters.
// Prints `FIGURE` lines (scripts/test-networks.sh collects them). Returns 1.
const path = require('path');

const modules = path.join(__dirname, '..', 'e2e', 'node_modules');
const { Keyring } = require(path.join(modules, '@polkadot', 'keyring'));
const { cryptoWaitReady } = require(path.join(modules, '@polkadot', 'util-crypto'));
const { u8aToHex } = require(path.join(modules, '@polkadot', 'util'));

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (m) => console.log(`[join] ${m}`);

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
    const { keys, proof } = await api.provider.send('author_rotateKeysWithOwner', [owner]);
    log(`keys ${keys.slice(0, 18)}…, proof ${proof.slice(0, 18)}…`);
    const babeKey = keys.slice(0, 66);

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

    const authorities = await api.query.babe.authorities();
    if (!authorities.some(([key]) => key.toHex() === babeKey)) throw new Error('dave\'s BABE key is not an authority');
    let authored = null;
    const deadline = Date.now() + 180_000;
    while (!authored && Date.now() < deadline) {
      const header = await api.derive.chain.getHeader();
      if (header.author && header.author.toString() === stash.address) authored = header.number.toNumber();
      else await sleep(1_000);
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
