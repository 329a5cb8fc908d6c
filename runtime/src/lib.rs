//! # Codchain runtime
//!
//! The state transition function of Codchain: a Proof-of-Stake chain with BABE block production,
//! GRANDPA finality and validators elected by nominated proof-of-stake (`pallet-staking` with an
//! on-chain sequential-Phragmén election).
//!
//! ## Time
//!
//! | unit    | length                      | why                                                  |
//! |---------|-----------------------------|------------------------------------------------------|
//! | slot    | 6 s ([`SLOT_DURATION`])     | one block per slot when every validator is online    |
//! | epoch   | 10 slots = 1 min            | a BABE epoch is one session                          |
//! | era     | 3 sessions = 3 min          | a local network elects a new validator set quickly   |
//!
//! A new validator that bonds and validates is elected at the next era boundary and starts
//! authoring one session later (session keys are queued one session ahead), so on a local
//! network it authors within about 4 minutes.
//!
//! ## Token
//!
//! `COD`, 12 decimals ([`UNITS`] = 10^12 planck), existential deposit [`EXISTENTIAL_DEPOSIT`].

#![cfg_attr(not(feature = "std"), no_std)]
// `#[frame_support::runtime]` expands into large types.
#![recursion_limit = "512"]
// pallet-staking (classic NPoS) is deprecated upstream in favour of pallet-staking-async, which
// only runs on an Asset Hub parachain; a standalone chain still needs the classic pallet.
#![allow(deprecated)]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;
use alloc::vec::Vec;

pub mod configs;
pub mod genesis_config_presets;
pub mod weights;

use sp_runtime::{
	generic, impl_opaque_keys,
	traits::{BlakeTwo256, IdentifyAccount, Verify},
	MultiAddress, MultiSignature,
};
use sp_version::{runtime_version, RuntimeVersion};

pub use apis::{
	CarComputation, CarContribution, CarDevice, CarGrant, CarPurchase, CarRecord, CarRequest,
	JtDistribution, JtItem, JtRules, RuntimeApi, RUNTIME_API_VERSIONS,
};
pub use configs::*;
pub use frame_system::Call as SystemCall;
pub use pallet_balances::Call as BalancesCall;
pub use pallet_staking::StakerStatus;
#[cfg(any(feature = "std", test))]
pub use sp_runtime::BuildStorage;
pub use sp_runtime::{Perbill, Permill};

/// Block number: a `u32` lasts 800 years at 6 s blocks.
pub type BlockNumber = u32;
/// Transactions are signed with sr25519, ed25519 or ecdsa keys.
pub type Signature = MultiSignature;
/// An account is identified by its (hashed, for ecdsa) public key.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;
/// Balance of an account, in planck (10^-12 COD).
pub type Balance = u128;
/// Transaction counter of an account.
pub type Nonce = u32;
/// Block and state hash.
pub type Hash = sp_core::H256;
/// Milliseconds since the Unix epoch.
pub type Moment = u64;

/// 1 COD in planck.
pub const UNITS: Balance = 1_000_000_000_000;
/// 1/100 COD.
pub const CENTS: Balance = UNITS / 100;
/// 1/1000 CENTS.
pub const MILLICENTS: Balance = CENTS / 1_000;
/// An account holding less than this is reaped.
pub const EXISTENTIAL_DEPOSIT: Balance = CENTS;

/// Storage deposit for user state of `items` storage entries and `bytes` bytes: 2 CENTS per
/// entry plus 1/100 CENT per byte.
pub const fn deposit(items: u32, bytes: u32) -> Balance {
	items as Balance * 2 * CENTS + bytes as Balance * 10 * MILLICENTS
}

/// Expected block time. Changing it after genesis stops block production (BABE slots).
pub const MILLISECS_PER_BLOCK: Moment = 6_000;
/// BABE slot length.
pub const SLOT_DURATION: Moment = MILLISECS_PER_BLOCK;
/// Blocks per minute.
pub const MINUTES: BlockNumber = 60_000 / (MILLISECS_PER_BLOCK as BlockNumber);
/// Blocks per hour.
pub const HOURS: BlockNumber = MINUTES * 60;
/// Blocks per day.
pub const DAYS: BlockNumber = HOURS * 24;
/// A BABE epoch, which is also a session: one minute.
pub const EPOCH_DURATION_IN_SLOTS: u64 = MINUTES as u64;
/// Sessions per staking era: an era lasts three minutes.
pub const SESSIONS_PER_ERA: sp_staking::SessionIndex = 3;

/// BABE leadership probability `c = 1/4`: on average one primary slot leader every four slots,
/// the remaining slots filled by secondary (round-robin, VRF-backed) slots.
pub const PRIMARY_PROBABILITY: (u64, u64) = (1, 4);
/// The BABE epoch configuration at genesis.
pub const BABE_GENESIS_EPOCH_CONFIG: sp_consensus_babe::BabeEpochConfiguration =
	sp_consensus_babe::BabeEpochConfiguration {
		c: PRIMARY_PROBABILITY,
		allowed_slots: sp_consensus_babe::AllowedSlots::PrimaryAndSecondaryVRFSlots,
	};

/// Types the node uses without knowing the runtime's exact extrinsic format.
pub mod opaque {
	use super::*;
	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Block header.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Block with opaque extrinsics.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;

