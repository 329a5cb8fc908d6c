//! The connection to a node: queries at the best block, and signed submission with a dry run
//! first, progress reports, and the chain's errors by name.

use crate::{
	error::{dispatch_error, module_error, ChainError, Error},
	events::EventRecord,
	keys::Keypair,
	runtime, AccountId, Config, H256,
};
use std::time::Duration;
use subxt::{
	config::{RpcConfigFor, SubstrateExtrinsicParamsBuilder},
	error::OnlineClientAtBlockError,
	rpcs::{methods::LegacyRpcMethods, RpcClient},
	transactions::{Payload, TransactionStatus},
	OnlineClient, OnlineClientAtBlock,
};

/// The node a command talks to when none is given.
pub const DEFAULT_URL: &str = "ws://127.0.0.1:9944";

/// How long a connection attempt may take before the node counts as unreachable.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// How long [`Client::at`] waits for a block it was told of to be announced to the client.
const ANNOUNCE_WAIT: Duration = Duration::from_secs(6);

/// Blocks a signed transaction stays valid for (its mortality), counted from the best block.
pub const MORTALITY: u64 = 64;

/// A view of the chain at one block.
pub type At = OnlineClientAtBlock<Config>;

/// How long [`Client::submit`] waits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Wait {
	/// Until a block includes the transaction.
	InBlock,
	/// Until that block is finalized: it can no longer be reverted.
	#[default]
	Finalized,
}

/// What happened to a submitted transaction so far, for progress displays.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Progress {
	/// The dry run at the best block passed; the transaction goes to the node.
	DryRunPassed,
	/// The node accepted it into its pool.
	Submitted { tx_hash: H256 },
	/// A block includes it.
	InBlock { block_hash: H256 },
	/// A block includes it but the chain moved to another fork; waiting again.
	Retracted,
}

/// The outcome of a successful transaction.
#[derive(Clone, Debug)]
pub struct Receipt {
	pub tx_hash: H256,
	pub block_hash: H256,
	pub block_number: u64,
	/// Whether [`Self::block_hash`] was finalized when this receipt was made.
	pub finalized: bool,
	/// The events of this transaction, in order.
	pub events: Vec<EventRecord>,
}

impl Receipt {
	/// The first event named `pallet.name`.
	pub fn event(&self, pallet: &str, name: &str) -> Option<&EventRecord> {
		self.events.iter().find(|e| e.pallet == pallet && e.name == name)
	}
}

/// A connection to a Codchain node.
#[derive(Clone)]
pub struct Client {
	api: OnlineClient<Config>,
	rpc: LegacyRpcMethods<RpcConfigFor<Config>>,
	raw: RpcClient,
	url: String,
}

impl Client {
	/// Connect to the node at `url` (`ws://` or `wss://`).
	pub async fn connect(url: &str) -> Result<Self, Error> {
		let unreachable = |reason: String| Error::Unreachable { url: url.to_string(), reason };
		let connecting = async {
			let rpc =
				RpcClient::from_insecure_url(url).await.map_err(|e| unreachable(e.to_string()))?;
			let api = OnlineClient::<Config>::from_rpc_client(rpc.clone())
				.await
				.map_err(|e| unreachable(e.to_string()))?;
			Ok::<_, Error>((rpc, api))
		};
		let (rpc, api) =
			tokio::time::timeout(CONNECT_TIMEOUT, connecting).await.map_err(|_| {
				unreachable(format!("no answer within {} s", CONNECT_TIMEOUT.as_secs()))
			})??;
		Ok(Self { api, rpc: LegacyRpcMethods::new(rpc.clone()), raw: rpc, url: url.to_string() })
	}

	pub fn url(&self) -> &str {
		&self.url
	}

	/// The subxt client, for what this SDK does not wrap.
	pub fn api(&self) -> &OnlineClient<Config> {
		&self.api
	}

	/// The node's legacy JSON-RPC methods.
	pub fn rpc(&self) -> &LegacyRpcMethods<RpcConfigFor<Config>> {
		&self.rpc
	}

	/// Calls a JSON-RPC method the SDK has no typed wrapper for (the node's own methods,
	/// such as the CarChain value store's). A node's error comes back as [`Error::Rpc`].
	pub async fn request<R: serde::de::DeserializeOwned>(
		&self,
		method: &str,
		params: subxt::rpcs::client::RpcParams,
	) -> Result<R, Error> {
		self.raw.request(method, params).await.map_err(|e| Error::Rpc(e.to_string()))
	}

