#!/usr/bin/env node
// Measures CarChain's value store on this machine: puts and gets per second over JSON-RPC on a
// real `codchain-node --dev --tmp`, for 1 KiB and 64 KiB values, with `--in-flight` requests
// outstanding at a time.
//
//   node e2e/tools/store-bench.js [--count 400] [--in-flight 8] [--out docs/store-bench.json]
//
// Records are registered on chain first (`utility.batchAll` of `carChain.putRecord`, Alice as
// the address); the puts then run with `--carchain-puts-per-second` raised so that the node's
// own work, not the per-connection bound, is measured.
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { blake2AsHex, cryptoWaitReady } from '@polkadot/util-crypto';
import { stringToHex, u8aToHex } from '@polkadot/util';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { rpc, startNode } from '../lib/node.js';
import { sendAndFinalize } from '../lib/tx.js';

const { values: opts } = parseArgs({
  options: {
    count: { type: 'string', default: '400' },
    'in-flight': { type: 'string', default: '8' },
    out: { type: 'string' },
  },
});
const COUNT = Number(opts.count);
const IN_FLIGHT = Number(opts['in-flight']);
const BATCH = 100;

/** Runs `jobs` (async thunks) with `width` in flight; returns the seconds taken. */
async function timed(jobs, width) {
  const start = process.hrtime.bigint();
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < jobs.length) await jobs[next++]();
  }));
  return Number(process.hrtime.bigint() - start) / 1e9;
}

async function main() {
  await cryptoWaitReady();
  const flags = ['--tmp', '--carchain-puts-per-second', '1000000', '--rpc-max-connections', '1000'];
  const node = await startNode(['--dev', ...flags]);
  const api = await ApiPromise.create({ provider: new WsProvider(node.ws), noInitWarn: true });
  const alice = new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri('//Alice');
  const results = { machine: `${process.platform} ${process.arch}`, count: COUNT, inFlight: IN_FLIGHT, sizes: {} };
  try {
    for (const size of [1024, 64 * 1024]) {
      const values = Array.from({ length: COUNT }, () => randomBytes(size));
      const keys = values.map((_, i) => stringToHex(`bench/${size}/${String(i).padStart(6, '0')}`));
      for (let i = 0; i < COUNT; i += BATCH) {
        const calls = values.slice(i, i + BATCH).map((v, j) =>
          api.tx.carChain.putRecord(alice.address, keys[i + j], blake2AsHex(v), size, stringToHex('bench'), null));
        await sendAndFinalize(api, api.tx.utility.batchAll(calls), alice);
      }
      const put = await timed(values.map((v, i) => () =>
        rpc(node.http, 'carchain_putValue', [alice.address, keys[i], u8aToHex(v)])), IN_FLIGHT);
      const get = await timed(keys.map((k) => async () => {
        const r = await rpc(node.http, 'carchain_getValue', [alice.address, k]);
        if (r.value.length !== 2 + 2 * size) throw new Error('short value');
      }), IN_FLIGHT);
      results.sizes[size] = {
        putsPerSecond: Math.round(COUNT / put),
        getsPerSecond: Math.round(COUNT / get),
        putMiBPerSecond: +((COUNT * size) / put / 2 ** 20).toFixed(1),
        getMiBPerSecond: +((COUNT * size) / get / 2 ** 20).toFixed(1),
      };
      console.log(`${size} B: ${JSON.stringify(results.sizes[size])}`);
    }
  } finally {
    await api.disconnect();
    await node.stop();
  }
  results.command = `node e2e/tools/store-bench.js --count ${COUNT} --in-flight ${IN_FLIGHT}`;
  if (opts.out) writeFileSync(opts.out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(JSON.stringify(results, null, 2));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
