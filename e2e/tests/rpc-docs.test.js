// End to end: the examples of docs/RPC.md against a real dev node. The test creates the state the
// document describes (four transactions on a fresh chain), then sends the request of every `json`
// block of the document and compares the node's answer with the documented response, so an
// edited example is tested too. Placeholders in a documented response ("<block>", "<unix>",
// "<hash>", "<text>") match any value of their kind; "<genesisHash>" in a request is replaced by
// the hash of block 0. It also checks the document's resource table (both spellings are one
// value, the node takes the JSON-RPC one), the two forms of an off-chain unit, and the
// runtime-API names the document gives.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { rpc, startNode } from '../lib/node.js';
import { sendAndFinalize } from '../lib/tx.js';

const DOC = readFileSync(new URL('../../docs/RPC.md', import.meta.url), 'utf8');

const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const BOB = '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty';
// A coin id is BLAKE2-256 of (ledger name, pour id, output index): the same on every fresh chain
// that replays the document's steps.
const TC = {
  issued100: '0x46dc388800722cdf4dff559fd023a8d6cf5e467fd13fe509a4489c11792cdb1c', // pour 0, output 0
  issued50: '0x704d36cb39f6367420327cc23b2fbf3521d055c6d6b79b7fa282461fbc19821c', // pour 0, output 1
  change60: '0x681937fae06d0b35bee163f50ae699fbc29b421b68289853b80377d55bf7afd5', // pour 2, output 0
  refund50: '0x2e1f05c4fc430b05b04ae7c886b0b08833b7f7b1c58301f4f98e444118790287', // pour 3, the refund
};
const CC = {
  alice700: '0xde54fc5ca923798fec766a206bb60ccd1b8e88f55ae5188989ff4f79b891f239', // pour 0, output 0
  bob300: '0x9f6dc77675e4b6fefd9973684b93aa4f9a010539b151def6bd23acc24e1dce7a', // pour 0, output 1
  change600: '0x77d4bd6a6a90376fb0e14b559c3567b9a23369c89841aec2da0a05b5957c0ffe', // pour 1, output 0
};
// The expiry block of the claim and of both offers.
const EXPIRY = 100_000;

/** What each placeholder of a documented response accepts. */
const PLACEHOLDERS = {
  '<block>': (v) => Number.isInteger(v) && v >= 0 && v <= 0xffff_ffff,
  '<unix>': (v) => Number.isInteger(v) && v > 1_600_000_000 && v < 4_102_444_800,
  '<hash>': (v) => typeof v === 'string' && /^0x[0-9a-f]{64}$/.test(v),
  '<text>': (v) => typeof v === 'string' && v.length > 0,
};
const isPlaceholder = (v) => typeof v === 'string' && /^<[^<>]+>$/.test(v);

/** The examples of the document: every `json` block, which must hold a request and a response. */
function extractExamples(doc) {
  const examples = [];
  const problems = [];
  for (const m of doc.matchAll(/^```json\n([\s\S]*?)^```$/gm)) {
    const line = doc.slice(0, m.index).split('\n').length;
    let block;
    try {
      block = JSON.parse(m[1]);
    } catch (e) {
      problems.push(`docs/RPC.md:${line}: not JSON: ${e.message}`);
      continue;
    }
    const keys = block && typeof block === 'object' ? Object.keys(block).sort().join(',') : '';
    if (keys !== 'request,response' || typeof block.request?.method !== 'string') {
      problems.push(`docs/RPC.md:${line}: a json block must hold exactly a "request" and a "response"`);
      continue;
    }
    examples.push({ line, request: block.request, response: block.response });
  }
  return { examples, problems };
}

