//! Keeper mode: challenge every provider on a block schedule, record the outcomes, and in this
//! keeper's leader window gather attestations from the other keepers and submit `pay`. Outside
//! its window it answers the leader's requests for attestations.

use std::{
	collections::{BTreeMap, HashSet},
	sync::{
		atomic::{AtomicU32, Ordering},
		Arc,
	},
	time::Duration,
};

use anyhow::{anyhow, Context, Result};
use codchain_client::{
	keyfile::KeyFile,
	parse_account, to_ss58,
	upkeep::{self, AttestationOf},
	AccountId, Client, KeyType, Keypair, Wait, H256,
};
use codec::{Decode, Encode};
use hyper::{Method, StatusCode};
use rand::Rng;
use serde::{Deserialize, Serialize};
use tokio::sync::Mutex;

use crate::{
	config::KeeperConfig,
	http::{self, Reply, Req},
	log, merkle,
	provider::Proof,
	receipt::{self, Standing},
	spacetime::{self, Sample},
	store::Journal,
};

/// How long a provider or a peer keeper has to answer.
const TIMEOUT: Duration = Duration::from_secs(3);

/// A provider this keeper watches.
struct Watched {
	account: AccountId,
	name: String,
	url: String,
	root: merkle::Hash,
	chunks: usize,
	size: u64,
}

/// A payment this keeper made, kept until its receipt is written.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Paid {
	pub provider: String,
	pub seq: u64,
	pub ts: u32,
	pub te: u32,
	pub st: String,
	pub block_number: u32,
	pub block_hash: String,
	/// SCALE of the attestations submitted, hex.
	pub attestations: String,
}

/// What the leader asks a peer for.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct AttestRequest {
	pub contract: u64,
	pub provider: String,
	pub ts: u32,
	pub te: u32,
}

/// A peer's answer: its attestation (SCALE, hex) and, for the logs, its space-time.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct AttestReply {
	pub attestation: String,
	pub st: String,
}

pub struct Keeper {
	cfg: KeeperConfig,
	key: Keypair,
	me: AccountId,
	client: Client,
	genesis: H256,
	providers: Vec<Watched>,
	peers: Vec<(AccountId, String)>,
	samples: Mutex<Journal<Sample>>,
	paid: Mutex<Journal<Paid>>,
	best: AtomicU32,
}

fn load_key(cfg: &KeeperConfig) -> Result<Keypair> {
	let key_type: KeyType = cfg.key_type.parse()?;
	if let Some(suri) = &cfg.suri {
		return Ok(Keypair::from_uri(suri, key_type)?);
	}
	let path = cfg.key_file.as_ref().ok_or_else(|| anyhow!("no key"))?;
	let file = KeyFile::from_json(&std::fs::read_to_string(path)?)?;
	let password = std::env::var("CODCHAIN_PASSWORD")
		.context("a key file needs its password in CODCHAIN_PASSWORD")?;
	Ok(file.decrypt(&password)?)
}

/// Connects, retrying while the node is not up yet.
async fn connect(url: &str) -> Client {
	loop {
		match Client::connect(url).await {
			Ok(c) => return c,
			Err(e) => {
				log::warn(&format!("keeper: node at {url} not reachable ({e}); retrying"));
				tokio::time::sleep(Duration::from_secs(2)).await;
			},
		}
	}
}