	impl_opaque_keys! {
		/// The session keys of a validator. The field names `babe` and `grandpa` are what
		/// zombienet and polkadot.js expect.
		pub struct SessionKeys {
			pub babe: Babe,
			pub grandpa: Grandpa,
		}
	}
}
pub use opaque::SessionKeys;

#[runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("codchain"),
	impl_name: alloc::borrow::Cow::Borrowed("codchain-node"),
	authoring_version: 1,
	// Bump on every change of runtime logic; `system.setCode` refuses a lower version.
	spec_version: 112,
	impl_version: 1,
	apis: RUNTIME_API_VERSIONS,
	// Bump when the encoding of calls or transaction extensions changes.
	transaction_version: 1,
	system_version: 1,
};

/// Accounts are addressed by `AccountId` (or an index, unused here).
pub type Address = MultiAddress<AccountId, ()>;
/// Block header.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
/// Block.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;

/// The transaction extensions every signed transaction carries, checked in this order.
pub type TxExtension = (
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);

/// Extrinsic as the runtime decodes it.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;
/// What a signer signs.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Migrations run on runtime upgrade, besides those of the pallets themselves. Each is gated
/// by its pallet's storage version, so it runs once and is a no-op on a chain that started at
/// the new version.
type Migrations = (
	pallet_market::migrations::MigrateV0ToV1<Runtime>,
	pallet_timecoin::migrations::MigrateV0ToV1<Runtime>,
	pallet_timecoin::migrations::MigrateV1ToV2<Runtime>,
	pallet_codcoin::migrations::MigrateV0ToV1<Runtime>,
	pallet_codcoin::migrations::MigrateV1ToV2<Runtime>,
	configs::voters::PopulateVoterList,
);

/// Dispatches calls to the pallets and runs block hooks.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

// `define_benchmarks!` makes `list_benchmarks!`/`add_benchmarks!`, which `apis` uses: textual
// macro scope, so `benches` must come before `apis`.
#[cfg(feature = "runtime-benchmarks")]
#[macro_use]
mod benches {
	frame_benchmarking::define_benchmarks!(
		[frame_benchmarking, BaselineBench::<Runtime>]
		[frame_system, SystemBench::<Runtime>]
		[frame_system_extensions, SystemExtensionsBench::<Runtime>]
		[pallet_balances, Balances]
		[pallet_timestamp, Timestamp]
		[pallet_transaction_payment, TransactionPayment]
		[pallet_utility, Utility]
		[pallet_sudo, Sudo]
		[pallet_staking, Staking]
		[pallet_session, SessionBench::<Runtime>]
		[pallet_bags_list, VoterList]
		[pallet_timecoin, Timecoin]
		[pallet_codcoin, Codcoin]
		[pallet_market, Market]
		[pallet_upkeep, Upkeep]
		[pallet_jointtoken, JointToken]
		[pallet_carchain, CarChain]
		[pallet_credit, Credit]
		[pallet_orgs, Orgs]
		[pallet_mimei, MiMei]
	);
}
mod apis;

/// The pallets of the runtime. Indices are part of the transaction format: never reuse or reorder.
///
/// Babe, Timestamp and Authorship come before Session, and Staking before Session, so that
/// their `on_initialize` hooks run in the order session rotation expects.
#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Babe = pallet_babe;
	#[runtime::pallet_index(2)]
	pub type Timestamp = pallet_timestamp;
	#[runtime::pallet_index(3)]
	pub type Authorship = pallet_authorship;
	#[runtime::pallet_index(4)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(5)]
	pub type TransactionPayment = pallet_transaction_payment;
	#[runtime::pallet_index(6)]
	pub type Staking = pallet_staking;
	#[runtime::pallet_index(7)]
	pub type Offences = pallet_offences;
	#[runtime::pallet_index(8)]
	pub type Historical = pallet_session::historical;
	#[runtime::pallet_index(9)]
	pub type Session = pallet_session;
	#[runtime::pallet_index(10)]
	pub type Grandpa = pallet_grandpa;
	#[runtime::pallet_index(11)]
	pub type Utility = pallet_utility;
	#[runtime::pallet_index(12)]
	pub type Sudo = pallet_sudo;
	/// Staking's voters sorted by stake, for the election.
	#[runtime::pallet_index(13)]
	pub type VoterList = pallet_bags_list<Instance1>;
	/// CarChain's data token (SPEC §8): a second instance of pallet-balances, kept just below
	/// the economy's range because 26 and up belong to Leither.
	#[runtime::pallet_index(19)]
	pub type DataToken = pallet_balances<Instance2>;

	// The cooperative economy (SPEC §3-§9) starts at index 20.
	#[runtime::pallet_index(20)]
	pub type Timecoin = pallet_timecoin;
	#[runtime::pallet_index(21)]
	pub type Codcoin = pallet_codcoin;
	#[runtime::pallet_index(22)]
	pub type Market = pallet_market;
	#[runtime::pallet_index(23)]
	pub type JointToken = pallet_jointtoken;
	#[runtime::pallet_index(24)]
	pub type Upkeep = pallet_upkeep;
	#[runtime::pallet_index(25)]
	pub type CarChain = pallet_carchain;

	// Leither (SPEC §9): one pallet per part; organisations and cods share one, as a cod is an
	// organisation.
	#[runtime::pallet_index(26)]
	pub type Credit = pallet_credit;
	#[runtime::pallet_index(27)]
	pub type Orgs = pallet_orgs;
	#[runtime::pallet_index(28)]
	pub type MiMei = pallet_mimei;
}
