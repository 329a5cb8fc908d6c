#!/usr/bin/env node
// Operator tool: make an account a Codchain validator, or show its validator status.
//
//   node e2e/tools/validator.js join   --ws ws://127.0.0.1:9944 --suri '//Dave' --bond 1000 \
//                                      --keys 0x... --proof 0x... [--commission 5]
//   node e2e/tools/validator.js status --ws ws://127.0.0.1:9944 --stash <address>
//
// `join` sends one `utility.batchAll` signed by the stash: `staking.bond` (COD, rewards restaked),
// `session.setKeys(keys, proof)` (from `author_rotateKeysWithOwner`) and `staking.validate`.
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { parseArgs } from 'node:util';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    ws: { type: 'string', default: 'ws://127.0.0.1:9944' },
    suri: { type: 'string' },
    stash: { type: 'string' },
    bond: { type: 'string' },
    keys: { type: 'string' },
    proof: { type: 'string' },
    commission: { type: 'string', default: '0' },
  },
});

function die(msg) {
  console.error(`validator.js: ${msg}`);
  process.exit(2);
}

async function join(api) {
  for (const k of ['suri', 'bond', 'keys', 'proof']) if (!values[k]) die(`join needs --${k}`);
  await cryptoWaitReady();
  const stash = new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri(values.suri);
  const decimals = api.registry.chainDecimals[0];
  const bond = BigInt(values.bond) * 10n ** BigInt(decimals);
  const commissionPerbill = Math.round(Number(values.commission) * 10_000_000);
  const batch = api.tx.utility.batchAll([
    api.tx.staking.bond(bond, 'Staked'),
    api.tx.session.setKeys(values.keys, values.proof),
    api.tx.staking.validate({ commission: commissionPerbill, blocked: false }),
  ]);
  console.log(`stash ${stash.address}: bond ${values.bond} COD, set keys, validate`);
  await new Promise((resolve, reject) => {
    batch.signAndSend(stash, ({ status, events, dispatchError }) => {
      if (dispatchError) {
        const msg = dispatchError.isModule
          ? (({ section, name, docs }) => `${section}.${name}: ${docs.join(' ')}`)(api.registry.findMetaError(dispatchError.asModule))
          : dispatchError.toString();
        reject(new Error(msg));
        return;
      }
      if (status.isInBlock) console.log(`included in block ${status.asInBlock.toHex()}`);
      if (status.isFinalized) {
        for (const { event } of events) console.log(`  ${event.section}.${event.method} ${JSON.stringify(event.data.toHuman())}`);
        console.log(`finalized in block ${status.asFinalized.toHex()}`);
        resolve();
      }
    }).catch(reject);
  });
}

async function status(api) {
  if (!values.stash) die('status needs --stash');
  const stash = values.stash;
  const [activeEra, session, validators, ledger, prefs, queued] = await Promise.all([
    api.query.staking.activeEra(),
    api.query.session.currentIndex(),
    api.query.session.validators(),
    api.query.staking.ledger(stash),
    api.query.staking.validators(stash),
    api.query.session.queuedKeys(),
  ]);
  const era = activeEra.unwrapOrDefault().index.toNumber();
  const out = {
    activeEra: era,
    session: session.toNumber(),
    bonded: ledger.isSome ? ledger.unwrap().active.toHuman() : null,
    intendsToValidate: !prefs.isEmpty && (await api.query.staking.validators.keys()).some((k) => k.args[0].toString() === stash),
    electedThisEra: !(await api.query.staking.erasStakersOverview(era, stash)).isNone,
    queuedForNextSession: queued.some(([who]) => who.toString() === stash),
    activeValidator: validators.some((v) => v.toString() === stash),
  };
  console.log(JSON.stringify(out, null, 2));
}

const api = await ApiPromise.create({ provider: new WsProvider(values.ws), noInitWarn: true });
try {
  switch (positionals[0]) {
    case 'join': await join(api); break;
    case 'status': await status(api); break;
    default: die('usage: validator.js join|status [options]');
  }
} catch (e) {
  console.error(`validator.js: ${e.message}`);
  process.exitCode = 1;
} finally {
  await api.disconnect();
}
