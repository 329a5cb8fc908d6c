//! Follows finalized blocks and keeps the value store's record index equal to the chain's
//! records: each block's `RecordPut` and `RecordRemoved`, read through the runtime API at that
//! block (so a runtime upgrade changes nothing here).
//!
//! A node indexes the blocks whose state it still has: a node with pruned state that joins
//! late indexes from where its state begins (run `--state-pruning archive` to index all).

use std::sync::Arc;

use codchain_runtime::opaque::Block;
use futures::StreamExt;
use pallet_carchain_runtime_api::{CarChainApi, RecordChange};
use sc_client_api::{BlockchainEvents, HeaderBackend};
use sp_api::ProvideRuntimeApi;
use sp_core::H256;

use super::store::{Entry, ValueStore, ADDRESS_LEN};
use crate::rpc::carchain::CarApi;

/// Applies one block's record changes to the index.
pub fn apply<C>(client: &C, store: &ValueStore, hash: H256) -> Result<usize, String>
where
	C: ProvideRuntimeApi<Block>,
	C::Api: CarApi,
{
	let changes = client.runtime_api().record_changes(hash).map_err(|e| e.to_string())?;
	let n = changes.len();
	for change in changes {
		match change {
			RecordChange::Put { record, address, key, value_hash, size } => {
				let address: [u8; ADDRESS_LEN] = address.into();
				store
					.index(&address, &key, &Entry { record, value_hash, size })
					.map_err(|e| e.to_string())?;
			},
			RecordChange::Removed { record } => {
				store.unindex(&record).map_err(|e| e.to_string())?;
			},
		}
	}
	Ok(n)
}

/// Indexes every finalized block not indexed yet, then each one as it is finalized.
pub async fn run<C>(client: Arc<C>, store: Arc<ValueStore>)
where
	C: ProvideRuntimeApi<Block> + BlockchainEvents<Block> + HeaderBackend<Block> + 'static,
	C::Api: CarApi,
{
	let mut finality = client.finality_notification_stream();
	catch_up(&*client, &store);
	while finality.next().await.is_some() {
		catch_up(&*client, &store);
	}
}

/// Applies the blocks after the last indexed one up to the finalized head.
fn catch_up<C>(client: &C, store: &ValueStore)
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block>,
	C::Api: CarApi,
{
	let finalized = client.info().finalized_number;
	let from = match store.indexed() {
		Ok(Some((n, _))) => n.saturating_add(1),
		Ok(None) => 0,
		Err(e) => {
			log::error!(target: "carchain", "value store: {e}");
			return;
		},
	};
	for number in from..=finalized {
		let Ok(Some(hash)) = client.hash(number) else { return };
		match apply(client, store, hash) {
			Ok(n) if n > 0 => {
				log::debug!(target: "carchain", "indexed {n} record changes of #{number}")
			},
			Ok(_) => {},
			// Pruned state: the block's records cannot be read any more.
			Err(e) => log::debug!(target: "carchain", "skipped #{number}: {e}"),
		}
		if let Err(e) = store.set_indexed(number, hash) {
			log::error!(target: "carchain", "value store: {e}");
			return;
		}
	}
}
