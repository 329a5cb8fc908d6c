//! # Codcoin
//!
//! Organisation coins backed by declared collateral (SPEC §4, seed 000 "codcoin"). Every
//! account (a *cod*) may issue its own codcoin, in `u128` units. The ledger is UTXO-style and
//! shares its pour rules with timecoin through [`utxo_core`]: a **mint record** consumes coins of
//! one issuer and creates coins of the same issuer.
//!
//! ## Overview
//!
//! - **Collateral.** Before issuing, the issuer declares typed claims — physical stock, labour
//!   hours in a period, automated-service capacity in a period — each backing a `value` in
//!   codcoin units until an `expiry` block, optionally co-signed by an attestor. Only attested,
//!   unexpired claims count. The **cap** is the sum of their values; supply never grows beyond
//!   it.
//! - **Shortfall.** When claims expire under circulating coins, supply exceeds the cap: the coin
//!   is in shortfall. Issuing stops until claims are renewed; remint and destroy keep working.
//!   The shortfall is visible in queries and on the coin's market offers.
//! - **Mint records.** `issue` (issuer only, no inputs), `remint` (any holder: same issuer,
//!   unspent inputs held by the signer, `sum(out) == sum(in)`), `destroy` (any holder, no
//!   outputs). A payment is a remint whose output names the receiver; [`pay`](Pallet::pay) builds
//!   one with change. It is final when its block is finalized by GRANDPA.
//! - **Escrow.** The trade market moves units of a codcoin into escrow and out of it through
//!   [`utxo_core::CoinLedger`] (see `ledger.rs`). Escrowed units stay in supply:
//!   `supply == live coins + escrow`.
//! - **Ledger.** Coins, balances, escrow and deposits are kept by the ledger engine shared with
//!   timecoin ([`utxo_core::Ledger`]); this pallet adds collateral.
//! - **Deposits.** Every live coin holds `CoinDeposit` COD from whoever created it, every claim
//!   holds `ClaimDeposit` from the issuer, and an issuer record holds `IssuerDeposit`; each is
//!   released when its item goes.
//!
//! ## Calls
//!
//! | call | origin | does | errors (besides the pour rules) | events |
//! |---|---|---|---|---|
//! | [`declare_claim`](Pallet::declare_claim) | issuer | records a claim | `ZeroValueClaim`, `ExpiryInPast`, `SelfAttestation`, `TooManyClaims` | `ClaimDeclared` |
//! | [`attest_claim`](Pallet::attest_claim) | attestor | co-signs a claim | `UnknownClaim`, `NotAttestor`, `AlreadyAttested`, `ClaimExpired` | `ClaimAttested` |
//! | [`retire_claim`](Pallet::retire_claim) | issuer | removes a claim | `UnknownClaim`, `ClaimBacksSupply` | `ClaimRetired` |
//! | [`issue`](Pallet::issue) | issuer | mints to holders | `NoCollateral`, `InShortfall`, `CollateralExceeded` | `Poured` |
//! | [`remint`](Pallet::remint) | holder | re-mints inputs into outputs | | `Poured` |
//! | [`destroy`](Pallet::destroy) | holder | burns inputs | | `Poured` |
//! | [`pay`](Pallet::pay) | holder | pays `amount`, change to self | `InsufficientInputs` | `Poured` |
//!
//! Every failing call returns its own error and changes nothing.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod claims;
mod invariants;
mod ledger;
mod market;
pub mod migrations;
#[cfg(test)]
mod mock;
mod pour;
mod queries;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