	/// The chain's genesis hash: what signed payloads commit to.
	pub fn genesis(&self) -> crate::H256 {
		self.api.genesis_hash()
	}

	/// The chain at its best block: what a transaction just included already shows.
	pub async fn best(&self) -> Result<At, Error> {
		let hash = self
			.rpc
			.chain_get_block_hash(None)
			.await
			.map_err(Error::client)?
			.ok_or_else(|| Error::Client("the node has no best block".into()))?;
		self.at(hash).await
	}

	/// The chain at block `hash`. The client reads blocks through its `chainHead_v1_follow`
	/// subscription, which knows a block only once the node has announced it there; a block
	/// just imported (the best one, say) may be announced a moment after another RPC method
	/// named it, most of all on a busy node. So a block not found yet is asked for again, for
	/// up to [`ANNOUNCE_WAIT`], before it counts as unknown.
	pub async fn at(&self, hash: H256) -> Result<At, Error> {
		let start = std::time::Instant::now();
		loop {
			match self.api.at_block(hash).await {
				Ok(at) => return Ok(at),
				Err(OnlineClientAtBlockError::BlockHeaderNotFound { .. })
					if start.elapsed() < ANNOUNCE_WAIT =>
				{
					tokio::time::sleep(Duration::from_millis(100)).await
				},
				Err(e) => return Err(Error::client(e)),
			}
		}
	}

	/// The chain at its last finalized block.
	pub async fn finalized(&self) -> Result<At, Error> {
		self.api.at_current_block().await.map_err(Error::client)
	}

	/// Call a runtime API at the best block.
	pub async fn query<P: subxt::runtime_apis::Payload>(
		&self,
		payload: P,
	) -> Result<P::ReturnType, Error> {
		self.best().await?.runtime_apis().call(payload).await.map_err(Error::client)
	}

	/// Call a runtime API at block `hash`: what the chain said then (the node must still have
	/// that block's state; an archive node has every block's).
	pub async fn query_at<P: subxt::runtime_apis::Payload>(
		&self,
		hash: crate::H256,
		payload: P,
	) -> Result<P::ReturnType, Error> {
		let at = self.at(hash).await?;
		at.runtime_apis().call(payload).await.map_err(Error::client)
	}

	/// Sign `call` for submission on top of the best block, with the next nonce the node's pool
	/// knows (so several transactions in a row do not collide).
	pub async fn sign<C: Payload>(
		&self,
		at: &At,
		call: &C,
		signer: &Keypair,
	) -> Result<Vec<u8>, Error> {
		let nonce = self
			.rpc
			.system_account_next_index(&signer.account_id())
			.await
			.map_err(Error::client)?;
		// The era starts at the best block's parent: the best block's own hash is recorded only
		// when the next block begins, so a dry run on the best block's state could not check it.
		// On the genesis state no block hash is recorded yet: immortal.
		let params = SubstrateExtrinsicParamsBuilder::<Config>::new().nonce(nonce);
		let params = match at.block_number() {
			0 => params.immortal(),
			n => {
				let parent = at.block_header().await.map_err(Error::client)?.parent_hash;
				params.mortal_from_unchecked(MORTALITY, n - 1, parent)
			},
		}
		.build();
		let mut signable = at.tx().create_signable_offline(call, params).map_err(Error::client)?;
		Ok(signable.sign(signer).map_err(Error::client)?.into_encoded())
	}

	/// Apply a signed transaction to the state of block `at` without keeping the result (the
	/// runtime's `BlockBuilder_apply_extrinsic` through the safe `state_call`): the error the
	/// chain would return, without paying a fee for it.
	pub async fn dry_run(&self, at: &At, signed: &[u8]) -> Result<(), Error> {
		use runtime::runtime_types::sp_runtime::transaction_validity::TransactionValidityError as V;
		let payload = runtime::runtime_apis()
			.block_builder()
			.apply_extrinsic(subxt::utils::UncheckedExtrinsic::new(signed.to_vec()));
		let outcome = at.runtime_apis().call(payload).await.map_err(Error::client)?;
		match outcome {
			Ok(Ok(())) => Ok(()),
			Ok(Err(e)) => Err(rejected(&at.metadata(), e)),
			Err(V::Invalid(i)) => Err(Error::Invalid(invalid_reason(&format!("{i:?}")))),
			Err(V::Unknown(u)) => Err(Error::Invalid(format!("{u:?}"))),
		}
	}

