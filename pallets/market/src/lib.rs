//! # Market
//!
//! The trade market every Codchain asset shares (SPEC §4, seed 000 "交易"). It is generic over
//! resources: on-chain assets reached through [`OnChainAssets`], which the runtime implements
//! once over its asset pallets (COD, codcoins; joint tokens later), and off-chain resources —
//! fiat, a time budget, an information asset — described by kind and unit.
//!
//! ## Overview
//!
//! - **Registration.** An account may publish which resources it holds or offers.
//! - **Offer.** Pay resource, receive resource, an exact ratio (`pay : receive`, integers),
//!   amount, minimum fill, expiry block and an optional COD bond. An on-chain pay resource is
//!   escrowed when the offer is made; cancelling returns what is left. At its expiry block an
//!   offer is cleaned up by `on_initialize`, at most `MaxExpiringPerBlock` per block, each one
//!   weighed. An offer whose expiry is the largest block number is *standing*: it never
//!   expires. Other pallets may open, top up and reprice standing offers for accounts they
//!   control ([`Pallet::open_standing`]); a joint token's exchange desk is one.
//! - **Accept.** An amount in the offerer's pay resource, at least the minimum fill (or all
//!   that remains) and at most what remains. The acceptor pays `ceil(amount × receive / pay)`.
//! - **Settlement.** Both legs on-chain: atomic, at once. Otherwise a *trade* records two
//!   payment legs; on-chain legs sit in escrow, each off-chain leg is confirmed by its receiver
//!   before the deadline (`SettlementPeriod` blocks after acceptance). The payer of an
//!   off-chain leg may **mark it sent** before the deadline, with an optional reference hash.
//!   When every leg is confirmed the escrow pays out.
//! - **Default and dispute.** After the deadline anyone may resolve the trade. Each unconfirmed
//!   off-chain leg is judged on its own: one its payer never marked sent is the payer's default
//!   (seed rule; with two such legs the offerer defaults); one marked sent but never confirmed
//!   is a **dispute**, counted for both sides, since the chain cannot see who is right. On-chain
//!   escrow goes back to whoever put it in.
//! - **Bonds.** An offer's `bond` is what each side paying an off-chain leg puts up for the whole
//!   amount; a fill bonds its share, rounded up, so splitting a fill never lowers the total. A
//!   defaulter's bond is forfeited to the runtime's `Forfeit` handler (Codchain burns it) and
//!   never to the counterparty: the counterparty is the side that decides whether to confirm,
//!   and paying it the bond would reward withholding a confirmation. Other bonds come back.
//! - **Records.** Each account that offers or trades has a record (open offers, settled trades,
//!   defaults, disputes) holding `RecordDeposit`; a record with nothing open and no default or
//!   dispute may be closed.
//! - **Buy-back.** [`Pallet::buy_back_offers`] tells whether an issuer keeps an offer open that
//!   buys back its own coin, as the seed asks of issuers; it is not forced.
//!
//! ## Calls
//!
//! | call | origin | does | events |
//! |---|---|---|---|
//! | [`register_resources`](Pallet::register_resources) | anyone | publishes held resources | `ResourcesRegistered` |
//! | [`make_offer`](Pallet::make_offer) | offerer | escrows and lists an offer | `OfferMade` |
//! | [`cancel_offer`](Pallet::cancel_offer) | offerer | returns the escrow left | `OfferClosed` |
//! | [`accept`](Pallet::accept) | anyone but the offerer | fills part of an offer | `Accepted`, `TradeSettled` |
//! | [`confirm_leg`](Pallet::confirm_leg) | receiver of an off-chain leg | confirms delivery | `LegConfirmed`, `TradeSettled` |
//! | [`resolve_trade`](Pallet::resolve_trade) | anyone, after the deadline | applies the default rules | `TradeDefaulted`, `TradeDisputed` |
//! | [`mark_sent`](Pallet::mark_sent) | payer of an off-chain leg | reports it sent | `LegSent` |
//! | [`close_record`](Pallet::close_record) | the account | removes a clean record | `RecordClosed` |
//!
//! Every failing call returns its own error and changes nothing.
//!
//! Settled and defaulted trades leave storage; their history is in the events, and each
//! account's counts of settled trades and defaults stay queryable.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod invariants;
pub mod migrations;
#[cfg(test)]
mod mock;
mod native;
mod offers;
mod queries;
mod records;
#[cfg(test)]
mod tests;
mod trades;
pub mod traits;
pub mod types;
pub mod weights;

