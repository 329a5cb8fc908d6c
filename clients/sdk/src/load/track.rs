//! Follows the node's best and finalized blocks during a run and records when each submitted
//! transaction was seen in them, and what each finalized block carried.

use super::report::BlockFill;
use crate::{runtime, Client, Error, H256};
use codec::Encode;
use std::{
	collections::{HashMap, HashSet},
	sync::{Arc, Mutex},
	time::{Duration, Instant},
};
use tokio::task::JoinHandle;

/// What was seen during a run.
#[derive(Default)]
pub struct Observed {
	pub submitted: HashMap<[u8; 32], Instant>,
	pub refused: HashSet<[u8; 32]>,
	/// When a best block including the transaction was first announced.
	pub included: HashMap<[u8; 32], Instant>,
	/// When a finalized block including it was announced.
	pub finalized: HashMap<[u8; 32], Instant>,
	/// Every block finalized during the run, in order.
	pub blocks: Vec<BlockFill>,
	/// The timestamp (ms) of the last block finalized before the run: where chain time starts.
	pub start_timestamp: Option<u64>,
	/// An error that stopped following blocks early.
	pub error: Option<String>,
}

impl Observed {
	fn unsettled(&self) -> usize {
		self.submitted
			.keys()
			.filter(|h| !self.refused.contains(*h) && !self.finalized.contains_key(*h))
			.count()
	}
}

/// Records submissions as they happen.
#[derive(Clone)]
pub struct Handle(Arc<Mutex<Observed>>);

impl Handle {
	pub fn submitted(&self, hash: [u8; 32]) {
		self.0.lock().expect("not poisoned").submitted.insert(hash, Instant::now());
	}
	pub fn refused(&self, hash: [u8; 32]) {
		self.0.lock().expect("not poisoned").refused.insert(hash);
	}
}

pub struct Tracker {
	state: Arc<Mutex<Observed>>,
	tasks: Vec<JoinHandle<()>>,
}

impl Tracker {
	pub async fn start(client: &Client) -> Result<Self, Error> {
		let state = Arc::new(Mutex::new(Observed::default()));
		let finalized_hash =
			client.rpc().chain_get_finalized_head().await.map_err(Error::client)?;
		let header = client
			.rpc()
			.chain_get_header(Some(finalized_hash))
			.await
			.map_err(Error::client)?
			.ok_or_else(|| Error::Client("the node lacks its finalized header".into()))?;
		state.lock().expect("not poisoned").start_timestamp =
			timestamp(client, finalized_hash).await.ok();
		let mut best = client.rpc().chain_subscribe_new_heads().await.map_err(Error::client)?;
		let mut fin =
			client.rpc().chain_subscribe_finalized_heads().await.map_err(Error::client)?;

		let (c, s) = (client.clone(), state.clone());
		let best_task = tokio::spawn(async move {
			while let Some(Ok(head)) = best.next().await {
				let hash = H256::from(sp_crypto_hashing::blake2_256(&head.encode()));
				let Ok(Some(block)) = c.rpc().chain_get_block(Some(hash)).await else { continue };
				let now = Instant::now();
				let mut st = s.lock().expect("not poisoned");
				for x in &block.block.extrinsics {
					let h = sp_crypto_hashing::blake2_256(&x.0);
					if st.submitted.contains_key(&h) {
						st.included.entry(h).or_insert(now);
					}
				}
			}
		});

		let (c, s) = (client.clone(), state.clone());
		let mut last = header.number;
		let fin_task = tokio::spawn(async move {
			while let Some(Ok(head)) = fin.next().await {
				// Finality can jump several blocks at once: walk every one of them.
				for number in last + 1..=head.number {
					if let Err(e) = finalized_block(&c, &s, number).await {
						s.lock().expect("not poisoned").error = Some(e.to_string());
						return;
					}
				}
				last = last.max(head.number);
			}
		});
		Ok(Self { state, tasks: vec![best_task, fin_task] })
	}

	pub fn handle(&self) -> Handle {
		Handle(self.state.clone())
	}

	/// Waits until every accepted transaction is in a finalized block, or `limit` passed, or
	/// following blocks failed.
	pub async fn wait_settled(&self, limit: Duration) {
		let deadline = Instant::now() + limit;
		while Instant::now() < deadline {
			{
				let st = self.state.lock().expect("not poisoned");
				if st.unsettled() == 0 || st.error.is_some() {
					return;
				}
			}
			tokio::time::sleep(Duration::from_millis(250)).await;
		}
	}

	pub async fn stop(self) -> Observed {
		for t in &self.tasks {
			t.abort();
		}
		for t in self.tasks {
			let _ = t.await;
		}
		let mut st = self.state.lock().expect("not poisoned");
		std::mem::take(&mut *st)
	}
}

async fn finalized_block(
	client: &Client,
	state: &Mutex<Observed>,
	number: u64,
) -> Result<(), Error> {
	let hash = client
		.rpc()
		.chain_get_block_hash(Some(number.into()))
		.await
		.map_err(Error::client)?
		.ok_or_else(|| Error::Client(format!("no finalized block #{number}")))?;
	let block = client
		.rpc()
		.chain_get_block(Some(hash))
		.await
		.map_err(Error::client)?
		.ok_or_else(|| Error::Client(format!("no body for block #{number}")))?;
	let at = client.at(hash).await?;
	let weight = at
		.storage()
		.entry(runtime::storage().system().block_weight())
		.map_err(Error::client)?
		.fetch(())
		.await
		.map_err(Error::client)?
		.decode()
		.map_err(Error::client)?;
	let ts = timestamp(client, hash).await?;
	let now = Instant::now();
	let mut st = state.lock().expect("not poisoned");
	let mut ours = 0;
	let mut length = 0;
	for x in &block.block.extrinsics {
		length += x.0.len() as u64;
		let h = sp_crypto_hashing::blake2_256(&x.0);
		if st.submitted.contains_key(&h) {
			ours += 1;
			st.finalized.entry(h).or_insert(now);
			st.included.entry(h).or_insert(now);
		}
	}
	st.blocks.push(BlockFill {
		number,
		hash: format!("{hash:?}"),
		timestamp_ms: ts,
		extrinsics: block.block.extrinsics.len() as u32,
		ours,
		length,
		ref_time: weight.normal.ref_time + weight.operational.ref_time + weight.mandatory.ref_time,
		proof_size: weight.normal.proof_size
			+ weight.operational.proof_size
			+ weight.mandatory.proof_size,
		normal_ref_time: weight.normal.ref_time,
	});
	Ok(())
}

async fn timestamp(client: &Client, hash: H256) -> Result<u64, Error> {
	let at = client.at(hash).await?;
	at.storage()
		.entry(runtime::storage().timestamp().now())
		.map_err(Error::client)?
		.fetch(())
		.await
		.map_err(Error::client)?
		.decode()
		.map_err(Error::client)
}