	/// A dispatch error a runtime API returned (a dry run's), named as the chain names it.
	pub async fn rejected(&self, e: runtime::runtime_types::sp_runtime::DispatchError) -> Error {
		match self.best().await {
			Ok(at) => rejected(&at.metadata(), e),
			Err(unreachable) => unreachable,
		}
	}

	/// Sign, dry-run, submit and follow `call` until `wait`; `progress` hears each step. A call
	/// the dry run rejects is not submitted.
	pub async fn submit<C: Payload>(
		&self,
		call: &C,
		signer: &Keypair,
		wait: Wait,
		mut progress: impl FnMut(Progress),
	) -> Result<Receipt, Error> {
		let mut tries = 0;
		let (at, signed) = loop {
			let at = self.best().await?;
			let signed = self.sign(&at, call, signer).await?;
			// The genesis state records a placeholder for block 0's hash until block 1 begins,
			// so any signed transaction fails a dry run there; only at genesis is it skipped.
			if at.block_number() == 0 {
				break (at, signed);
			}
			match self.dry_run(&at, &signed).await {
				Ok(()) => break (at, signed),
				// The dry run counts the best block's own weight, which says nothing of the
				// next block's: a block that opens a session is charged in full. Try again on
				// the next best block.
				Err(e) if is_block_full(&e) && tries < FULL_BLOCK_RETRIES => {
					tries += 1;
					self.next_best(at.block_number()).await?;
				},
				Err(e) => return Err(e),
			}
		};
		progress(Progress::DryRunPassed);
		self.follow(&at, signed, wait, progress).await
	}

	/// Waits until the best block is past `number` (polled; at most a minute).
	async fn next_best(&self, number: u64) -> Result<(), Error> {
		for _ in 0..120 {
			tokio::time::sleep(std::time::Duration::from_millis(500)).await;
			if self.best().await?.block_number() > number {
				return Ok(());
			}
		}
		Err(Error::Client(format!("no block after #{number} within a minute")))
	}

	/// Sign, submit and follow `call` without a dry run, for a call that is valid only from
	/// the next block on: a dry run applies it with the best block's number (and that block's
	/// used weight), so a keeper whose leader window opens at the next block would be refused.
	/// A call that fails still costs its fee.
	pub async fn submit_for_next_block<C: Payload>(
		&self,
		call: &C,
		signer: &Keypair,
		wait: Wait,
		progress: impl FnMut(Progress),
	) -> Result<Receipt, Error> {
		let at = self.best().await?;
		let signed = self.sign(&at, call, signer).await?;
		self.follow(&at, signed, wait, progress).await
	}

	/// Submits a signed transaction and follows it until `wait`.
	async fn follow(
		&self,
		at: &At,
		signed: Vec<u8>,
		wait: Wait,
		mut progress: impl FnMut(Progress),
	) -> Result<Receipt, Error> {
		let tx = at.tx().from_bytes(signed);
		let tx_hash = tx.hash();
		let mut watch = tx.submit_and_watch().await.map_err(|e| submit_error(e.to_string()))?;
		progress(Progress::Submitted { tx_hash });
		while let Some(status) = watch.next().await {
			match status.map_err(Error::client)? {
				TransactionStatus::InBestBlock(in_block) => {
					progress(Progress::InBlock { block_hash: in_block.block_hash() });
					if wait == Wait::InBlock {
						return self.receipt(tx_hash, in_block.block_hash(), false).await;
					}
				},
				TransactionStatus::InFinalizedBlock(in_block) => {
					return self.receipt(tx_hash, in_block.block_hash(), true).await
				},
				TransactionStatus::NoLongerInBestBlock => progress(Progress::Retracted),
				TransactionStatus::Invalid { message } => {
					return Err(Error::Invalid(invalid_reason(&message)))
				},
				TransactionStatus::Dropped { message } | TransactionStatus::Error { message } => {
					return Err(Error::Dropped(message))
				},
				TransactionStatus::Validated | TransactionStatus::Broadcasted => {},
			}
		}
		Err(Error::Dropped("the node stopped reporting on the transaction".into()))
	}