/// Domain of coin ids, so codcoin ids never collide with timecoin ids.
pub const COIN_ID_DOMAIN: &[u8] = b"codcoin";

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{pallet_prelude::*, traits::fungible};
	use frame_system::pallet_prelude::*;
	use sp_runtime::traits::StaticLookup;
	use utxo_core::LedgerError;

	/// An account argument: an address wallets may give in any supported form.
	pub type AccountIdLookupOf<T> = <<T as frame_system::Config>::Lookup as StaticLookup>::Source;

	/// The balance type of the deposit currency.
	pub type BalanceOf<T> = <<T as Config>::Currency as fungible::Inspect<
		<T as frame_system::Config>::AccountId,
	>>::Balance;
	/// A coin of this runtime, as stored.
	pub type CoinOf<T> =
		utxo_core::CoinDetails<<T as frame_system::Config>::AccountId, Units, BalanceOf<T>>;
	/// A claim of this runtime.
	pub type ClaimOf<T> =
		ClaimDetails<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;

	/// 1: stored balances per (holder, issuer), coins indexed by issuer, escrow totals; 2: one
	/// coin index, by (issuer, holder) (see [`migrations`]).
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The currency deposits are held in (COD).
		type Currency: fungible::Mutate<Self::AccountId>
			+ fungible::MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;
		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;
		/// COD held per live coin.
		#[pallet::constant]
		type CoinDeposit: Get<BalanceOf<Self>>;
		/// COD held per recorded claim.
		#[pallet::constant]
		type ClaimDeposit: Get<BalanceOf<Self>>;
		/// COD held for an issuer's record while it exists.
		#[pallet::constant]
		type IssuerDeposit: Get<BalanceOf<Self>>;
		/// Most coins a mint record may consume.
		#[pallet::constant]
		type MaxInputs: Get<u32>;
		/// Most coins a mint record may create.
		#[pallet::constant]
		type MaxOutputs: Get<u32>;
		/// Most claims an issuer may have on record.
		#[pallet::constant]
		type MaxClaims: Get<u32>;
		/// Weights of the calls, from benchmarks.
		type WeightInfo: WeightInfo;
	}

	/// Why COD is held.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// Storage deposit of a live coin.
		CoinDeposit,
		/// Storage deposit of a collateral claim.
		ClaimDeposit,
		/// Storage deposit of an issuer record.
		IssuerDeposit,
	}

	/// The number the next pour gets.
	#[pallet::storage]
	pub type NextPourId<T> = StorageValue<_, PourId, ValueQuery>;

	/// The id the next claim gets.
	#[pallet::storage]
	pub type NextClaimId<T> = StorageValue<_, ClaimId, ValueQuery>;

	/// Live coins. Spent coins are removed, so "unspent" is "present".
	// Identity: ids are BLAKE2 hashes of a chain-assigned counter, nobody chooses them.
	#[pallet::storage]
	pub type Coins<T: Config> = StorageMap<_, Identity, CoinId, CoinOf<T>>;

	/// Coin index: (issuer, holder, coin id) for every live coin, to page through an issuer's
	/// coins and to find an account's coins of one issuer without scanning the others (an
	/// account's issuers are those of its `HeldTotals`).
	// Blake2_128Concat: accounts are user-chosen keys. Identity for the coin: ids are BLAKE2
	// hashes of a chain-assigned counter.
	#[pallet::storage]
	pub type Holdings<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Blake2_128Concat, T::AccountId>,
			NMapKey<Blake2_128Concat, T::AccountId>,
			NMapKey<Identity, CoinId>,
		),
		(),
		OptionQuery,
	>;

	/// Units of `issuer`'s coin in the live coins `holder` holds: the sum of its coins, kept so
	/// no query has to add them up.
	#[pallet::storage]
	pub type HeldTotals<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		T::AccountId,
		Units,
		ValueQuery,
	>;

	/// Units of `issuer`'s coin in market escrow, all owners together.
	#[pallet::storage]
	pub type EscrowTotals<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, Units, ValueQuery>;

	/// Issuers: every account that declared a claim.
	#[pallet::storage]
	pub type Issuers<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, IssuerDetails<BalanceOf<T>>>;

	/// Each issuer's collateral claims, by id.
	#[pallet::storage]
	pub type Claims<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<ClaimOf<T>, T::MaxClaims>,
		ValueQuery,
	>;

	/// Units of `issuer`'s coin held in market escrow for `owner`.
	#[pallet::storage]
	pub type Escrow<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		T::AccountId,
		Units,
		ValueQuery,
	>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An issuer declared a collateral claim.
		ClaimDeclared {
			issuer: T::AccountId,
			claim: ClaimId,
			kind: ClaimKind,
			value: Units,
			expiry: BlockNumberFor<T>,
			attestor: Option<T::AccountId>,
		},
		/// The attestor co-signed a claim; it now backs supply.
		ClaimAttested { issuer: T::AccountId, claim: ClaimId, attestor: T::AccountId },
		/// The issuer removed a claim.
		ClaimRetired { issuer: T::AccountId, claim: ClaimId },
		/// A mint record consumed `inputs` and created `outputs` (coin id, holder, units);
		/// `minted` units were issued and `burned` units left the coin store (destroyed, or
		/// moved into market escrow), of which `escrowed` went into the pourer's escrow.
		Poured {
			pour_id: PourId,
			pourer: T::AccountId,
			issuer: T::AccountId,
			inputs: Inputs<T::MaxInputs>,
			outputs: BoundedVec<(CoinId, T::AccountId, Units), T::MaxOutputs>,
			minted: Units,
			burned: Units,
			escrowed: Units,
		},
		/// Units left escrow as a new coin for `to`.
		EscrowReleased {
			issuer: T::AccountId,
			owner: T::AccountId,
			to: T::AccountId,
			coin: CoinId,
			amount: Units,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// A rule of the ledger was broken; the inner error says which (see
		/// [`utxo_core::LedgerError`]).
		Ledger(LedgerError),
		/// The issuer never declared a claim.
		NoCollateral,
		/// Claims expired under circulating coins: supply exceeds the cap, so nothing can be
		/// issued until claims are renewed.
		InShortfall,
		/// Issuing this would put supply above the sum of live claims.
		CollateralExceeded,
		/// A claim of value zero.
		ZeroValueClaim,
		/// A claim whose expiry block is not in the future.
		ExpiryInPast,
		/// The issuer named itself as attestor.
		SelfAttestation,
		/// The issuer already has `MaxClaims` claims.
		TooManyClaims,
		/// The issuer has no claim with this id.
		UnknownClaim,
		/// Only the claim's attestor may attest it.
		NotAttestor,
		/// The claim is attested already (or needs no attestation).
		AlreadyAttested,
		/// The claim has expired.
		ClaimExpired,
		/// Removing this live claim would put supply above the cap.
		ClaimBacksSupply,
		/// Not enough free COD for the deposit of an issuer record or a claim.
		InsufficientDeposit,
		/// The claim id counter reached its maximum.
		IdsExhausted,
	}

	impl<T: Config> From<LedgerError> for Error<T> {
		fn from(e: LedgerError) -> Self {
			Error::Ledger(e)
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxInputs::get() > 0 && T::MaxOutputs::get() > 1, "a payment needs change");
			assert!(T::MaxClaims::get() > 0);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Declare a collateral claim backing `value` units of the signer's codcoin until block
		/// `expiry`. With an `attestor`, the claim counts only once the attestor co-signs it with
		/// [`attest_claim`](Pallet::attest_claim). Holds `ClaimDeposit` (and `IssuerDeposit` on
		/// the first claim).
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::declare_claim())]
		pub fn declare_claim(
			origin: OriginFor<T>,
			kind: ClaimKind,
			#[pallet::compact] value: Units,
			expiry: BlockNumberFor<T>,
			attestor: Option<AccountIdLookupOf<T>>,
		) -> DispatchResult {
			let issuer = ensure_signed(origin)?;
			let attestor = attestor.map(T::Lookup::lookup).transpose()?;
			Self::do_declare_claim(&issuer, kind, value, expiry, attestor)
		}

		/// The attestor of `issuer`'s claim `claim` co-signs it.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::attest_claim())]
		pub fn attest_claim(
			origin: OriginFor<T>,
			issuer: AccountIdLookupOf<T>,
			claim: ClaimId,
		) -> DispatchResult {
			let attestor = ensure_signed(origin)?;
			let issuer = T::Lookup::lookup(issuer)?;
			Self::do_attest_claim(&attestor, &issuer, claim)
		}

		/// The issuer removes a claim and gets its deposit back. A live claim may go only if the
		/// remaining live claims still cover the supply.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::retire_claim())]
		pub fn retire_claim(origin: OriginFor<T>, claim: ClaimId) -> DispatchResult {
			let issuer = ensure_signed(origin)?;
			Self::do_retire_claim(&issuer, claim)
		}

		/// Issue: the signer mints `sum(outputs)` new units of its own coin, within its cap.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::issue(outputs.len() as u32))]
		pub fn issue(
			origin: OriginFor<T>,
			outputs: Outputs<T::AccountId, T::MaxOutputs>,
		) -> DispatchResult {
			let issuer = ensure_signed(origin)?;
			Self::do_issue(&issuer, &outputs).map(|_| ())
		}

		/// Re-mint: consume `inputs` (held by the signer, of one issuer) and create `outputs` of
		/// the same issuer with `sum(outputs) == sum(inputs)`. A payment names the receiver.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::remint(inputs.len() as u32, outputs.len() as u32))]
		pub fn remint(
			origin: OriginFor<T>,
			inputs: Inputs<T::MaxInputs>,
			outputs: Outputs<T::AccountId, T::MaxOutputs>,
		) -> DispatchResult {
			let holder = ensure_signed(origin)?;
			Self::do_remint(&holder, &inputs, &outputs).map(|_| ())
		}

		/// Destroy: burn `inputs` (held by the signer, of one issuer); supply shrinks by their sum.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::destroy(inputs.len() as u32))]
		pub fn destroy(origin: OriginFor<T>, inputs: Inputs<T::MaxInputs>) -> DispatchResult {
			let holder = ensure_signed(origin)?;
			Self::do_destroy(&holder, &inputs)
		}

		/// Pay `amount` units of the inputs' coin to `to`; the rest comes back to the signer as
		/// change. A re-mint with outputs `[(to, amount), (signer, change)]`.
		///
		/// Charged as if every input's deposit went back to a different account; refunded to
		/// the inputs whose deposit the signer paid itself (e.g. change of its own payments).
		#[pallet::call_index(6)]
		#[pallet::weight(utxo_core::spend_weight_limit(
			T::WeightInfo::pay_own,
			T::WeightInfo::pay,
			inputs.len() as u32,
		))]
		pub fn pay(
			origin: OriginFor<T>,
			inputs: Inputs<T::MaxInputs>,
			to: AccountIdLookupOf<T>,
			#[pallet::compact] amount: Units,
		) -> DispatchResultWithPostInfo {
			let holder = ensure_signed(origin)?;
			let to = T::Lookup::lookup(to)?;
			let refunded = Self::do_pay(&holder, &inputs, to, amount)?;
			Ok(Some(Self::pay_weight(inputs.len() as u32, refunded)).into())
		}
	}
}
