//! Storage migrations of the market.
//!
//! v0 → v1 ([`MigrateV0ToV1`]): offers keep their full amount (the denominator of a fill's
//! bond share; a v0 offer's best-known amount is what it has left), legs carry a status
//! instead of a `confirmed` flag, account records gain a dispute count and a deposit field
//! (zero for records made before deposits existed), and the pair and party indices are
//! re-keyed by big-endian id so that pages come in id order.

use frame_support::{
	migrations::VersionedMigration, pallet_prelude::*, traits::UncheckedOnRuntimeUpgrade,
};

use crate::{
	pallet::{
		AccountDetailsOf, Config, Offers, OffersByPair, Pallet, ResourceOf, Stats, Trades,
		TradesByAccount,
	},
	types::*,
};

/// The layouts of v0.
pub mod v0 {
	use super::*;

	#[derive(Encode, Decode, Clone, PartialEq, Debug)]
	pub struct Offer<AccountId, AssetId, Balance, BlockNumber> {
		pub offerer: AccountId,
		pub pay: Resource<AssetId>,
		pub receive: Resource<AssetId>,
		pub ratio: Ratio,
		pub remaining: Amount,
		pub min_fill: Amount,
		pub expiry: BlockNumber,
		pub bond: Balance,
		pub deposit: Balance,
	}

	#[derive(Encode, Decode, Clone, PartialEq, Debug)]
	pub struct Leg<AssetId> {
		pub resource: Resource<AssetId>,
		pub amount: Amount,
		pub confirmed: bool,
	}

	#[derive(Encode, Decode, Clone, PartialEq, Debug)]
	pub struct Trade<AccountId, AssetId, Balance, BlockNumber> {
		pub offer: OfferId,
		pub offerer: AccountId,
		pub acceptor: AccountId,
		pub give: Leg<AssetId>,
		pub take: Leg<AssetId>,
		pub deadline: BlockNumber,
		pub bond: Balance,
		pub deposit: Balance,
	}

	#[derive(Encode, Decode, Clone, PartialEq, Debug, Default)]
	pub struct AccountStats {
		pub open_offers: u32,
		pub settled: u32,
		pub defaults: u32,
	}

	#[frame_support::storage_alias]
	pub type OffersByPair<T: Config> = StorageNMap<
		Pallet<T>,
		(
			NMapKey<Blake2_128Concat, ResourceOf<T>>,
			NMapKey<Blake2_128Concat, ResourceOf<T>>,
			NMapKey<Twox64Concat, OfferId>,
		),
		(),
		OptionQuery,
	>;

	#[frame_support::storage_alias]
	pub type TradesByAccount<T: Config> = StorageDoubleMap<
		Pallet<T>,
		Blake2_128Concat,
		<T as frame_system::Config>::AccountId,
		Twox64Concat,
		TradeId,
		(),
		OptionQuery,
	>;
}

/// The v0 → v1 translation; run it through [`MigrateV0ToV1`], which checks the version.
pub struct InnerMigrateV0ToV1<T>(PhantomData<T>);

impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV0ToV1<T> {
	fn on_runtime_upgrade() -> Weight {
		let (mut reads, mut writes) = (0u64, 0u64);
		Offers::<T>::translate::<v0::Offer<_, _, _, _>, _>(|_, o| {
			reads += 1;
			writes += 1;
			Some(crate::pallet::OfferOf::<T> {
				offerer: o.offerer,
				pay: o.pay,
				receive: o.receive,
				ratio: o.ratio,
				amount: o.remaining,
				remaining: o.remaining,
				min_fill: o.min_fill,
				expiry: o.expiry,
				bond: o.bond,
				deposit: o.deposit,
			})
		});
		let leg = |l: v0::Leg<_>| {
			let status = match (l.confirmed, l.resource.asset().is_some()) {
				(_, true) => LegStatus::Escrowed,
				(true, false) => LegStatus::Confirmed,
				(false, false) => LegStatus::Awaiting,
			};
			Leg { resource: l.resource, amount: l.amount, status }
		};
		Trades::<T>::translate::<v0::Trade<_, _, _, _>, _>(|_, t| {
			reads += 1;
			writes += 1;
			Some(crate::pallet::TradeOf::<T> {
				offer: t.offer,
				offerer: t.offerer,
				acceptor: t.acceptor,
				give: leg(t.give),
				take: leg(t.take),
				deadline: t.deadline,
				bond: t.bond,
				deposit: t.deposit,
			})
		});
		Stats::<T>::translate::<v0::AccountStats, _>(|_, s| {
			reads += 1;
			writes += 1;
			Some(AccountDetailsOf::<T> {
				stats: AccountStats {
					open_offers: s.open_offers,
					settled: s.settled,
					defaults: s.defaults,
					disputes: 0,
				},
				deposit: Default::default(),
			})
		});
		// The indices share their storage prefix across versions: clear the old keys, then
		// rebuild from the records they index.
		let cleared = v0::OffersByPair::<T>::clear(u32::MAX, None).unique as u64;
		let cleared_trades = v0::TradesByAccount::<T>::clear(u32::MAX, None).unique as u64;
		writes += cleared + cleared_trades;
		for (id, o) in Offers::<T>::iter() {
			reads += 1;
			writes += 1;
			OffersByPair::<T>::insert((&o.pay, &o.receive, id_key(id)), ());
		}
		for (id, t) in Trades::<T>::iter() {
			reads += 1;
			writes += 2;
			TradesByAccount::<T>::insert(&t.offerer, id_key(id), ());
			TradesByAccount::<T>::insert(&t.acceptor, id_key(id), ());
		}
		T::DbWeight::get().reads_writes(reads, writes)
	}
}

/// Migrates the market's storage from v0 to v1, once.
pub type MigrateV0ToV1<T> = VersionedMigration<
	0,
	1,
	InnerMigrateV0ToV1<T>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;
