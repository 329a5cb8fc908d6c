// zombienet js-script: WhitePay end to end on the running network (SPEC §6, issue 11).
//
// Two providers and four keepers run as real `codchain-keeper` processes (on PATH, as
// scripts/zombienet.sh arranges). //Alice creates an upkeeping contract; providers are paid
// each period; then the keeper that leads the next payment of a provider is stopped, the
// rotation passes over it to the next keeper, the stopped keeper is recorded as failed and gets
// nothing, and every balance moves by exactly its part of the split. Returns 1 when all holds.

const { spawn, execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const modules = path.join(__dirname, '..', 'e2e', 'node_modules');
const { Keyring } = require(path.join(modules, '@polkadot', 'keyring'));
const { cryptoWaitReady } = require(path.join(modules, '@polkadot', 'util-crypto'));

const COD = 10n ** 12n;
const PERIOD = 5;
const WINDOW = 2;
const PRICE = 1_000_000n;
const SIZE = 64 * 1024 + 100;
const BASE_PORT = 7300 + (process.pid % 500) * 10;

const log = (m) => console.log(`[whitepay] ${m}`);
const show = (v) => JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? x.toString() : x));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function must(cond, message) {
  if (!cond) throw new Error(message);
}

function send(api, tx, signer) {
  return new Promise((resolve, reject) => {
    let unsub;
    tx.signAndSend(signer, ({ status, events, dispatchError }) => {
      if (dispatchError) {
        if (unsub) unsub();
        const e = dispatchError.isModule ? api.registry.findMetaError(dispatchError.asModule) : null;
        reject(new Error(e ? `${e.section}.${e.name}` : dispatchError.toString()));
        return;
      }
      if (status.isInBlock) {
        if (unsub) unsub();
        resolve({ blockHash: status.asInBlock, events });
      }
    }).then((u) => { unsub = u; }, reject);
  });
}

/** Starts `codchain-keeper args` with its output in `logFile`. */
function start(args, logFile) {
  const out = fs.openSync(logFile, 'a');
  const child = spawn('codchain-keeper', args, { stdio: ['ignore', out, out] });
  child.on('exit', (code, signal) => log(`${path.basename(logFile)} exited (${code ?? signal})`));
  return child;
}

/** Free balance of `who` at block `hash`. */
async function free(api, who, hash) {
  const at = await api.at(hash);
  return (await at.query.system.account(who)).data.free.toBigInt();
}

