//! Runtime API of `pallet-upkeep`. The node's `upkeep_*` JSON-RPC methods are thin wrappers
//! over it.

#![cfg_attr(not(feature = "std"), no_std)]
// `decl_runtime_apis!` repeats the trait's generic bounds on every method it generates.
#![allow(clippy::multiple_bound_locations)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;
pub use pallet_upkeep::types::{
	ContractId, ContractInfo, LeaderInfo, PaymentRecord, PaymentSeq, ProviderInfo, Window,
};

sp_api::decl_runtime_apis! {
	/// Queries over upkeeping contracts: members, leader windows, payment history.
	pub trait UpkeepApi<AccountId: Codec, Balance: Codec, BlockNumber: Codec> {
		/// A contract with its terms, members (and a pending change), escrow and deposit.
		fn contract(id: ContractId) -> Option<ContractInfo<AccountId, Balance, BlockNumber>>;
		/// `owner`'s contracts after `start_after`, at most `limit` (capped at 1000).
		fn contracts_of(owner: AccountId, start_after: Option<ContractId>, limit: u32) -> Vec<ContractInfo<AccountId, Balance, BlockNumber>>;
		/// Every provider of a contract with where its payments stand and its last payment.
		fn providers(id: ContractId) -> Vec<ProviderInfo<AccountId, BlockNumber>>;
		/// Who may pay `provider`'s next period at block `at` (default: the next block), until
		/// which block, and who would count as failed; `None` before the period has elapsed.
		fn leader(id: ContractId, provider: AccountId, at: Option<BlockNumber>) -> Option<LeaderInfo<AccountId, BlockNumber>>;
		/// Every keeper's window for `provider`'s next payment, in leader order.
		fn windows(id: ContractId, provider: AccountId) -> Vec<Window<AccountId, BlockNumber>>;
		/// Kept payments of a contract, oldest first, after `start_after`, at most `limit`
		/// (capped at 1000).
		fn payments(id: ContractId, start_after: Option<PaymentSeq>, limit: u32) -> Vec<PaymentRecord<AccountId, Balance, BlockNumber>>;
		/// The bytes a keeper signs to attest `st` for `provider` over `[ts, te)`.
		fn attestation_payload(id: ContractId, provider: AccountId, ts: BlockNumber, te: BlockNumber, st: u128) -> Vec<u8>;
	}
}