pub async fn run(cfg: KeeperConfig) -> Result<()> {
	std::fs::create_dir_all(cfg.data_dir.join("receipts"))?;
	let key = load_key(&cfg)?;
	let me = key.account_id();
	let providers = cfg
		.providers
		.iter()
		.map(|p| {
			let account = parse_account(&p.account)?;
			let root = hex::decode(p.root.trim_start_matches("0x"))
				.ok()
				.and_then(|b| <[u8; 32]>::try_from(b).ok())
				.ok_or_else(|| anyhow!("provider {}: root is not 32 bytes of hex", p.account))?;
			Ok(Watched {
				name: to_ss58(&account),
				account,
				url: p.url.trim_end_matches('/').to_string(),
				root,
				chunks: p.chunks,
				size: p.size,
			})
		})
		.collect::<Result<Vec<_>>>()?;
	let peers = cfg
		.peers
		.iter()
		.map(|p| Ok((parse_account(&p.account)?, p.url.trim_end_matches('/').to_string())))
		.collect::<Result<Vec<_>>>()?;
	let samples = Journal::open(&cfg.data_dir.join("samples.jsonl"))?;
	let paid = Journal::open(&cfg.data_dir.join("payments.jsonl"))?;
	let client = connect(&cfg.url).await;
	let genesis = client.api().genesis_hash();
	log::info(&format!(
		"keeper {}: contract {}, {} providers, {} peers, {} challenge records on disk, listening on {}",
		to_ss58(&me),
		cfg.contract,
		providers.len(),
		peers.len(),
		samples.items.len(),
		cfg.listen
	));
	let keeper = Arc::new(Keeper {
		key,
		me,
		client,
		genesis,
		providers,
		peers,
		samples: Mutex::new(samples),
		paid: Mutex::new(paid),
		best: AtomicU32::new(0),
		cfg,
	});

	let server = keeper.clone();
	let listen = keeper.cfg.listen;
	tokio::spawn(async move {
		let handler = move |req: Req| {
			let k = server.clone();
			async move { k.handle(req).await }
		};
		if let Err(e) = http::serve(listen, handler).await {
			log::warn(&format!("keeper: HTTP server stopped: {e:#}"));
			std::process::exit(1);
		}
	});

	let mut last_block = 0u32;
	let mut last_round = 0u32;
	let mut done: HashSet<([u8; 32], u32, u32)> = HashSet::new();
	loop {
		tokio::time::sleep(Duration::from_millis(keeper.cfg.poll_ms)).await;
		let n = match keeper.client.best().await {
			Ok(at) => at.block_number() as u32,
			Err(e) => {
				log::warn(&format!("keeper: cannot read the best block: {e}"));
				continue;
			},
		};
		if n == last_block {
			continue;
		}
		last_block = n;
		keeper.best.store(n, Ordering::SeqCst);
		let round = n - n % keeper.cfg.challenge_every;
		if round > last_round {
			last_round = round;
			if let Err(e) = keeper.challenge_round(round).await {
				log::warn(&format!("keeper: challenge round at block {round} failed: {e:#}"));
			}
		}
		if let Err(e) = keeper.pay_round(n, &mut done).await {
			log::warn(&format!("keeper: payment round at block {n} failed: {e:#}"));
		}
		if let Err(e) = keeper.write_receipts().await {
			log::warn(&format!("keeper: receipts: {e:#}"));
		}
	}
}

impl Keeper {
	/// Where each provider of the contract stands on chain, at the best block.
	async fn provider_states(&self) -> Result<BTreeMap<AccountId, upkeep::Provider>> {
		Ok(upkeep::providers(&self.client, self.cfg.contract)
			.await?
			.into_iter()
			.map(|p| (p.provider, p))
			.collect())
	}

	/// Challenges every provider once for the scheduled block `round`.
	async fn challenge_round(&self, round: u32) -> Result<()> {
		let on_chain = self.provider_states().await?;
		if on_chain.is_empty() {
			// No contract yet (or an empty one): nothing is owed, so nothing is sampled.
			return Ok(());
		}
		for p in &self.providers {
			let Some(state) = on_chain.get(&p.account) else {
				log::warn(&format!(
					"challenge #{round}: {} is not a provider of contract {}; skipped",
					p.name, self.cfg.contract
				));
				continue;
			};
			if let Some((s, e)) = state.maintenance.iter().find(|(s, e)| *s <= round && round < *e)
			{
				log::info(&format!(
					"challenge #{round}: {} is in its declared maintenance [{s}, {e}): skipped, not failed",
					p.name
				));
				continue;
			}
			if self
				.samples
				.lock()
				.await
				.items
				.iter()
				.any(|x| x.block == round && x.provider == p.name)
			{
				continue;
			}
			let index = rand::thread_rng().gen_range(0..p.chunks.max(1));
			let url = format!("{}/chunk/{index}", p.url);
			let outcome = match http::call::<(), Proof>(&url, None, TIMEOUT).await {
				Ok(proof) => {
					let chunk = hex::decode(&proof.chunk).unwrap_or_default();
					if proof.index == index
						&& merkle::verify(&p.root, p.chunks, index, &chunk, &proof.path)
					{
						Ok(())
					} else {
						Err("the proof does not lead to the data's root".to_string())
					}
				},
				Err(e) => Err(format!("{e:#}")),
			};
			let ok = outcome.is_ok();
			match &outcome {
				Ok(()) => log::info(&format!(
					"challenge #{round}: {} proved chunk {index}: {} bytes",
					p.name, p.size
				)),
				Err(why) => log::warn(&format!(
					"challenge #{round}: {} failed at chunk {index}: {why}",
					p.name
				)),
			}
			self.samples.lock().await.append(Sample {
				provider: p.name.clone(),
				block: round,
				space: if ok { p.size } else { 0 },
				ok,
			})?;
		}
		Ok(())
	}

