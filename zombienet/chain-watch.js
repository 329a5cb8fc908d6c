// zombienet js-script: watches the chain through a fault, for the fault scenarios
// (faults-3.zndsl, faults-4.zndsl). One script, a mode per step, state kept between steps in
// the network's directory:
//   record              remembers every finalized block hash on this node; returns the height
//   stalled,<s>[,<n>]   over <s> seconds blocks go on (at least <n>, default 2) while
//                       finality does not move; returns 1
//   advancing,<s>       over <s> seconds both blocks and finality move; returns 1
//   resumed             waits until finality moves past where `stalled` saw it; returns 1
//   caughtup,<node>     waits until this node has finalized what <node> had finalized when the
//                       step began; returns 1
//   compare             every block `record` saw finalized is still finalized here, with the
//                       same hash (nothing reverted or lost); returns 1
// Each timing is printed as `FIGURE <name> <seconds>`: scripts/test-networks.sh collects them.
const fs = require('fs');
const path = require('path');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function statePath(networkInfo) {
  return path.join(networkInfo.tmpDir, 'chain-watch.json');
}

function load(networkInfo) {
  try {
    return JSON.parse(fs.readFileSync(statePath(networkInfo), 'utf8'));
  } catch (_) {
    return {};
  }
}

function save(networkInfo, state) {
  fs.writeFileSync(statePath(networkInfo), JSON.stringify(state));
}

async function heads(api) {
  const best = (await api.rpc.chain.getHeader()).number.toNumber();
  const hash = await api.rpc.chain.getFinalizedHead();
  const finalized = (await api.rpc.chain.getHeader(hash)).number.toNumber();
  return { best, finalized };
}

function figure(name, value) {
  console.log(`FIGURE ${name} ${value}`);
}

const modes = {
  async record(api, node, networkInfo) {
    const { finalized } = await heads(api);
    const state = load(networkInfo);
    state.recorded = state.recorded || {};
    for (let h = 1; h <= finalized; h += 1) {
      state.recorded[h] = (await api.rpc.chain.getBlockHash(h)).toHex();
    }
    save(networkInfo, state);
    console.log(`${node}: recorded finalized blocks 1..${finalized}`);
    return finalized;
  },

  async stalled(api, node, networkInfo, [seconds = '30', minBlocks = '2']) {
    // Votes in flight when the fault began may still finalize a block or two: wait until
    // finality has stood still for a few seconds before the window starts.
    let before = await heads(api);
    for (let i = 0; i < 10; i += 1) {
      await sleep(6_000);
      const now = await heads(api);
      if (now.finalized === before.finalized) break;
      before = now;
    }
    await sleep(Number(seconds) * 1000);
    const after = await heads(api);
    console.log(`${node}: over ${seconds} s best ${before.best} -> ${after.best}, finalized ${before.finalized} -> ${after.finalized}`);
    if (after.best - before.best < Number(minBlocks)) throw new Error('block production stopped');
    if (after.finalized !== before.finalized) throw new Error('finality moved without a supermajority');
    const state = load(networkInfo);
    state.stalledAt = after.finalized;
    save(networkInfo, state);
    return 1;
  },

  async advancing(api, node, _networkInfo, [seconds = '30']) {
    const before = await heads(api);
    const started = Date.now();
    let firstMove = null;
    while (Date.now() - started < Number(seconds) * 1000) {
      await sleep(1_000);
      const now = await heads(api);
      if (firstMove === null && now.finalized > before.finalized) firstMove = (Date.now() - started) / 1000;
    }
    const after = await heads(api);
    console.log(`${node}: over ${seconds} s best ${before.best} -> ${after.best}, finalized ${before.finalized} -> ${after.finalized}`);
    if (after.best - before.best < 2) throw new Error('block production stopped');
    if (after.finalized <= before.finalized) throw new Error('finality stopped');
    figure('finality-moves-after-fault-s', firstMove);
    return 1;
  },

  async resumed(api, node, networkInfo) {
    const { stalledAt } = load(networkInfo);
    if (stalledAt === undefined) throw new Error('run `stalled` first');
    const started = Date.now();
    for (;;) {
      const { finalized } = await heads(api);
      if (finalized > stalledAt) {
        const s = (Date.now() - started) / 1000;
        console.log(`${node}: finality moved ${stalledAt} -> ${finalized} after ${s} s`);
        figure('finality-resumes-after-restart-s', s);
        return 1;
      }
      await sleep(500);
    }
  },

  async caughtup(api, node, networkInfo, [other]) {
    const peer = await zombie.connect(networkInfo.nodesByName[other].wsUri);
    const target = (await heads(peer)).finalized;
    await peer.disconnect();
    const started = Date.now();
    for (;;) {
      const { finalized } = await heads(api);
      if (finalized >= target) {
        const s = (Date.now() - started) / 1000;
        console.log(`${node}: finalized ${finalized} >= ${other}'s ${target} after ${s} s`);
        figure(`catch-up-${node}-s`, s);
        return 1;
      }
      await sleep(500);
    }
  },

  async compare(api, node, networkInfo) {
    const { recorded } = load(networkInfo);
    if (!recorded) throw new Error('run `record` first');
    const { finalized } = await heads(api);
    for (const [h, hash] of Object.entries(recorded)) {
      if (Number(h) > finalized) throw new Error(`${node} has not finalized #${h} again`);
      const here = (await api.rpc.chain.getBlockHash(Number(h))).toHex();
      if (here !== hash) throw new Error(`${node}: finalized #${h} was ${hash}, is ${here}`);
    }
    console.log(`${node}: all ${Object.keys(recorded).length} recorded finalized blocks unchanged`);
    return 1;
  },
};

async function run(nodeName, networkInfo, args) {
  const [mode, ...rest] = args;
  if (!modes[mode]) throw new Error(`unknown mode ${mode}`);
  const { wsUri, userDefinedTypes } = networkInfo.nodesByName[nodeName];
  const api = await zombie.connect(wsUri, userDefinedTypes);
  try {
    return await modes[mode](api, nodeName, networkInfo, rest);
  } finally {
    await api.disconnect();
  }
}

module.exports = { run };