async function run(nodeName, networkInfo) {
  await cryptoWaitReady();
  // The e2e helpers are an ES module; this script is loaded by zombienet as CommonJS.
  const { rpc } = await import(path.join(__dirname, '..', 'e2e', 'lib', 'node.js'));
  const { wsUri } = networkInfo.nodesByName[nodeName];
  const api = await zombie.connect(wsUri);
  // The node serves HTTP and WebSocket JSON-RPC on one port.
  const httpUri = wsUri.replace(/^ws/, 'http');
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const alice = keyring.addFromUri('//Alice');
  const keepers = [1, 2, 3, 4].map((i) => keyring.addFromUri(`//Keeper${i}`));
  const providers = [1, 2].map((i) => keyring.addFromUri(`//Provider${i}`));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'whitepay-'));
  const children = [];
  log(`work directory ${dir}, node ${wsUri}`);

  try {
    // Fees for the keepers; providers get an account so every part they are paid is exact.
    const fund = [...keepers, ...providers].map((k) =>
      api.tx.balances.transferKeepAlive(k.address, 100n * COD));
    await send(api, api.tx.utility.batchAll(fund), alice);

    // Providers: each keeps its own data and answers challenges.
    const manifests = [];
    for (const [i, p] of providers.entries()) {
      const file = path.join(dir, `data-${i}.bin`);
      fs.writeFileSync(file, require('crypto').randomBytes(SIZE));
      const data = path.join(dir, `provider-${i}`);
      const manifest = JSON.parse(execFileSync('codchain-keeper', ['store', '--data-dir', data, file]));
      must(manifest.size === SIZE, `store kept ${manifest.size} bytes`);
      const port = BASE_PORT + i;
      const config = path.join(dir, `provider-${i}.toml`);
      fs.writeFileSync(config, `listen = "127.0.0.1:${port}"\ndata_dir = "provider-${i}"\n`);
      children.push(start(['provider', '--config', config], path.join(dir, `provider-${i}.log`)));
      manifests.push({ account: p.address, url: `http://127.0.0.1:${port}`, ...manifest });
    }

    // Keepers: started before the contract exists, so all of them sample the same blocks.
    const contractId = (await api.query.upkeep.nextContractId()).toNumber();
    const keeperPort = (i) => BASE_PORT + 5 + i;
    const keeperConfig = (i) => {
      const config = path.join(dir, `keeper-${i}.toml`);
      const peers = keepers
        .map((k, j) => (j === i ? '' : `[[peers]]\naccount = "${k.address}"\nurl = "http://127.0.0.1:${keeperPort(j)}"\n`))
        .join('');
      const provs = manifests
        .map((m) => `[[providers]]\naccount = "${m.account}"\nurl = "${m.url}"\nroot = "${m.root}"\nchunks = ${m.chunks}\nsize = ${m.size}\n`)
        .join('');
      fs.writeFileSync(config, `url = "${wsUri}"\nsuri = "//Keeper${i + 1}"\ncontract = ${contractId}\n`
        + `listen = "127.0.0.1:${keeperPort(i)}"\ndata_dir = "keeper-${i}"\nchallenge_every = 1\n${peers}${provs}`);
      return config;
    };
    const keeperProcs = keepers.map((_, i) =>
      start(['keeper', '--config', keeperConfig(i)], path.join(dir, `keeper-${i}.log`)));
    children.push(...keeperProcs);
    await sleep(8000);

    const { events } = await send(api, api.tx.upkeep.create(
      keepers.map((k) => k.address), providers.map((p) => p.address),
      PRICE, PERIOD, WINDOW, 1000n * COD, null, null), alice);
    const created = events.find(({ event }) => event.section === 'upkeep' && event.method === 'Created');
    must(created && created.event.data.contract.toNumber() === contractId, 'contract created');
    log(`contract ${contractId} created`);

    const payments = async () => rpc(httpUri, 'upkeep_payments', [contractId, null, null]);
    const waitFor = async (what, pred, seconds) => {
      for (let t = 0; t < seconds; t += 2) {
        const v = await pred();
        if (v) return v;
        await sleep(2000);
      }
      throw new Error(`timed out waiting for ${what}`);
    };

    // Every provider is paid, period after period, with no gap between periods.
    await waitFor('two payments per provider', async () => {
      const ps = await payments();
      return providers.every((p) => ps.filter((r) => r.provider === p.address).length >= 2);
    }, 300);
    for (const p of providers) {
      const mine = (await payments()).filter((r) => r.provider === p.address);
      for (let i = 1; i < mine.length; i++) {
        must(mine[i].ts === mine[i - 1].te, `${p.address}: period ${i} starts where ${i - 1} ended`);
        must(mine[i].paidAt - mine[i - 1].paidAt >= PERIOD, 'one payment per period');
      }
      log(`provider ${p.address}: ${mine.length} payments, contiguous`);
    }

    // Right after a payment of provider 0, stop the keeper that leads its next one: its window
    // opens a period later.
    const p0 = providers[0].address;
    const count0 = (await payments()).filter((r) => r.provider === p0).length;
    await waitFor('a fresh payment of provider 0', async () =>
      (await payments()).filter((r) => r.provider === p0).length > count0, 120);
    const order = await rpc(httpUri, 'upkeep_windows', [contractId, p0, null]);
    const header = await api.rpc.chain.getHeader();
    must(order[0].start > header.number.toNumber() + 1, 'the next window has not opened yet');
    const victim = order[0].keeper;
    const vi = keepers.findIndex((k) => k.address === victim);
    log(`stopping keeper ${vi + 1} (${victim}), first in line from block ${order[0].start}`);
    keeperProcs[vi].kill('SIGTERM');
    const before = (await payments()).filter((r) => r.provider === p0).length;

    // The rotation passes over it: the second keeper pays in the second window.
    const record = await waitFor('the payment after the stopped keeper\'s window', async () => {
      const mine = (await payments()).filter((r) => r.provider === p0);
      return mine.length > before ? mine[mine.length - 1] : null;
    }, 180);
    must(record.payer === order[1].keeper, `paid by the second keeper, not ${record.payer}`);
    must(record.paidAt >= order[1].start && record.paidAt < order[1].end, 'in the second window');
    must(record.keepersPaid === 3, `three keepers share, not ${record.keepersPaid}`);

    // The split, exactly: 90 % to the provider, 10 % in equal parts to the three not failed.
    // Parts round down; the rounding dust stays in the escrow.
    const amount = PRICE * BigInt(record.st);
    must(!record.capped, 'the escrow covered price × st');
    const toProvider = (amount * 900_000_000n) / 1_000_000_000n;
    const each = ((amount * 100_000_000n) / 1_000_000_000n) / 3n;
    must(BigInt(record.toProvider) === toProvider, `provider part ${record.toProvider}, expected ${toProvider}`);
    must(BigInt(record.toEachKeeper) === each, `keeper part ${record.toEachKeeper}, expected ${each}`);
    const paid = BigInt(record.paid);
    must(paid === toProvider + 3n * each, `paid ${paid} = ${toProvider} + 3 × ${each}`);

    const hash = await api.rpc.chain.getBlockHash(record.paidAt);
    const parent = (await api.rpc.chain.getHeader(hash)).parentHash;
    const block = await api.at(hash);
    const blockEvents = await block.query.system.events();
    const paidEvents = blockEvents.filter(({ event }) => event.section === 'upkeep' && event.method === 'Paid');
    const failedOf = paidEvents.map(({ event }) => ({
      provider: event.data.provider.toString(),
      payer: event.data.payer.toString(),
      failed: event.data.failed.map((a) => a.toString()),
      each: event.data.toEachKeeper.toBigInt(),
      bonus: event.data.bonus.toBigInt(),
      toProvider: event.data.toProvider.toBigInt(),
    }));
    const mineEvent = failedOf.find((e) => e.provider === p0);
    must(mineEvent && mineEvent.failed.length === 1 && mineEvent.failed[0] === victim,
      `the stopped keeper is the one failed: ${show(mineEvent)}`);
    const fees = {};
    for (const { event } of blockEvents) {
      if (event.section === 'transactionPayment' && event.method === 'TransactionFeePaid') {
        const who = event.data.who.toString();
        fees[who] = (fees[who] ?? 0n) + event.data.actualFee.toBigInt() + event.data.tip.toBigInt();
      }
    }
    for (const k of keepers) {
      let expected = -(fees[k.address] ?? 0n);
      for (const e of failedOf) {
        if (!e.failed.includes(k.address)) expected += e.each;
        if (e.payer === k.address) expected += e.bonus;
      }
      const delta = (await free(api, k.address, hash)) - (await free(api, k.address, parent));
      must(delta === expected, `keeper ${k.address}: balance moved ${delta}, expected ${expected}`);
      if (k.address === victim) must(delta === 0n, 'the stopped keeper got nothing');
    }
    for (const p of providers) {
      const expected = failedOf.filter((e) => e.provider === p.address).reduce((s, e) => s + e.toProvider, 0n);
      const delta = (await free(api, p.address, hash)) - (await free(api, p.address, parent));
      must(delta === expected, `provider ${p.address}: balance moved ${delta}, expected ${expected}`);
    }
    log(`payment ${record.seq} in block #${record.paidAt}: st ${record.st}, ${toProvider} to the provider, ${each} to each of 3 keepers, keeper ${vi + 1} failed; balances exact`);

    // A receipt of a finalized payment checks offline against its finalized block.
    const someKeeper = keepers.findIndex((k) => k.address === order[1].keeper);
    const receiptsDir = path.join(dir, `keeper-${someKeeper}`, 'receipts');
    const receipt = await waitFor('a receipt', async () => {
      const f = path.join(receiptsDir, `${contractId}-${record.seq}.json`);
      return fs.existsSync(f) ? f : null;
    }, 120);
    const verified = JSON.parse(execFileSync('codchain-keeper', ['verify-receipt', receipt, '--url', wsUri]));
    must(verified.seq === record.seq && verified.provider === p0, 'the receipt verifies');
    // A receipt whose attestations were changed, or checked against another block, is refused.
    const forged = JSON.parse(fs.readFileSync(receipt, 'utf8'));
    const flip = forged.attestations.length - 3;
    forged.attestations = forged.attestations.slice(0, flip) + (forged.attestations[flip] === '0' ? '1' : '0') + forged.attestations.slice(flip + 1);
    const forgedFile = path.join(dir, 'forged-receipt.json');
    fs.writeFileSync(forgedFile, JSON.stringify(forged));
    const refused = (args) => {
      try { execFileSync('codchain-keeper', args, { stdio: 'pipe' }); return false; } catch (e) { return e.status === 1; }
    };
    must(refused(['verify-receipt', forgedFile, '--url', wsUri]), 'a receipt with changed attestations is refused');
    const otherBlock = (await api.rpc.chain.getBlockHash(record.paidAt - 1)).toHex();
    must(refused(['verify-receipt', receipt, '--finalized', otherBlock]), 'a receipt checked against another block is refused');
    log(`receipt ${path.basename(receipt)} verified against finalized block #${verified.block_number}`);
    return 1;
  } catch (e) {
    log(`FAILED: ${e.message}`);
    for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.log'))) {
      const text = fs.readFileSync(path.join(dir, f), 'utf8').split('\n').slice(-25).join('\n');
      log(`--- ${f} (last lines)\n${text}`);
    }
    return 0;
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await api.disconnect();
  }
}

module.exports = { run };
