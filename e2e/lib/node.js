// Starts a real codchain-node process on free ports and talks to it over JSON-RPC.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const targetDir = process.env.CARGO_TARGET_DIR || join(homedir(), '.cache/codchain/target');
export const NODE_BIN = process.env.CODCHAIN_NODE || join(targetDir, 'release/codchain-node');

/** A TCP port nobody listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** One JSON-RPC call over HTTP. */
export async function rpc(url, method, params = []) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  const body = await res.json();
  if (body.error) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
  return body.result;
}

/** Polls `probe` until it returns a truthy value or `timeoutMs` passes. */
export async function waitFor(what, probe, timeoutMs, intervalMs = 250) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      const v = await probe();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    await sleep(intervalMs);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${last.message}` : ''}`);
}

/**
 * Starts `codchain-node` with `args` plus free RPC/P2P ports. Returns a handle with the RPC URLs,
 * the collected log, and `stop()` which sends SIGINT and resolves with the exit code.
 */
export async function startNode(args) {
  const rpcPort = await freePort();
  const p2pPort = await freePort();
  const fullArgs = [
    ...args,
    '--rpc-port', String(rpcPort),
    '--port', String(p2pPort),
    '--no-prometheus',
    '--no-telemetry',
    '--no-mdns',
  ];
  const startedAt = Date.now();
  const child = spawn(NODE_BIN, fullArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (d) => { log += d; });
  child.stderr.on('data', (d) => { log += d; });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const http = `http://127.0.0.1:${rpcPort}`;
  const ws = `ws://127.0.0.1:${rpcPort}`;
  await waitFor('RPC to answer', () => rpc(http, 'system_health'), 60_000).catch((e) => {
    child.kill('SIGKILL');
    throw new Error(`${e.message}\n--- node log ---\n${log}`);
  });
  return {
    http,
    ws,
    p2pPort,
    startedAt,
    child,
    log: () => log,
    async stop(timeoutMs = 30_000) {
      if (child.exitCode !== null) return { code: child.exitCode, signal: null };
      child.kill('SIGINT');
      const t = sleep(timeoutMs).then(() => ({ timeout: true }));
      const r = await Promise.race([exited, t]);
      if (r.timeout) {
        child.kill('SIGKILL');
        throw new Error('node did not stop within 30 s of SIGINT');
      }
      return r;
    },
  };
}

export async function bestNumber(url) {
  const header = await rpc(url, 'chain_getHeader');
  return parseInt(header.number, 16);
}

export async function finalizedNumber(url) {
  const hash = await rpc(url, 'chain_getFinalizedHead');
  const header = await rpc(url, 'chain_getHeader', [hash]);
  return parseInt(header.number, 16);
}
