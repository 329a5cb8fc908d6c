// End to end: malformed input at the edges of our JSON-RPC. Every method of Codchain's pallets
// (found through `rpc_methods`, so a new one is covered the day it lands) is called with wrong
// types, missing and extra parameters, unknown ids and huge pages; each call gets a JSON-RPC
// answer (an error with a code and a message, or a result), and the node keeps serving and
// producing blocks throughout.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startNode, waitFor } from '../lib/node.js';

const OURS = /^(timecoin|codcoin|market|upkeep|jointtoken|carchain|credit|orgs|mimei)_/;
const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const UNKNOWN_HASH = `0x${'ee'.repeat(32)}`;

// Parameter lists a careless or hostile client sends.
const BAD_PARAMS = [
  [],
  [42],
  ['not an account'],
  [{}],
  [[]],
  [null],
  [true, false, true, false, true, false],
  ['0x'],
  [`0x${'zz'.repeat(32)}`],
  [UNKNOWN_HASH],
  [ALICE, null, 4294967295],
  [ALICE, UNKNOWN_HASH, -1],
  [ALICE, [ALICE, UNKNOWN_HASH], 1e30],
  ['x'.repeat(100_000)],
];

/** One raw JSON-RPC exchange over HTTP: the parsed body, error or result. */
async function raw(url, body) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

describe('malformed RPC input on codchain-node --dev', () => {
  let node;

  before(async () => {
    node = await startNode(['--dev', '--tmp']);
  });

  after(async () => {
    if (node) await node.stop().catch(() => node.child.kill('SIGKILL'));
  });

  test('every pallet method answers bad parameters with an error, not a hang or a crash', async () => {
    const { body } = await raw(node.http, { jsonrpc: '2.0', id: 1, method: 'rpc_methods', params: [] });
    const methods = body.result.methods.filter((m) => OURS.test(m)).sort();
    // The families the README lists must all be there.
    for (const family of ['timecoin', 'codcoin', 'market', 'upkeep', 'jointtoken', 'carchain']) {
      assert.ok(methods.some((m) => m.startsWith(`${family}_`)), `no ${family}_* method`);
    }
    let errors = 0;
    let results = 0;
    for (const method of methods) {
      for (const params of BAD_PARAMS) {
        const started = Date.now();
        const { body: answer } = await raw(node.http, { jsonrpc: '2.0', id: 7, method, params });
        const what = `${method}(${JSON.stringify(params).slice(0, 80)})`;
        assert.equal(answer.jsonrpc, '2.0', what);
        assert.equal(answer.id, 7, what);
        assert.ok(Date.now() - started < 10_000, `${what} took ${Date.now() - started} ms`);
        if (answer.error) {
          assert.equal(typeof answer.error.code, 'number', what);
          assert.ok(answer.error.message.length > 0, `${what}: an error without a message`);
          errors += 1;
        } else {
          assert.ok('result' in answer, `${what}: neither error nor result`);
          // A page is never larger than the pallet's cap, however large the limit asked.
          if (Array.isArray(answer.result)) assert.ok(answer.result.length <= 1000, what);
          results += 1;
        }
      }
    }
    console.log(`${methods.length} methods, ${errors + results} calls: ${errors} errors, ${results} results`);
    assert.ok(errors > methods.length, 'most malformed calls are refused');
    const health = await raw(node.http, { jsonrpc: '2.0', id: 1, method: 'system_health', params: [] });
    assert.equal(typeof health.body.result.peers, 'number', 'the node still serves');
  });

  test('broken JSON-RPC envelopes get the standard errors', async () => {
    const parse = await raw(node.http, '{"jsonrpc":"2.0","id":1,"method":');
    assert.equal(parse.body.error.code, -32700, 'parse error');
    const unknown = await raw(node.http, { jsonrpc: '2.0', id: 1, method: 'timecoin_noSuchMethod', params: [] });
    assert.equal(unknown.body.error.code, -32601, 'method not found');
    const notObject = await raw(node.http, { jsonrpc: '2.0', id: 1, method: 'timecoin_issuer', params: 'x' });
    assert.ok(notObject.body.error, 'params that are neither a list nor an object');
    const batch = await raw(node.http, [
      { jsonrpc: '2.0', id: 1, method: 'codcoin_balance', params: [ALICE, ALICE] },
      { jsonrpc: '2.0', id: 2, method: 'codcoin_balance', params: [42] },
    ]);
    assert.equal(batch.body.length, 2, 'a batch answers each call');
    assert.ok(batch.body.find((a) => a.id === 2).error, 'the bad call of a batch fails alone');
  });

  test('the node keeps producing blocks after the abuse', async () => {
    const height = async () => {
      const { body } = await raw(node.http, { jsonrpc: '2.0', id: 1, method: 'chain_getHeader', params: [] });
      return parseInt(body.result.number, 16);
    };
    const start = await height();
    await waitFor('two more blocks', async () => (await height()) >= start + 2, 60_000);
  });
});
