//! Values over the chain's own peer-to-peer network: a request-response protocol
//! `/<genesis>/carchain/value/1` in which a request is a value hash (SCALE `H256`) and the
//! answer the value if the peer keeps it (SCALE `Option<Vec<u8>>`). A node that lacks a value
//! asks its connected peers one by one and keeps the first answer whose hash matches.

use std::{sync::Arc, time::Duration};

use codec::{Decode, Encode};
use futures::StreamExt;
use sc_network::{
	config::{IncomingRequest, OutgoingResponse},
	request_responses::IfDisconnected,
	service::traits::{NetworkRequest as _, NetworkService},
	NetworkBackend, PeerId, ProtocolName,
};
use sp_core::H256;
use sp_runtime::traits::Block as BlockT;

use super::store::ValueStore;

/// Requests one peer may have waiting before new ones are refused.
const INBOUND_QUEUE: usize = 64;
/// How long a peer has to answer.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(20);
/// Peers asked for one value before giving up.
const MAX_PEERS_ASKED: usize = 8;

/// The protocol's name on a chain.
pub fn protocol_name(genesis: &H256) -> ProtocolName {
	format!("/{}/carchain/value/1", array_bytes(genesis)).into()
}

fn array_bytes(h: &H256) -> String {
	h.as_bytes().iter().map(|b| format!("{b:02x}")).collect()
}

/// The protocol's configuration for the network, and the queue its requests arrive on.
pub fn config<B: BlockT, N: NetworkBackend<B, <B as BlockT>::Hash>>(
	genesis: &H256,
	max_value: u64,
) -> (N::RequestResponseProtocolConfig, async_channel::Receiver<IncomingRequest>) {
	let (tx, rx) = async_channel::bounded(INBOUND_QUEUE);
	// The answer carries the value and a few bytes of SCALE framing.
	let config = N::request_response_config(
		protocol_name(genesis),
		Vec::new(),
		64,
		max_value + 16,
		REQUEST_TIMEOUT,
		Some(tx),
	);
	(config, rx)
}

/// Answers peers' requests from the local store.
pub async fn serve(store: Arc<ValueStore>, requests: async_channel::Receiver<IncomingRequest>) {
	let mut requests = std::pin::pin!(requests);
	while let Some(request) = requests.next().await {
		let answer = H256::decode(&mut &request.payload[..]).ok().map(|hash| {
			// A store error is answered as "not here": the peer asks someone else.
			store.value(&hash).ok().flatten()
		});
		let result = match answer {
			Some(value) => Ok(value.encode()),
			// Not a hash: no answer at all.
			None => Err(()),
		};
		let _ = request.pending_response.send(OutgoingResponse {
			result,
			reputation_changes: Vec::new(),
			sent_feedback: None,
		});
	}
}

/// Fetches values from peers.
#[derive(Clone)]
pub struct Fetcher {
	pub network: Arc<dyn NetworkService>,
	pub peers: Arc<dyn Fn() -> futures::future::BoxFuture<'static, Vec<PeerId>> + Send + Sync>,
	pub protocol: ProtocolName,
}

impl Fetcher {
	/// The value with `hash` from the first peer that has it, checked against the hash.
	pub async fn fetch(&self, hash: &H256) -> Option<Vec<u8>> {
		let peers = (self.peers)().await;
		for peer in peers.into_iter().take(MAX_PEERS_ASKED) {
			let answer = self
				.network
				.request(
					peer,
					self.protocol.clone(),
					hash.encode(),
					None,
					IfDisconnected::ImmediateError,
				)
				.await;
			let Ok((raw, _)) = answer else { continue };
			let Ok(Some(value)) = <Option<Vec<u8>>>::decode(&mut &raw[..]) else { continue };
			// A peer's bytes count only if they are the value the chain registered.
			if H256(sp_crypto_hashing::blake2_256(&value)) == *hash {
				return Some(value);
			}
			log::debug!(target: "carchain", "peer {peer} sent a value that does not match {hash:?}");
		}
		None
	}
}
