//! Runtime API of `pallet-carchain`. The node's `carchain_*` JSON-RPC methods and its value
//! store are built on it: the store accepts a value only for a record this API reports.

#![cfg_attr(not(feature = "std"), no_std)]
// `decl_runtime_apis!` repeats the trait's generic bounds on every method it generates.
#![allow(clippy::multiple_bound_locations)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;
pub use pallet_carchain::types::{
	ComputationId, EmissionStatus, EncryptionKey, EpochIndex, RecordChange, RecordId, RequestId,
};

sp_api::decl_runtime_apis! {
	/// Queries over CarChain. `Device`, `Record`, `Grant`, `Purchase`, `Computation`,
	/// `Request` and `Contribution` are the runtime's instances of the pallet's types. Lists
	/// are paged by `start_after` and `limit` (at most 1000).
	pub trait CarChainApi<AccountId: Codec, Balance: Codec, Device: Codec, Record: Codec, Grant: Codec, Purchase: Codec, Computation: Codec, Request: Codec, Contribution: Codec> {
		/// A device by vid.
		fn device(vid: Vec<u8>) -> Option<Device>;
		/// An owner's devices with their vids.
		fn devices_of(owner: AccountId, start_after: Option<Vec<u8>>, limit: u32) -> Vec<(Vec<u8>, Device)>;
		/// A record by id.
		fn record(id: RecordId) -> Option<Record>;
		/// The id of the record `(address, key)`.
		fn record_id(address: AccountId, key: Vec<u8>) -> RecordId;
		/// A record's grants by grantee.
		fn grants_of(record: RecordId, start_after: Option<AccountId>, limit: u32) -> Vec<(AccountId, Grant)>;
		/// A record's standing purchase offers by buyer.
		fn purchases_of(record: RecordId, start_after: Option<AccountId>, limit: u32) -> Vec<(AccountId, Purchase)>;
		/// Whether an account is a registered agent.
		fn is_agent(who: AccountId) -> bool;
		/// A registered provider's deposit and number of computations.
		fn provider(who: AccountId) -> Option<(Balance, u32)>;
		fn computation(id: ComputationId) -> Option<Computation>;
		/// A usage request with its cohort.
		fn request(id: RequestId) -> Option<(Request, Vec<Contribution>)>;
		/// A request's approved records and their value keys wrapped for the executor.
		fn approved_keys(request: RequestId, start_after: Option<RecordId>, limit: u32) -> Vec<(RecordId, Vec<u8>)>;
		/// A done request's result, encrypted to the requester.
		fn result(id: RequestId) -> Option<Vec<u8>>;
		/// The data token's emission: minted per phase, caps, rates and the agent epoch.
		fn emission() -> EmissionStatus<Balance>;
		/// Records an agent submitted in an epoch and the data tokens it may claim for them.
		fn agent_share(epoch: EpochIndex, agent: AccountId) -> (u32, Balance);
		/// COD that buying `amount` data tokens costs.
		fn sale_cost(amount: Balance) -> Option<Balance>;
		/// Records put and removed in the block whose state this call runs at (read from its
		/// events), for the nodes' value-store index.
		fn record_changes() -> Vec<RecordChange<AccountId>>;
	}
}
