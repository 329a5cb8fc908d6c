// zombienet js-script: a forkless runtime upgrade of a live network (upgrade.zndsl). The network
// starts on an older runtime, whose chain spec scripts/test-networks.sh takes from the repository's
// history ($UPGRADE_FROM_SPEC); the new runtime is this checkout's ($UPGRADE_WASM). One mode per
// step, state kept in the network's directory:
//   seed     on the old runtime: Alice backs and issues time coins and codcoins, Bob pays some on;
//            remembers every coin of both ledgers as the old runtime stored it; returns 1
//   try      codchain-try-upgrade ($TRY_UPGRADE_BIN) takes this node's finalized state, runs the
//            new runtime's migrations with their checks and every try_state on it; returns 1
//   try-again  the same on the upgraded chain: the tool refuses (the spec version is not higher)
//   upgrade  root (sudo) calls `system.setCode` with the new runtime; waits for the first block
//            the new runtime builds and for it to be finalized; the migrated pallets' storage
//            versions are the new ones; returns 1
//   check    through the new runtime's JSON-RPC every remembered coin is where it was (per
//            holder and per issuer); returns 1
//   spend    Charlie pays from a coin of the old runtime; it is gone and its outputs are there;
//            returns 1
// Each timing is printed as `FIGURE <name> <seconds>`: scripts/test-networks.sh collects them.
const fs = require('fs');
const path = require('path');
const { execFile } = require('child_process');
const { pathToFileURL } = require('url');

const modules = path.join(__dirname, '..', 'e2e', 'node_modules');
const { Keyring } = require(path.join(modules, '@polkadot', 'keyring'));
const { cryptoWaitReady, xxhashAsHex } = require(path.join(modules, '@polkadot', 'util-crypto'));
const { u8aToHex } = require(path.join(modules, '@polkadot', 'util'));

const log = (m) => console.log(`[upgrade] ${m}`);
const figure = (name, value) => console.log(`FIGURE ${name} ${value}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const LEDGERS = ['timecoin', 'codcoin'];

async function e2e(file) {
  return import(pathToFileURL(path.join(__dirname, '..', 'e2e', 'lib', file)).href);
}

const statePath = (networkInfo) => path.join(networkInfo.tmpDir, 'upgrade.json');
const load = (networkInfo) => JSON.parse(fs.readFileSync(statePath(networkInfo), 'utf8'));
const save = (networkInfo, s) => fs.writeFileSync(statePath(networkInfo), JSON.stringify(s, null, 1));

function env(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this scenario through scripts/test-networks.sh`);
  return value;
}