	/// This keeper's space-time for `provider` over `[ts, te)`.
	async fn st(&self, provider: &str, ts: u32, te: u32) -> u128 {
		let samples = self.samples.lock().await;
		let mine: Vec<Sample> =
			samples.items.iter().filter(|s| s.provider == provider).cloned().collect();
		spacetime::integral(&mine, ts, te)
	}

	fn attest(&self, provider: &AccountId, ts: u32, te: u32, st: u128) -> AttestationOf {
		upkeep::attest(&self.key, self.genesis, self.cfg.contract, provider, ts, te, st)
	}

	/// For every provider whose leader window is this keeper's at the next block: gather
	/// attestations and pay.
	async fn pay_round(&self, n: u32, done: &mut HashSet<([u8; 32], u32, u32)>) -> Result<()> {
		let Some(contract) = upkeep::contract(&self.client, self.cfg.contract).await? else {
			log::warn(&format!("contract {} does not exist (yet)", self.cfg.contract));
			return Ok(());
		};
		let states = self.provider_states().await?;
		for p in &self.providers {
			let Some(state) = states.get(&p.account) else { continue };
			let Some(leader) =
				upkeep::leader(&self.client, self.cfg.contract, &p.account, Some(n + 1)).await?
			else {
				continue;
			};
			if leader.keeper != self.me {
				continue;
			}
			let (ts, te) = (state.paid_until, n);
			let key = (p.account.0, ts, leader.window_start);
			if te <= ts || done.contains(&key) {
				continue;
			}
			let keepers = match (&contract.pending_from, &contract.pending_keepers) {
				(Some(from), Some(pending)) if ts >= *from => pending.clone(),
				_ => contract.keepers.clone(),
			};
			let f = (keepers.len() as u32).saturating_sub(1) / 3;
			let need = 2 * f + 1;
			let st = self.st(&p.name, ts, te).await;
			log::info(&format!(
				"pay {}: I lead (position {}, window [{}, {}), {} failed before me); [{ts}, {te}) st {st}; asking {} peers",
				p.name,
				leader.position,
				leader.window_start,
				leader.window_end,
				leader.failed.len(),
				self.peers.len()
			));
			let mut atts = vec![self.attest(&p.account, ts, te, st)];
			for (peer, url) in &self.peers {
				if !keepers.contains(peer) {
					continue;
				}
				let req =
					AttestRequest { contract: self.cfg.contract, provider: p.name.clone(), ts, te };
				match self.ask(url, &req, peer, &p.account).await {
					Ok(a) => atts.push(a),
					Err(e) => log::warn(&format!(
						"pay {}: no attestation from {}: {e:#}",
						p.name,
						to_ss58(peer)
					)),
				}
			}
			let tolerance = contract.terms.tolerance.max(1);
			let agree = atts.iter().filter(|a| a.st / tolerance == st / tolerance).count() as u32;
			if (atts.len() as u32) < need {
				log::warn(&format!(
					"pay {}: {} of the {need} attestations needed (n = {}, f = {f}); trying again next block",
					p.name,
					atts.len(),
					keepers.len()
				));
				continue;
			}
			if agree <= f {
				log::warn(&format!(
					"pay {}: only {agree} keepers agree with st {st} (need {}); trying again next block",
					p.name,
					f + 1
				));
				continue;
			}
			let call = upkeep::pay(self.cfg.contract, &p.account, ts, te, st, atts.clone());
			// The window may open only at the next block: a dry run at the best block would be
			// refused, so the call goes straight to the pool.
			match self.client.submit_for_next_block(&call, &self.key, Wait::InBlock, |_| {}).await {
				Ok(receipt) => {
					done.insert(key);
					let ev = receipt.event("Upkeep", "Paid");
					let field = |name: &str| {
						ev.and_then(|e| e.field(name)).map(|v| v.to_string()).unwrap_or_default()
					};
					let seq = ev.and_then(|e| e.field("seq")).and_then(|v| v.as_u64()).unwrap_or(0);
					log::info(&format!(
						"pay {}: paid [{ts}, {te}) in block #{}: {} planck, provider {}, each keeper {}, bonus {}, failed {}",
						p.name,
						receipt.block_number,
						field("paid"),
						field("toProvider"),
						field("toEachKeeper"),
						field("bonus"),
						field("failed")
					));
					self.paid.lock().await.append(Paid {
						provider: p.name.clone(),
						seq,
						ts,
						te,
						st: st.to_string(),
						block_number: receipt.block_number as u32,
						block_hash: format!("{:?}", receipt.block_hash),
						attestations: hex::encode(atts.encode()),
					})?;
				},
				Err(e) => {
					log::warn(&format!("pay {}: the chain refused [{ts}, {te}): {e}", p.name))
				},
			}
		}
		Ok(())
	}