pub use pallet::*;
pub use traits::OnChainAssets;
pub use types::*;
pub use weights::WeightInfo;

// `make_offer` takes the offer's terms one by one so that wallets show each by name; the call
// enum's constructor the pallet macro generates for it has as many arguments.
#[allow(clippy::too_many_arguments)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		pallet_prelude::*,
		traits::{fungible, OnUnbalanced},
	};
	use frame_system::pallet_prelude::*;
	use sp_core::H256;

	/// The balance type of COD.
	pub type BalanceOf<T> = <<T as Config>::Currency as fungible::Inspect<
		<T as frame_system::Config>::AccountId,
	>>::Balance;
	/// The runtime's asset id.
	pub type AssetIdOf<T> =
		<<T as Config>::Assets as OnChainAssets<<T as frame_system::Config>::AccountId>>::AssetId;
	/// A resource of this runtime.
	pub type ResourceOf<T> = Resource<AssetIdOf<T>>;
	/// An offer of this runtime.
	pub type OfferOf<T> = OfferDetails<
		<T as frame_system::Config>::AccountId,
		AssetIdOf<T>,
		BalanceOf<T>,
		BlockNumberFor<T>,
	>;
	/// COD taken out of circulation, e.g. a forfeited bond.
	pub type CreditOf<T> =
		fungible::Credit<<T as frame_system::Config>::AccountId, <T as Config>::Currency>;
	/// An account record of this runtime.
	pub type AccountDetailsOf<T> = AccountDetails<BalanceOf<T>>;
	/// A trade of this runtime.
	pub type TradeOf<T> = TradeDetails<
		<T as frame_system::Config>::AccountId,
		AssetIdOf<T>,
		BalanceOf<T>,
		BlockNumberFor<T>,
	>;

	/// 1: offers keep their full amount, legs a status, records a deposit and a dispute count;
	/// the pair and party indices are keyed by big-endian id (see [`migrations`]).
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// COD: deposits and bonds are held in it, and it is tradable itself.
		type Currency: fungible::Mutate<Self::AccountId>
			+ fungible::MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ fungible::BalancedHold<Self::AccountId>;
		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;
		/// The on-chain assets.
		type Assets: OnChainAssets<Self::AccountId>;
		/// COD held per open offer.
		#[pallet::constant]
		type OfferDeposit: Get<BalanceOf<Self>>;
		/// COD held from the acceptor per pending trade. Must cover a coin deposit: payouts
		/// that create coins are paid for from it.
		#[pallet::constant]
		type TradeDeposit: Get<BalanceOf<Self>>;
		/// COD held per registered resource list.
		#[pallet::constant]
		type RegistrationDeposit: Get<BalanceOf<Self>>;
		/// COD held per account record (open offers, settled trades, defaults, disputes).
		#[pallet::constant]
		type RecordDeposit: Get<BalanceOf<Self>>;
		/// Where forfeited bonds go. Never the defaulter's counterparty: it controls the
		/// confirmation whose absence forfeits the bond. `()` burns them.
		type Forfeit: OnUnbalanced<CreditOf<Self>>;
		/// Blocks after an acceptance during which off-chain legs may be confirmed.
		#[pallet::constant]
		type SettlementPeriod: Get<BlockNumberFor<Self>>;
		/// Most offers one account may have open.
		#[pallet::constant]
		type MaxOffersPerAccount: Get<u32>;
		/// Most offers that may expire at one block (bounds `on_initialize`).
		#[pallet::constant]
		type MaxExpiringPerBlock: Get<u32>;
		/// Most resources one account may register.
		#[pallet::constant]
		type MaxRegistered: Get<u32>;
		/// Most coins one payment of an on-chain asset may spend (the coin ledgers' input
		/// bound): a call naming no coins is charged for this many and refunded the rest.
		#[pallet::constant]
		type MaxPaymentCoins: Get<u32>;
		/// Weights of the calls, from benchmarks.
		type WeightInfo: WeightInfo;
		/// Assets and funds for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: traits::BenchmarkHelper<Self::AccountId, AssetIdOf<Self>>;
	}

	/// Why COD is held.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// COD offered for trade, in escrow.
		Escrow,
		/// Storage deposit of an offer, a trade, a registration or an account record.
		Deposit,
		/// Bond of an off-chain leg, forfeited to `Forfeit` on default.
		Bond,
	}

	/// The number the next offer gets.
	#[pallet::storage]
	pub type NextOfferId<T> = StorageValue<_, OfferId, ValueQuery>;

	/// The number the next acceptance gets.
	#[pallet::storage]
	pub type NextTradeId<T> = StorageValue<_, TradeId, ValueQuery>;

	/// Open offers.
	#[pallet::storage]
	pub type Offers<T: Config> = StorageMap<_, Twox64Concat, OfferId, OfferOf<T>>;

	/// Open offers by (pay resource, receive resource), for paging through a market.
	// Identity over the big-endian id: keys sort as the ids do, so pages come in id order, and
	// ids are chain-assigned, so nobody can pick keys to unbalance the trie.
	#[pallet::storage]
	pub type OffersByPair<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Blake2_128Concat, ResourceOf<T>>,
			NMapKey<Blake2_128Concat, ResourceOf<T>>,
			NMapKey<Identity, IdKey>,
		),
		(),
		OptionQuery,
	>;

	/// Open offers by offerer.
	#[pallet::storage]
	pub type OffersByAccount<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Twox64Concat, OfferId, (), OptionQuery>;

	/// Offers that expire at a block; `on_initialize` closes them.
	#[pallet::storage]
	pub type Expiring<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		BoundedVec<OfferId, T::MaxExpiringPerBlock>,
		ValueQuery,
	>;

	/// Pending trades (an off-chain leg awaits confirmation).
	#[pallet::storage]
	pub type Trades<T: Config> = StorageMap<_, Twox64Concat, TradeId, TradeOf<T>>;

	/// Pending trades by party (offerer and acceptor), keyed like [`OffersByPair`] so a page
	/// of an account's trades comes in id order.
	#[pallet::storage]
	pub type TradesByAccount<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Identity, IdKey, (), OptionQuery>;

	/// Each account's record: open offers, settled trades, defaults, disputes, and the deposit
	/// held for it.
	#[pallet::storage]
	pub type Stats<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, AccountDetailsOf<T>>;

	/// Resources an account says it holds or offers, with the deposit held for the list.
	#[pallet::storage]
	pub type Registered<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		(BoundedVec<ResourceOf<T>, T::MaxRegistered>, BalanceOf<T>),
	>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An account published the resources it holds or offers (empty: withdrew the list).
		ResourcesRegistered { who: T::AccountId, resources: u32 },
		/// An offer was listed; an on-chain pay resource is in escrow.
		OfferMade {
			id: OfferId,
			offerer: T::AccountId,
			pay: ResourceOf<T>,
			receive: ResourceOf<T>,
			ratio: Ratio,
			amount: Amount,
			min_fill: Amount,
			expiry: BlockNumberFor<T>,
		},
		/// An offer closed; `refunded` pay-resource units left escrow back to the offerer.
		OfferClosed { id: OfferId, reason: CloseReason, refunded: Amount },
		/// Part of an offer was accepted: `amount` of the pay resource against `price` of the
		/// receive resource.
		Accepted {
			offer: OfferId,
			trade: TradeId,
			acceptor: T::AccountId,
			amount: Amount,
			price: Amount,
		},
		/// The receiver confirmed an off-chain leg; `by` is the offerer or the acceptor.
		LegConfirmed { trade: TradeId, by: T::AccountId },
		/// Every leg of a trade is delivered.
		TradeSettled { trade: TradeId, offerer: T::AccountId, acceptor: T::AccountId },
		/// The payer of an off-chain leg reported it sent; `reference` identifies the payment.
		LegSent { trade: TradeId, by: T::AccountId, reference: Option<H256> },
		/// A trade passed its deadline with an off-chain leg its payer never reported sent;
		/// `defaulter` is counted and its bond forfeited (to `Forfeit`, never to the
		/// counterparty).
		TradeDefaulted { trade: TradeId, defaulter: T::AccountId, forfeited_bond: BalanceOf<T> },
		/// A trade passed its deadline with a leg reported sent but not confirmed; the dispute
		/// is counted for both sides and every bond comes back.
		TradeDisputed { trade: TradeId, offerer: T::AccountId, acceptor: T::AccountId },
		/// An account closed its market record and got its deposit back.
		RecordClosed { who: T::AccountId },
		/// An expired offer could not be closed by `on_initialize`; the offerer may cancel it.
		ExpiryFailed { id: OfferId, error: DispatchError },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// Pay and receive resources are the same.
		SameResource,
		/// A ratio with a zero side.
		ZeroRatio,
		/// An amount of zero.
		ZeroAmount,
		/// A minimum fill of zero or above the amount offered.
		BadMinimumFill,
		/// An expiry block that is not in the future.
		ExpiryInPast,
		/// An on-chain resource the runtime does not know (e.g. a coin with no issuer record).
		UnknownAsset,
		/// An off-chain resource with an empty unit.
		EmptyUnit,
		/// The account already has `MaxOffersPerAccount` open offers.
		TooManyOffers,
		/// `MaxExpiringPerBlock` offers already expire at that block; pick another.
		ExpiryBlockFull,
		/// The same resource twice in a registration.
		DuplicateResource,
		/// No open offer with this id.
		UnknownOffer,
		/// Only the offerer may do this.
		NotOfferer,
		/// The offer has expired.
		OfferExpired,
		/// An offerer cannot accept its own offer.
		OwnOffer,
		/// Below the offer's minimum fill (and not all that remains).
		BelowMinimumFill,
		/// More than the offer has left.
		AboveRemaining,
		/// The price does not fit in `u128`.
		Overflow,
		/// No pending trade with this id.
		UnknownTrade,
		/// Only the offerer or the acceptor of the trade may do this.
		NotParty,
		/// The leg the signer receives is on-chain: it settles from escrow, nothing to confirm.
		NothingToConfirm,
		/// The leg is confirmed already.
		AlreadyConfirmed,
		/// The trade's deadline has passed.
		DeadlinePassed,
		/// The trade's deadline has not passed yet.
		DeadlineNotReached,
		/// Not enough free COD for the storage deposit.
		InsufficientDeposit,
		/// Not enough free COD for the bond of an off-chain leg.
		InsufficientBond,
		/// The offerer has not enough free COD left for the bond of its off-chain leg.
		CounterpartyCannotBond,
		/// Not enough free COD to trade.
		InsufficientBalance,
		/// The leg the signer pays is on-chain: it is in escrow, nothing to mark sent.
		NothingToSend,
		/// The leg is marked sent already.
		AlreadySent,
		/// The account has no market record.
		NoRecord,
		/// The record cannot be closed: the account has open offers or pending trades, or a
		/// default or dispute on record (those stay public).
		RecordInUse,
		/// An id counter reached its maximum.
		IdsExhausted,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(n: BlockNumberFor<T>) -> Weight {
			Self::expire_offers(n)
		}

		fn integrity_test() {
			assert!(T::MaxExpiringPerBlock::get() > 0 && T::MaxOffersPerAccount::get() > 0);
			assert!(T::MaxPaymentCoins::get() > 0);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Publish the resources the signer holds or offers, replacing its previous list; an
		/// empty list withdraws it and returns the deposit.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_resources(resources.len() as u32))]
		pub fn register_resources(
			origin: OriginFor<T>,
			resources: BoundedVec<ResourceOf<T>, T::MaxRegistered>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_register(&who, resources)
		}

		/// Offer `amount` of `pay` for `receive` at `ratio`, in fills of at least `min_fill`,
		/// until block `expiry`. An on-chain `pay` is escrowed now, from the `coins` named if
		/// any. `bond` (COD, may be zero) is what each side paying an off-chain leg puts up for
		/// the whole amount; a fill bonds its share.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::make_offer(Pallet::<T>::coins_charged(coins)))]
		// The offer's terms are the call's parameters so that wallets show each one by name.
		#[allow(clippy::too_many_arguments)]
		pub fn make_offer(
			origin: OriginFor<T>,
			pay: ResourceOf<T>,
			receive: ResourceOf<T>,
			ratio: Ratio,
			#[pallet::compact] amount: Amount,
			#[pallet::compact] min_fill: Amount,
			expiry: BlockNumberFor<T>,
			#[pallet::compact] bond: BalanceOf<T>,
			coins: NamedCoins,
		) -> DispatchResultWithPostInfo {
			let offerer = ensure_signed(origin)?;
			let terms = OfferTerms { pay, receive, ratio, amount, min_fill, expiry, bond };
			let (_, spent) = Self::do_make_offer(&offerer, terms, &coins)?;
			Ok(Some(T::WeightInfo::make_offer(spent.max(1))).into())
		}

		/// The offerer withdraws an offer; what is left in escrow comes back. Acceptances
		/// already made are not affected.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::cancel_offer())]
		pub fn cancel_offer(origin: OriginFor<T>, id: OfferId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_cancel_offer(&who, id)
		}

		/// Accept `amount` (in the offer's pay resource) of offer `offer`, paying the price from
		/// the `coins` named if any.
		#[pallet::call_index(3)]
		#[pallet::weight({
			let n = Pallet::<T>::coins_charged(coins);
			T::WeightInfo::accept_on_chain(n)
				.max(T::WeightInfo::accept_off_chain(n))
				.max(T::WeightInfo::accept_native())
		})]
		pub fn accept(
			origin: OriginFor<T>,
			offer: OfferId,
			#[pallet::compact] amount: Amount,
			coins: NamedCoins,
		) -> DispatchResultWithPostInfo {
			let acceptor = ensure_signed(origin)?;
			let done = Self::do_accept(&acceptor, offer, amount, &coins)?;
			Ok(Some(Self::accept_weight(&done)).into())
		}

		/// The receiver of a trade's off-chain leg confirms it was delivered, before the
		/// deadline. The trade settles when every leg is confirmed.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::confirm_leg())]
		pub fn confirm_leg(origin: OriginFor<T>, trade: TradeId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_confirm_leg(&who, trade)
		}

		/// After the deadline, anyone applies the default and dispute rules to a pending trade.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::resolve_trade().max(T::WeightInfo::resolve_trade_disputed()))]
		pub fn resolve_trade(origin: OriginFor<T>, trade: TradeId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_resolve_trade(trade)
		}

		/// The payer of a trade's off-chain leg reports, before the deadline, that it sent it;
		/// `reference` may identify the payment (e.g. the hash of a transfer id). Unconfirmed at
		/// the deadline, the leg then ends as a dispute instead of the payer's default.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::mark_sent())]
		pub fn mark_sent(
			origin: OriginFor<T>,
			trade: TradeId,
			reference: Option<H256>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_mark_sent(&who, trade, reference)
		}

		/// Close the signer's market record and release its deposit: possible with no open
		/// offer, no pending trade, and no default or dispute on record.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::close_record())]
		pub fn close_record(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_close_record(&who)
		}
	}
}

/// Why an offer closed.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	codec::Encode,
	codec::Decode,
	codec::DecodeWithMemTracking,
	scale_info::TypeInfo,
	codec::MaxEncodedLen,
)]
pub enum CloseReason {
	/// Fully accepted.
	Filled,
	/// Cancelled by the offerer.
	Cancelled,
	/// Reached its expiry block.
	Expired,
}

/// The terms of a new offer, as `make_offer` takes them.
pub struct OfferTerms<AssetId, Balance, BlockNumber> {
	pub pay: Resource<AssetId>,
	pub receive: Resource<AssetId>,
	pub ratio: Ratio,
	pub amount: Amount,
	pub min_fill: Amount,
	pub expiry: BlockNumber,
	pub bond: Balance,
}