// Every coin of a ledger as stored (`Coins` keeps its layout across the upgrade; the indices
// over it are what the migration rebuilds).
async function coins(api, ledger) {
  const entries = await api.query[ledger].coins.entries();
  return entries
    .map(([key, value]) => {
      const c = value.unwrap();
      return { id: key.args[0].toHex(), issuer: c.issuer.toString(), holder: c.holder.toString(), amount: c.amount.toString() };
    })
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

// The storage version FRAME keeps for a pallet: twox128(pallet) ++ twox128(":__STORAGE_VERSION__:").
async function storageVersion(api, pallet) {
  const key = xxhashAsHex(pallet, 128) + xxhashAsHex(':__STORAGE_VERSION__:', 128).slice(2);
  const raw = await api.rpc.state.getStorage(key);
  return raw.isSome ? api.createType('u16', raw.unwrap()).toNumber() : 0;
}

async function seed(api, networkInfo) {
  const { sendAndFinalize } = await e2e('tx.js');
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const [alice, bob, charlie] = ['//Alice', '//Bob', '//Charlie'].map((s) => keyring.addFromUri(s));
  const version = (await api.rpc.state.getRuntimeVersion()).specVersion.toNumber();
  const expiry = (await api.rpc.chain.getHeader()).number.toNumber() + 100_000;
  const { timecoin: tc, codcoin: cc, utility } = api.tx;
  const issued = await sendAndFinalize(api, utility.batchAll([
    tc.declareCapacity(10_000),
    tc.issue([{ holder: bob.address, amount: 100 }, { holder: charlie.address, amount: 50 }, { holder: alice.address, amount: 30 }]),
    cc.declareClaim({ Labour: { personHours: 10 } }, 5_000, expiry, null),
    cc.issue([{ holder: bob.address, amount: 700 }, { holder: alice.address, amount: 300 }]),
  ]), alice);
  const poured = issued.events
    .filter(({ event }) => event.method === 'Poured')
    .map(({ event }) => [event.section, event.data.outputs.map(([id]) => id.toHex())]);
  log(`on spec ${version}: issued ${JSON.stringify(poured)}`);
  // Bob pays Charlie from each coin he holds: spent coins, new coins and change.
  const [bobTime] = poured.find(([s]) => s === 'timecoin')[1];
  const [bobCod] = poured.find(([s]) => s === 'codcoin')[1];
  await sendAndFinalize(api, utility.batchAll([
    tc.transfer([bobTime], charlie.address, 40),
    cc.pay([bobCod], charlie.address, 200),
  ]), bob);
  const state = { fromVersion: version, coins: {} };
  for (const ledger of LEDGERS) {
    state.coins[ledger] = await coins(api, ledger);
    state[`${ledger}Version`] = await storageVersion(api, ledger === 'timecoin' ? 'Timecoin' : 'Codcoin');
  }
  log(`remembered ${state.coins.timecoin.length} time coins, ${state.coins.codcoin.length} codcoins; storage versions ${state.timecoinVersion}, ${state.codcoinVersion}`);
  save(networkInfo, state);
  return state.coins.timecoin.length === 4 && state.coins.codcoin.length === 3 ? 1 : 0;
}

// `again`: after the upgrade the chain runs this runtime already, which the tool must refuse.
function tryUpgrade(networkInfo, wsUri, again) {
  const bin = env('TRY_UPGRADE_BIN');
  const snapshot = path.join(networkInfo.tmpDir, 'chain.snap');
  return new Promise((resolve) => {
    execFile(bin, ['--uri', wsUri, '--snapshot', snapshot], { maxBuffer: 1 << 24 }, (err, stdout, stderr) => {
      const out = stdout.trim().split('\n').pop() || '{}';
      let report;
      try {
        report = JSON.parse(out);
      } catch (_) {
        report = { ok: false, error: `not JSON: ${out}` };
      }
      if (again) {
        log(`codchain-try-upgrade on the upgraded chain: ${JSON.stringify(report)}`);
        return resolve(err && !report.ok && /not higher/.test(report.error) ? 1 : 0);
      }
      if (err || !report.ok) {
        log(`codchain-try-upgrade refused: ${report.error || err}\n${stderr.split('\n').slice(-20).join('\n')}`);
        return resolve(0);
      }
      log(`try-runtime: ${JSON.stringify(report)}`);
      figure('try-upgrade-take-state-s', report.seconds.takingState.toFixed(1));
      figure('try-upgrade-migration-share-of-block', report.shareOfBlock.toFixed(6));
      resolve(1);
    });
  });
}

async function upgrade(api, networkInfo) {
  const { sendAndFinalize } = await e2e('tx.js');
  const state = load(networkInfo);
  const alice = new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri('//Alice');
  const code = u8aToHex(fs.readFileSync(env('UPGRADE_WASM')));
  const before = (await api.rpc.state.getRuntimeVersion()).specVersion.toNumber();

  // Each new best block: when it arrived and which runtime built it.
  const seen = [];
  const unsub = await api.rpc.chain.subscribeNewHeads((h) => seen.push({ number: h.number.toNumber(), hash: h.hash.toHex(), at: Date.now() }));
  const sent = Date.now();
  // set_code weighs a whole block: root states its own weight (what a governance body would).
  const { blockHash, events } = await sendAndFinalize(
    api,
    api.tx.sudo.sudoUncheckedWeight(api.tx.system.setCode(code), { refTime: 0, proofSize: 0 }),
    alice,
  );
  const updated = events.some(({ event }) => event.section === 'system' && event.method === 'CodeUpdated');
  const setBlock = (await api.rpc.chain.getHeader(blockHash)).number.toNumber();
  log(`setCode (${code.length / 2 - 1} bytes) in #${setBlock}, CodeUpdated: ${updated}`);
  if (!updated) return 0;

  let first;
  while (!first) {
    for (const h of seen.filter((s) => s.number > setBlock)) {
      const v = (await api.rpc.state.getRuntimeVersion(h.hash)).specVersion.toNumber();
      if (v > before) { first = h; break; }
    }
    if (!first) await sleep(500);
  }
  unsub();
  const setSeen = seen.find((s) => s.number === setBlock);
  log(`#${first.number} is the first block of spec ${(await api.rpc.state.getRuntimeVersion(first.hash)).specVersion}`);
  figure('upgrade-submit-to-first-new-block-s', ((first.at - sent) / 1000).toFixed(1));
  if (setSeen) figure('upgrade-setcode-block-to-first-new-block-s', ((first.at - setSeen.at) / 1000).toFixed(1));
  for (;;) {
    const fin = (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
    if (fin >= first.number) break;
    await sleep(500);
  }
  figure('upgrade-submit-to-first-new-block-finalized-s', ((Date.now() - sent) / 1000).toFixed(1));

  const after = { timecoin: await storageVersion(api, 'Timecoin'), codcoin: await storageVersion(api, 'Codcoin') };
  log(`storage versions: timecoin ${state.timecoinVersion} -> ${after.timecoin}, codcoin ${state.codcoinVersion} -> ${after.codcoin}`);
  const upgraded = await api.query.system.lastRuntimeUpgrade();
  log(`lastRuntimeUpgrade ${upgraded.toString()}`);
  return after.timecoin === 2 && after.codcoin === 2 && after.timecoin > state.timecoinVersion ? 1 : 0;
}

async function check(nodeName, networkInfo) {
  const { rpc } = await e2e('node.js');
  const state = load(networkInfo);
  const { wsUri } = networkInfo.nodesByName[nodeName];
  const http = wsUri.replace(/^ws/, 'http');
  const strip = (c) => ({ id: c.id, issuer: c.issuer, holder: c.holder, amount: String(c.amount) });
  const byId = (a, b) => (a.id < b.id ? -1 : 1);
  for (const ledger of LEDGERS) {
    const expected = state.coins[ledger];
    const holders = [...new Set(expected.map((c) => c.holder))];
    const issuers = [...new Set(expected.map((c) => c.issuer))];
    let held = [];
    for (const h of holders) held = held.concat(await rpc(http, `${ledger}_coinsOf`, [h]));
    let issued = [];
    for (const i of issuers) issued = issued.concat(await rpc(http, `${ledger}_coinsOfIssuer`, [i]));
    const want = JSON.stringify(expected.map(strip).sort(byId));
    for (const [what, got] of [['coinsOf', held], ['coinsOfIssuer', issued]]) {
      if (JSON.stringify(got.map(strip).sort(byId)) !== want) {
        log(`${nodeName}: ${ledger}_${what} after the upgrade: ${JSON.stringify(got)}, expected ${want}`);
        return 0;
      }
    }
    log(`${nodeName}: all ${expected.length} ${ledger} coins read back through ${ledger}_coinsOf and ${ledger}_coinsOfIssuer`);
  }
  return 1;
}

// A spend on the new runtime: Charlie pays Alice 10 seconds from a coin of before the upgrade.
async function spend(api, nodeName, networkInfo) {
  const { rpc } = await e2e('node.js');
  const { sendAndFinalize } = await e2e('tx.js');
  const state = load(networkInfo);
  const http = networkInfo.nodesByName[nodeName].wsUri.replace(/^ws/, 'http');
  const charlie = new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri('//Charlie');
  const coin = state.coins.timecoin.find((c) => c.holder === charlie.address && Number(c.amount) >= 10);
  const { events } = await sendAndFinalize(api, api.tx.timecoin.transfer([coin.id], coin.issuer, 10), charlie);
  const outputs = events
    .filter(({ event }) => event.section === 'timecoin' && event.method === 'Poured')
    .flatMap(({ event }) => event.data.outputs.map(([id]) => id.toHex()));
  const made = await Promise.all(outputs.map((id) => rpc(http, 'timecoin_coin', [id])));
  const spent = await rpc(http, 'timecoin_coin', [coin.id]);
  log(`charlie spent ${coin.id.slice(0, 10)}… (${coin.amount} s) on the new runtime: now ${JSON.stringify(spent)}; made ${JSON.stringify(made.map((c) => [c.holder.slice(0, 6), c.amount]))}`);
  const amounts = made.map((c) => c.amount).sort((a, b) => a - b);
  return spent === null && JSON.stringify(amounts) === JSON.stringify([10, Number(coin.amount) - 10].sort((a, b) => a - b)) ? 1 : 0;
}

async function run(nodeName, networkInfo, args) {
  const mode = (args && args[0]) || '';
  await cryptoWaitReady();
  if (mode === 'check') return check(nodeName, networkInfo);
  const { wsUri, userDefinedTypes } = networkInfo.nodesByName[nodeName];
  if (mode === 'try' || mode === 'try-again') return tryUpgrade(networkInfo, wsUri, mode === 'try-again');
  const api = await zombie.connect(wsUri, userDefinedTypes);
  try {
    if (mode === 'seed') return await seed(api, networkInfo);
    if (mode === 'upgrade') return await upgrade(api, networkInfo);
    if (mode === 'spend') return await spend(api, nodeName, networkInfo);
    throw new Error(`unknown mode ${mode}`);
  } finally {
    await api.disconnect();
  }
}

module.exports = { run };