	/// Asks `peer` for its attestation and checks it before using it.
	async fn ask(
		&self,
		url: &str,
		req: &AttestRequest,
		peer: &AccountId,
		provider: &AccountId,
	) -> Result<AttestationOf> {
		let reply: AttestReply = http::call(&format!("{url}/attest"), Some(req), TIMEOUT).await?;
		let bytes = hex::decode(reply.attestation.trim_start_matches("0x"))?;
		let a = AttestationOf::decode(&mut &bytes[..])?;
		if a.keeper != *peer
			|| a.contract != req.contract
			|| a.provider != *provider
			|| (a.ts, a.te) != (req.ts, req.te)
		{
			return Err(anyhow!("it attested something else"));
		}
		if !upkeep::verify_attestation(self.genesis, &a) {
			return Err(anyhow!("its signature does not verify"));
		}
		Ok(a)
	}

	async fn handle(&self, req: Req) -> Reply {
		match (req.method.clone(), req.path.as_str()) {
			(Method::GET, "/health") => http::ok(serde_json::json!({
				"keeper": to_ss58(&self.me),
				"best": self.best.load(Ordering::SeqCst),
			})),
			(Method::POST, "/attest") => match self.answer(&req.body).await {
				Ok(r) => http::ok(r),
				Err(e) => http::error(StatusCode::BAD_REQUEST, format!("{e:#}")),
			},
			_ => http::error(StatusCode::NOT_FOUND, "GET /health or POST /attest"),
		}
	}

	/// A leader's request: this keeper's own space-time over the period, signed.
	async fn answer(&self, body: &[u8]) -> Result<AttestReply> {
		let req: AttestRequest = serde_json::from_slice(body)?;
		if req.contract != self.cfg.contract {
			return Err(anyhow!("I keep contract {}, not {}", self.cfg.contract, req.contract));
		}
		let provider = parse_account(&req.provider)?;
		let name = to_ss58(&provider);
		if !self.providers.iter().any(|p| p.account == provider) {
			return Err(anyhow!("I do not watch {name}"));
		}
		// The leader may have seen a block this keeper's loop has not polled yet (or the loop
		// is busy submitting): ask the node before refusing a period that ends there.
		let mut best = self.best.load(Ordering::SeqCst);
		if req.te > best {
			if let Ok(at) = self.client.best().await {
				best = best.max(at.block_number() as u32);
			}
		}
		if req.te > best || req.te <= req.ts {
			return Err(anyhow!(
				"[{}, {}) is not a period up to my best block #{best}",
				req.ts,
				req.te
			));
		}
		let st = self.st(&name, req.ts, req.te).await;
		log::info(&format!("attest {name}: [{}, {}) st {st}", req.ts, req.te));
		let a = self.attest(&provider, req.ts, req.te, st);
		Ok(AttestReply { attestation: hex::encode(a.encode()), st: st.to_string() })
	}