	/// The events of `tx_hash` in `block_hash`; a failed dispatch becomes [`Error::Rejected`].
	async fn receipt(
		&self,
		tx_hash: H256,
		block_hash: H256,
		finalized: bool,
	) -> Result<Receipt, Error> {
		let at = self.at(block_hash).await?;
		let metadata = at.metadata();
		let body = self.rpc.chain_get_block(Some(block_hash)).await.map_err(Error::client)?;
		let extrinsics = body.map(|b| b.block.extrinsics).unwrap_or_default();
		let index = extrinsics
			.iter()
			.position(|x| sp_crypto_hashing::blake2_256(&x.0) == tx_hash.0)
			.ok_or_else(|| {
				Error::Client("the transaction is not in the block that includes it".into())
			})?;
		let events = at.events().fetch().await.map_err(Error::client)?;
		let mut records = Vec::new();
		for event in events.iter() {
			let event = event.map_err(Error::client)?;
			if event.phase() != subxt::events::Phase::ApplyExtrinsic(index as u32) {
				continue;
			}
			if event.pallet_name() == "System" && event.event_name() == "ExtrinsicFailed" {
				let e =
					subxt::error::DispatchError::decode_from(event.field_bytes(), metadata.clone())
						.map_err(Error::client)?;
				return Err(Error::Rejected(dispatch_error(&metadata, &e)));
			}
			records.push(EventRecord::decode(&metadata, &event)?);
		}
		Ok(Receipt {
			tx_hash,
			block_hash,
			block_number: at.block_number(),
			finalized,
			events: records,
		})
	}

	/// The free, reserved and frozen COD of `who` at the best block.
	pub async fn account(&self, who: &AccountId) -> Result<AccountBalance, Error> {
		let at = self.best().await?;
		let entry = at
			.storage()
			.entry(runtime::storage().system().account())
			.map_err(Error::client)?
			.fetch((*who,))
			.await
			.map_err(Error::client)?;
		let info = entry.decode().map_err(Error::client)?;
		Ok(AccountBalance {
			free: info.data.free,
			reserved: info.data.reserved,
			frozen: info.data.frozen,
			nonce: info.nonce,
		})
	}
}

/// An account's COD, in planck.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AccountBalance {
	pub free: u128,
	/// Held or reserved: deposits, escrow, bonds.
	pub reserved: u128,
	/// The part of `free` that cannot move (staking locks).
	pub frozen: u128,
	pub nonce: u32,
}

impl AccountBalance {
	/// What a transfer can move now.
	pub fn transferable(&self) -> u128 {
		self.free.saturating_sub(self.frozen)
	}
}

/// Reasons an `InvalidTransaction` gives, in words a user acts on.
fn rejected(
	metadata: &subxt::Metadata,
	e: runtime::runtime_types::sp_runtime::DispatchError,
) -> Error {
	use runtime::runtime_types::sp_runtime::DispatchError as D;
	match e {
		D::Module(m) => {
			let [a, b, c, d] = m.error;
			Error::Rejected(module_error(metadata, [m.index, a, b, c, d]))
		},
		other => {
			let name = format!("{other:?}").replace('(', ".").replace(')', "");
			Error::Rejected(ChainError { pallet: String::new(), name, docs: String::new() })
		},
	}
}

/// How the SDK names `ExhaustsResources`.
const BLOCK_FULL: &str = "the block is full; try again";

/// Best blocks a dry run that found the block full is retried on.
const FULL_BLOCK_RETRIES: u32 = 3;

fn is_block_full(e: &Error) -> bool {
	matches!(e, Error::Invalid(reason) if reason.starts_with(BLOCK_FULL))
}

fn invalid_reason(raw: &str) -> String {
	let known = [
		("Payment", "the signer cannot pay the fee (its transferable COD is too low)"),
		("Stale", "the nonce was already used (another transaction of this signer got in first)"),
		("Future", "the nonce is ahead of the account's (an earlier transaction is missing)"),
		(
			"BadProof",
			"the signature does not verify (wrong key for this account, or another chain)",
		),
		("AncientBirthBlock", "the transaction was signed for a block too old"),
		("ExhaustsResources", BLOCK_FULL),
	];
	known
		.iter()
		.find(|(k, _)| raw.contains(k))
		.map(|(k, text)| format!("{text} ({k})"))
		.unwrap_or_else(|| raw.to_string())
}

fn submit_error(message: String) -> Error {
	if message.contains("Invalid") || message.contains("1010") {
		Error::Invalid(invalid_reason(&message))
	} else {
		Error::Client(message)
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn only_a_full_block_makes_the_dry_run_wait_for_the_next() {
		assert!(is_block_full(&Error::Invalid(invalid_reason("Invalid(ExhaustsResources)"))));
		assert!(!is_block_full(&Error::Invalid(invalid_reason("Invalid(Payment)"))));
		assert!(!is_block_full(&Error::Client("ExhaustsResources".into())));
	}
}
