//! Read-only queries behind the runtime API (`pallet-market-runtime-api`).

use alloc::vec::Vec;
use frame_system::pallet_prelude::BlockNumberFor;

use crate::{
	pallet::{
		AssetIdOf, BalanceOf, Config, OfferOf, Offers, OffersByAccount, OffersByPair, Registered,
		ResourceOf, Stats, Trades, TradesByAccount,
	},
	types::*,
	OnChainAssets, Pallet,
};

/// Most offers one page returns, whatever the caller asks.
pub const MAX_PAGE: u32 = 500;

/// An offer as the runtime API returns it.
pub type OfferInfoOf<T> = OfferInfo<
	<T as frame_system::Config>::AccountId,
	AssetIdOf<T>,
	BalanceOf<T>,
	BlockNumberFor<T>,
>;
/// A trade as the runtime API returns it.
pub type TradeInfoOf<T> =
	TradeInfo<<T as frame_system::Config>::AccountId, AssetIdOf<T>, BlockNumberFor<T>>;

impl<T: Config> Pallet<T> {
	fn shortfall_of(r: &ResourceOf<T>) -> Amount {
		r.asset().map(T::Assets::shortfall).unwrap_or(0)
	}

	fn details(id: OfferId, o: OfferOf<T>) -> OfferInfoOf<T> {
		OfferInfo {
			id,
			pay_shortfall: Self::shortfall_of(&o.pay),
			receive_shortfall: Self::shortfall_of(&o.receive),
			offerer: o.offerer,
			pay: o.pay,
			receive: o.receive,
			ratio: o.ratio,
			amount: o.amount,
			remaining: o.remaining,
			min_fill: o.min_fill,
			expiry: o.expiry,
			bond: o.bond,
		}
	}

	/// An open offer by id.
	pub fn offer(id: OfferId) -> Option<OfferInfoOf<T>> {
		Offers::<T>::get(id).map(|o| Self::details(id, o))
	}

	/// Open offers paying `pay` for `receive`, in id order, with ids above `start_after`
	/// (which need not be open any more), at most `limit`.
	pub fn offers_by_pair(
		pay: ResourceOf<T>,
		receive: ResourceOf<T>,
		start_after: Option<OfferId>,
		limit: u32,
	) -> Vec<OfferInfoOf<T>> {
		let limit = limit.min(MAX_PAGE) as usize;
		let keys: Vec<IdKey> = match start_after {
			// The cursor's key is computed, not looked up: a closed offer still marks the place.
			Some(after) => OffersByPair::<T>::iter_key_prefix_from(
				(&pay, &receive),
				OffersByPair::<T>::hashed_key_for((&pay, &receive, id_key(after))),
			)
			.take(limit)
			.collect(),
			None => OffersByPair::<T>::iter_key_prefix((&pay, &receive)).take(limit).collect(),
		};
		keys.into_iter().filter_map(|k| Self::offer(OfferId::from_be_bytes(k))).collect()
	}

	/// Open offers of `issuer` that buy its own coin back: what it receives is an asset it
	/// issues. Empty when it keeps none.
	pub fn buy_back_offers(issuer: T::AccountId) -> Vec<OfferId> {
		OffersByAccount::<T>::iter_key_prefix(&issuer)
			.filter(|id| {
				Offers::<T>::get(id)
					.and_then(|o| o.receive.asset().and_then(T::Assets::issuer))
					.is_some_and(|i| i == issuer)
			})
			.collect()
	}

	/// Pending trades of `who` (as offerer or acceptor), in id order, with ids above
	/// `start_after` (which need not be pending any more), at most `limit`.
	pub fn trades_of(
		who: T::AccountId,
		start_after: Option<TradeId>,
		limit: u32,
	) -> Vec<TradeInfoOf<T>> {
		let limit = limit.min(MAX_PAGE) as usize;
		let keys: Vec<IdKey> = match start_after {
			Some(after) => TradesByAccount::<T>::iter_key_prefix_from(
				&who,
				TradesByAccount::<T>::hashed_key_for(&who, id_key(after)),
			)
			.take(limit)
			.collect(),
			None => TradesByAccount::<T>::iter_key_prefix(&who).take(limit).collect(),
		};
		keys.into_iter()
			.map(TradeId::from_be_bytes)
			.filter_map(|id| {
				Trades::<T>::get(id).map(|t| TradeInfo {
					id,
					offer: t.offer,
					offerer: t.offerer,
					acceptor: t.acceptor,
					give: t.give,
					take: t.take,
					deadline: t.deadline,
				})
			})
			.collect()
	}

	/// Open offers, settled trades, defaults and disputes of `who` (zeros without a record).
	pub fn stats(who: T::AccountId) -> AccountStats {
		Stats::<T>::get(who).map(|r| r.stats).unwrap_or_default()
	}

	/// The resources `who` registered.
	pub fn registered(who: T::AccountId) -> Vec<ResourceOf<T>> {
		Registered::<T>::get(who).map(|(r, _)| r.into_inner()).unwrap_or_default()
	}
}