	/// Writes a receipt for every payment whose block is now finalized.
	async fn write_receipts(&self) -> Result<()> {
		let pending: Vec<Paid> = {
			let paid = self.paid.lock().await;
			paid.items
				.iter()
				.filter(|p| !receipt::path(&self.cfg.data_dir, self.cfg.contract, p.seq).exists())
				.cloned()
				.collect()
		};
		if pending.is_empty() {
			return Ok(());
		}
		let finalized = self.client.finalized().await?.block_number() as u32;
		for p in pending.into_iter().filter(|p| p.block_number <= finalized) {
			let p = match self.settle(p, finalized).await {
				Ok(Some(p)) => p,
				Ok(None) => continue,
				Err(e) => {
					log::warn(&format!("receipts: {e:#}"));
					continue;
				},
			};
			match receipt::build(&self.client, self.genesis, self.cfg.contract, &p).await {
				Ok(r) => {
					let path = receipt::path(&self.cfg.data_dir, self.cfg.contract, p.seq);
					std::fs::write(&path, serde_json::to_vec_pretty(&r)?)?;
					log::info(&format!(
						"receipt: payment {} of contract {} finalized in #{}: {}",
						p.seq,
						self.cfg.contract,
						p.block_number,
						path.display()
					));
				},
				Err(e) => log::warn(&format!("receipt for payment {}: {e:#}", p.seq)),
			}
		}
		Ok(())
	}
	/// `p` as the finalized chain holds it, or `None` while that is unsettled or once it is known
	/// never to be. A reorganisation may have retracted the block the payment went into: the
	/// pool then includes the same transaction again, under another `seq` in another block.
	async fn settle(&self, p: Paid, finalized: u32) -> Result<Option<Paid>> {
		let hash_at = |n: u32| async move {
			self.client
				.rpc()
				.chain_get_block_hash(Some(n.into()))
				.await?
				.ok_or_else(|| anyhow!("the node has no block #{n}"))
		};
		if hash_at(p.block_number).await? == receipt::hash_of(&p.block_hash)? {
			return Ok(Some(p));
		}
		let record = upkeep::payments(&self.client, self.cfg.contract)
			.await?
			.into_iter()
			.find(|r| to_ss58(&r.provider) == p.provider && (r.ts, r.te) == (p.ts, p.te));
		match receipt::standing_after_retraction(&p, record.as_ref(), finalized, &self.me) {
			Standing::Waiting => Ok(None),
			Standing::Moved { seq, paid_at } => {
				let block_hash = format!("{:?}", hash_at(paid_at).await?);
				let moved = Paid { seq, block_number: paid_at, block_hash, ..p.clone() };
				log::info(&format!(
					"pay {}: block #{} was retracted; the same payment is {seq} in #{paid_at}",
					p.provider, p.block_number
				));
				self.paid.lock().await.rewrite(|items| {
					for it in items.iter_mut().filter(|it| same_period(it, &p)) {
						*it = moved.clone();
					}
				})?;
				Ok(Some(moved))
			},
			Standing::Lost(why) => {
				log::warn(&format!(
					"pay {}: block #{} was retracted and [{}, {}) is not this keeper's payment: {why}",
					p.provider, p.block_number, p.ts, p.te
				));
				self.paid.lock().await.rewrite(|items| items.retain(|it| !same_period(it, &p)))?;
				Ok(None)
			},
		}
	}
}

/// One provider's period is paid once: it names a payment of this keeper's journal.
fn same_period(a: &Paid, b: &Paid) -> bool {
	(&a.provider, a.ts, a.te) == (&b.provider, b.ts, b.te)
}
