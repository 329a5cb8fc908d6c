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
//   eras                reads back through this node's finalized blocks where each era began;
//                       prints how long each era took and how long its first block (the one
//                       that rotates the session and applies the election) took after the
//                       block before; returns the number of era changes seen
//   compare             every block `record` saw finalized is still finalized here, with the
//                       same hash (nothing reverted or lost); returns 1
//   restart,<node>[,<s>]  kills <node> (SIGKILL, paused or not), waits <s> seconds (default 1)
//                       and starts it again with the same command line on the same database;
//                       returns 1. (The native provider's own `restart` kills the node but
//                       does not start it again with zombienet 1.3.138.) The restarted process
//                       outlives zombienet: scripts/test-networks.sh stops it afterwards.
// Each timing is printed as `FIGURE <name> <seconds>`: scripts/test-networks.sh collects them.
const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');

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

// The process of zombienet node <name> in this network: its pid, argv, environment and cwd.
function nodeProcess(networkInfo, name) {
  for (const pid of fs.readdirSync('/proc').filter((d) => /^[0-9]+$/.test(d))) {
    let argv;
    try {
      argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter((a) => a !== '');
    } catch (_) {
      continue;
    }
    const at = argv.indexOf('--name');
    if (at < 0 || argv[at + 1] !== name || !argv.some((a) => a.startsWith(networkInfo.tmpDir))) continue;
    const env = {};
    for (const kv of fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0')) {
      const eq = kv.indexOf('=');
      if (eq > 0) env[kv.slice(0, eq)] = kv.slice(eq + 1);
    }
    return { pid: Number(pid), argv, env, cwd: fs.readlinkSync(`/proc/${pid}/cwd`) };
  }
  throw new Error(`no running process of node ${name}`);
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
    // A new fault: timings from here on start at the step that ends it.
    state.restarted = {};
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
    const { stalledAt, restarted = {} } = load(networkInfo);
    const since = Math.max(0, ...Object.values(restarted));
    if (stalledAt === undefined) throw new Error('run `stalled` first');
    const started = Date.now();
    for (;;) {
      const { finalized } = await heads(api);
      if (finalized > stalledAt) {
        const s = (Date.now() - started) / 1000;
        console.log(`${node}: finality moved ${stalledAt} -> ${finalized} after ${s} s`);
        // From the restart (or resume) that ended the fault, when this run made it.
        figure('finality-resumes-after-restart-s', since ? (Date.now() - since) / 1000 : s);
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
        const { restarted = {} } = load(networkInfo);
        if (restarted[node]) figure(`catch-up-${node}-after-restart-s`, (Date.now() - restarted[node]) / 1000);
        else figure(`catch-up-${node}-s`, s);
        return 1;
      }
      await sleep(500);
    }
  },

  async restart(_api, _node, networkInfo, [target, seconds = '1']) {
    const proc = nodeProcess(networkInfo, target);
    process.kill(proc.pid, 'SIGKILL');
    while (fs.existsSync(`/proc/${proc.pid}/cmdline`) && fs.readFileSync(`/proc/${proc.pid}/cmdline`).length > 0) {
      await sleep(100);
    }
    await sleep(Number(seconds) * 1000);
    const log = fs.openSync(path.join(networkInfo.tmpDir, `${target}.log`), 'a');
    const child = spawn(proc.argv[0], proc.argv.slice(1), {
      env: proc.env, cwd: proc.cwd, detached: true, stdio: ['ignore', log, log],
    });
    child.unref();
    console.log(`restarted ${target}: pid ${proc.pid} killed, pid ${child.pid} started`);
    const state = load(networkInfo);
    state.restarted = { ...(state.restarted || {}), [target]: Date.now() };
    save(networkInfo, state);
    // Steps that follow talk to the node: return once its RPC answers.
    const url = networkInfo.nodesByName[target].wsUri.replace(/^ws/, 'http');
    for (let i = 0; i < 120; i += 1) {
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'system_health', params: [] }),
        });
        if (res.ok) return 1;
      } catch (_) {
        // not listening yet
      }
      await sleep(500);
    }
    throw new Error(`${target} did not answer RPC within 60 s of its restart`);
  },

  async eras(api, node) {
    const { finalized } = await heads(api);
    const eraAt = async (hash) => {
      const era = await (await api.at(hash)).query.staking.activeEra();
      return era.isSome ? era.unwrap().index.toNumber() : 0;
    };
    const nowAt = async (hash) => (await (await api.at(hash)).query.timestamp.now()).toNumber();
    const first = await api.rpc.chain.getBlockHash(1);
    let previous = await eraAt(first);
    // The era running at block 1 (era 0 at genesis) counts from that block.
    const starts = [{ era: previous, block: 1, at: await nowAt(first) }];
    for (let n = 2; n <= finalized; n += 1) {
      const hash = await api.rpc.chain.getBlockHash(n);
      const era = await eraAt(hash);
      if (era === previous) continue;
      const parent = await api.rpc.chain.getBlockHash(n - 1);
      const gap = (await nowAt(hash)) - (await nowAt(parent));
      starts.push({ era, block: n, at: await nowAt(hash) });
      console.log(`${node}: era ${era} began in block #${n}, ${gap / 1000} s after #${n - 1}`);
      figure(`era-${era}-first-block-after-previous-s`, gap / 1000);
      previous = era;
    }
    for (let i = 1; i < starts.length; i += 1) {
      const [a, b] = [starts[i - 1], starts[i]];
      figure(`era-${a.era}-length-s`, (b.at - a.at) / 1000);
      console.log(`${node}: era ${a.era} lasted ${b.block - a.block} blocks, ${(b.at - a.at) / 1000} s`);
    }
    return starts.length - 1;
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