/** The rows of the resource table: a description, the JSON-RPC form, the extrinsic form. */
function resourceRows(doc) {
  const row = /^\|\s*([^|`]*?)\s*\|\s*`(\{[^`]*\})`\s*\|\s*`(\{[^`]*\})`\s*\|\s*$/;
  return doc.split('\n').map((l) => l.match(row)).filter(Boolean)
    .map(([, what, asRpc, extrinsic]) => ({ what, rpc: JSON.parse(asRpc), extrinsic: JSON.parse(extrinsic) }));
}

/** `value` with the request placeholders replaced by `vars`. */
function substitute(value, vars) {
  if (isPlaceholder(value)) {
    if (!(value in vars)) throw new Error(`unknown request placeholder ${value}`);
    return vars[value];
  }
  if (Array.isArray(value)) return value.map((v) => substitute(v, vars));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, vars)]));
  }
  return value;
}

/** Where `got` differs from the documented `doc`, as a list of readable lines (empty: a match). */
function mismatches(doc, got, path = '$', out = []) {
  if (isPlaceholder(doc)) {
    const accepts = PLACEHOLDERS[doc];
    if (!accepts) out.push(`${path}: unknown placeholder ${doc}`);
    else if (!accepts(got)) out.push(`${path}: ${JSON.stringify(got)} is not a ${doc}`);
  } else if (Array.isArray(doc)) {
    if (!Array.isArray(got)) {
      out.push(`${path}: expected an array, got ${JSON.stringify(got)}`);
    } else if (got.length !== doc.length) {
      out.push(`${path}: expected ${doc.length} items, got ${got.length}: ${JSON.stringify(got)}`);
    } else {
      doc.forEach((d, i) => mismatches(d, got[i], `${path}[${i}]`, out));
    }
  } else if (doc !== null && typeof doc === 'object') {
    if (got === null || typeof got !== 'object' || Array.isArray(got)) {
      out.push(`${path}: expected an object, got ${JSON.stringify(got)}`);
    } else {
      for (const k of Object.keys(doc)) {
        if (!(k in got)) out.push(`${path}.${k}: missing`);
        else mismatches(doc[k], got[k], `${path}.${k}`, out);
      }
      for (const k of Object.keys(got)) {
        if (!(k in doc)) out.push(`${path}.${k}: not in the document (${JSON.stringify(got[k])})`);
      }
    }
  } else if (doc !== got) {
    out.push(`${path}: expected ${JSON.stringify(doc)}, got ${JSON.stringify(got)}`);
  }
  return out;
}

/** One raw JSON-RPC exchange over HTTP: the parsed answer, error or result. */
async function post(url, body) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return res.json();
}

/** The data of every `section.method` event, in order. */
function eventsOf(events, section, method) {
  return events
    .filter(({ event }) => event.section === section && event.method === method)
    .map(({ event }) => event.data);
}

/** The ids of the coins each `Poured` event of `section` made, one list per pour. */
function pouredIds(events, section) {
  return eventsOf(events, section, 'Poured').map((d) => d.outputs.map(([id]) => id.toHex()));
}

/**
 * The state of the document's "The examples" section: four `utility.batchAll` transactions,
 * each finalized before the next. Checks the ids the document relies on as it goes; returns
 * the block of the first transaction.
 */
async function createState(api, alice, bob) {
  const { timecoin: tc, codcoin: cc, market: mk, utility } = api.tx;
  const batch = (calls, signer) => sendAndFinalize(api, utility.batchAll(calls), signer);

  // 1. Alice stands behind 10 000 seconds and issues Bob 100 and 50.
  const first = await batch(
    [tc.declareCapacity(10_000), tc.issue([{ holder: BOB, amount: 100 }, { holder: BOB, amount: 50 }])],
    alice,
  );
  assert.deepEqual(pouredIds(first.events, 'timecoin'), [[TC.issued100, TC.issued50]], 'timecoin pour 0');

  // 2. Bob books 50 seconds an hour ahead (no change) and 40 two hours ahead (60 change).
  const t = Math.floor((await api.query.timestamp.now()).toNumber() / 1000);
  const booked = await batch(
    [tc.exercise([TC.issued50], t + 3600, t + 3650), tc.exercise([TC.issued100], t + 7200, t + 7240)],
    bob,
  );
  assert.deepEqual(eventsOf(booked.events, 'timecoin', 'AppointmentBooked').map((d) => d.id.toNumber()), [0, 1]);
  assert.deepEqual(pouredIds(booked.events, 'timecoin'), [[], [TC.change60]], 'timecoin pours 1 and 2');

  // 3. Alice cancels appointment 0 (Bob's 50 seconds come back), backs and issues her codcoin,
  //    registers two resources and makes two offers.
  const aliceCoin = { OnChain: { Codcoin: ALICE } };
  const cny = { OffChain: { kind: 'Fiat', unit: 'CNY' } };
  const third = await batch(
    [
      tc.cancelAppointment(0),
      cc.declareClaim({ Stock: { units: 50 } }, 5_000, EXPIRY, null),
      cc.issue([{ holder: ALICE, amount: 700 }, { holder: BOB, amount: 300 }]),
      mk.registerResources([aliceCoin, cny]),
      mk.makeOffer(aliceCoin, cny, { pay: 1, receive: 2 }, 100, 10, EXPIRY, 0, []),
      mk.makeOffer({ OnChain: 'Cod' }, aliceCoin, { pay: '10000000000', receive: 1 }, '5000000000000', '10000000000', EXPIRY, 0, []),
    ],
    alice,
  );
  assert.deepEqual(eventsOf(third.events, 'timecoin', 'AppointmentRefunded').map((d) => d.coin.toHex()), [TC.refund50]);
  assert.deepEqual(pouredIds(third.events, 'codcoin'), [[CC.alice700, CC.bob300], [CC.change600]], 'codcoin pours 0 and 1');
  assert.deepEqual(eventsOf(third.events, 'market', 'OfferMade').map((d) => d.id.toNumber()), [0, 1]);

  // 4. Bob takes 20 of offer 0 (he owes 40 CNY off chain) and registers a unit given as bytes.
  const fourth = await batch(
    [
      mk.accept(0, 20, []),
      mk.registerResources([{ OffChain: { kind: 'TimeBudget', unit: [...Buffer.from('hour')] } }]),
    ],
    bob,
  );
  assert.deepEqual(eventsOf(fourth.events, 'market', 'Accepted').map((d) => d.trade.toNumber()), [0]);
  return { firstBlock: first.blockHash };
}

const { examples, problems } = extractExamples(DOC);

describe('docs/RPC.md on codchain-node --dev', () => {
  let node;
  let api;
  let state;
  let vars;
  let provider;

  before(async () => {
    node = await startNode(['--dev', '--tmp']);
    await cryptoWaitReady();
    provider = new WsProvider(node.ws);
    api = await ApiPromise.create({ provider, noInitWarn: true });
    const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
    const [alice, bob] = ['//Alice', '//Bob'].map((s) => keyring.addFromUri(s));
    assert.equal(alice.address, ALICE);
    assert.equal(bob.address, BOB);
    state = await createState(api, alice, bob);
    vars = { '<genesisHash>': await rpc(node.http, 'chain_getBlockHash', [0]) };
  });

  after(async () => {
    if (api) await api.disconnect();
    if (node) await node.stop().catch(() => node.child.kill('SIGKILL'));
  });

  test('every json block of the document is an example', () => {
    assert.deepEqual(problems, []);
    assert.ok(examples.length >= 30, `only ${examples.length} examples found`);
  });

  test('every timecoin_, codcoin_ and market_ method has an example', async () => {
    const { methods } = await rpc(node.http, 'rpc_methods');
    const ours = methods.filter((m) => /^(timecoin|codcoin|market)_/.test(m));
    assert.ok(ours.length >= 20, `only ${ours.length} methods: ${ours.join(', ')}`);
    const shown = new Set(examples.map((e) => e.request.method));
    assert.deepEqual(ours.filter((m) => !shown.has(m)), [], 'methods without an example');
  });

  for (const example of examples) {
    test(`docs/RPC.md:${example.line} ${example.request.method}`, async () => {
      const request = substitute(example.request, vars);
      const answer = await post(node.http, request);
      const wrong = mismatches(example.response, answer);
      assert.deepEqual(wrong, [], `${JSON.stringify(request)}\nwas answered ${JSON.stringify(answer)}`);
    });
  }

  test('the resource table: both spellings are one value, and the node takes the JSON-RPC one', async () => {
    const rows = resourceRows(DOC);
    const kindOf = ({ onChain, offChain }) =>
      onChain !== undefined ? (typeof onChain === 'string' ? onChain : Object.keys(onChain)[0]) : offChain.kind;
    const kinds = new Set(rows.map((r) => kindOf(r.rpc)));
    for (const k of ['cod', 'codcoin', 'timecoin', 'jointToken', 'dataToken', 'fiat', 'timeBudget', 'information']) {
      assert.ok(kinds.has(k), `no row for ${k}`);
    }
    // @polkadot/api matches variant names without regard to case, so it encodes both spellings.
    const encode = (resource) => api.tx.market.registerResources([resource]).method.args[0].toHex();
    for (const { what, rpc: asRpc, extrinsic } of rows) {
      assert.equal(encode(extrinsic), encode(asRpc), `${what}: the two spellings encode differently`);
      const other = kindOf(asRpc) === 'cod' ? { offChain: { kind: 'fiat', unit: 'CNY' } } : { onChain: 'cod' };
      const offers = await rpc(node.http, 'market_offers', [asRpc, other, null, 1]);
      assert.ok(Array.isArray(offers), `${what}: market_offers answered ${JSON.stringify(offers)}`);
    }
  });

  test('an off-chain unit: a string or its bytes in, a string out', async () => {
    const aliceCoin = { onChain: { codcoin: ALICE } };
    const cod = { onChain: 'cod' };
    const fiat = (unit) => ({ offChain: { kind: 'fiat', unit } });
    const cnyBytes = [67, 78, 89];

    // Offer 0 found by either form, its unit written as a string.
    const byString = await rpc(node.http, 'market_offers', [aliceCoin, fiat('CNY')]);
    const byBytes = await rpc(node.http, 'market_offers', [aliceCoin, fiat(cnyBytes)]);
    assert.equal(byString.length, 1);
    assert.equal(byString[0].id, 0);
    assert.deepEqual(byBytes, byString);
    assert.deepEqual(byString[0].receive, fiat('CNY'));
    // In the pay position too: nobody sells yuan for the coin, an empty page and not an error.
    assert.deepEqual(await rpc(node.http, 'market_offers', [fiat('CNY'), aliceCoin]), []);
    assert.deepEqual(await rpc(node.http, 'market_offers', [fiat(cnyBytes), aliceCoin]), []);
    // Byte for byte: another case is another resource.
    assert.deepEqual(await rpc(node.http, 'market_offers', [aliceCoin, fiat('cny')]), []);

    // Out: a unit a transaction gave as a string (Alice's) or as bytes (Bob's) comes back a string.
    assert.deepEqual(await rpc(node.http, 'market_registered', [ALICE]), [
      { onChain: { codcoin: ALICE } },
      fiat('CNY'),
    ]);
    assert.deepEqual(await rpc(node.http, 'market_registered', [BOB]), [
      { offChain: { kind: 'timeBudget', unit: 'hour' } },
    ]);
    const [trade] = await rpc(node.http, 'market_trades', [ALICE]);
    assert.deepEqual(trade.take.resource, fiat('CNY'));

    // At most 16 bytes, counted in UTF-8, in either form.
    const sixteen = 'ABCDEFGHIJKLMNOP';
    assert.deepEqual(await rpc(node.http, 'market_offers', [fiat(sixteen), cod]), []);
    assert.deepEqual(await rpc(node.http, 'market_offers', [fiat([...Buffer.from(sixteen)]), cod]), []);
    assert.deepEqual(await rpc(node.http, 'market_offers', [fiat('元'), cod]), []);
    for (const tooLong of [`${sixteen}Q`, [...Buffer.from(`${sixteen}Q`)], '元元元元元元']) {
      const answer = await post(node.http, { jsonrpc: '2.0', id: 1, method: 'market_offers', params: [fiat(tooLong), cod] });
      assert.equal(answer.error?.code, -32602, `unit ${JSON.stringify(tooLong)}: ${JSON.stringify(answer)}`);
    }
  });

  test('the runtime APIs the document names exist and agree with the JSON-RPC answers', async () => {
    const named = new Set([...DOC.matchAll(/api\.call\.(\w+)\.(\w+)\(/g)].map(([, s, m]) => `${s}.${m}`));
    assert.ok(named.size >= 20, `only ${named.size} runtime-API methods named`);
    for (const name of named) {
      const [section, method] = name.split('.');
      assert.equal(typeof api.call[section]?.[method], 'function', `api.call.${name}`);
    }

    const coins = await api.call.timecoinApi.coinsOf(BOB, null, 10);
    assert.deepEqual(coins.map((c) => [c.id.toHex(), c.amount.toNumber()]), [[TC.refund50, 50], [TC.change60, 60]]);
    const next = await api.call.timecoinApi.coinsOf(BOB, [ALICE, TC.refund50], 1);
    assert.deepEqual(next.map((c) => c.id.toHex()), [TC.change60]);
    assert.equal((await api.call.codcoinApi.balance(BOB, ALICE)).toString(), '300');
    const offers = await api.call.marketApi.offers(
      { OnChain: { Codcoin: ALICE } },
      { OffChain: { kind: 'Fiat', unit: 'CNY' } },
      null,
      100,
    );
    assert.deepEqual(offers.map((o) => [o.id.toNumber(), o.remaining.toString()]), [[0, '80']]);
    assert.deepEqual(offers[0].receive.toHuman(), { OffChain: { kind: 'Fiat', unit: 'CNY' } });

    // `at` is api.at(hash): after the first transaction Alice had issued but nobody had booked.
    const then = await (await api.at(state.firstBlock)).call.timecoinApi.issuer(ALICE);
    assert.deepEqual([then.capacity.toNumber(), then.outstanding.toNumber(), then.appointments.toNumber()], [10_000, 150, 0]);

    // The JSON-RPC methods through @polkadot/api's provider answer the document's JSON.
    assert.equal(await provider.send('codcoin_balance', [BOB, ALICE]), '300');
  });
});
