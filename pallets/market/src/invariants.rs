//! Invariants checked by `try_state` (and by every unit test after each step).

use alloc::collections::BTreeMap;
use frame_support::ensure;
use sp_runtime::TryRuntimeError;

use crate::{
	pallet::{
		AssetIdOf, Config, Expiring, Offers, OffersByAccount, OffersByPair, Stats, Trades,
		TradesByAccount,
	},
	OnChainAssets, Pallet,
};

impl<T: Config> Pallet<T> {
	/// - escrow: for every (asset, owner), what the asset pallet holds in escrow equals the
	///   remaining amounts of the owner's open offers plus its on-chain legs of pending trades;
	/// - every open offer has remaining > 0, is indexed by pair and by offerer, and sits in the
	///   expiry queue of its expiry block (unless that block has passed); the indices list only
	///   open offers;
	/// - each account's open-offer count matches its offers;
	/// - every pending trade is indexed under both parties and has an unconfirmed leg.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let now = frame_system::Pallet::<T>::block_number();
		let mut escrow: BTreeMap<(AssetIdOf<T>, T::AccountId), u128> = BTreeMap::new();
		let mut add = |asset: &AssetIdOf<T>, owner: &T::AccountId, amount: u128| {
			let e = escrow.entry((asset.clone(), owner.clone())).or_default();
			*e = e.saturating_add(amount);
		};
		let mut per_account: BTreeMap<T::AccountId, u32> = BTreeMap::new();
		for (id, o) in Offers::<T>::iter() {
			ensure!(o.remaining > 0, "an open offer with nothing left");
			ensure!(
				OffersByPair::<T>::contains_key((&o.pay, &o.receive, id)),
				"an offer missing from the pair index"
			);
			ensure!(
				OffersByAccount::<T>::contains_key(&o.offerer, id),
				"an offer missing from the account index"
			);
			ensure!(
				o.expiry <= now || Expiring::<T>::get(o.expiry).contains(&id),
				"an offer missing from its expiry queue"
			);
			if let Some(asset) = o.pay.asset() {
				add(asset, &o.offerer, o.remaining);
			}
			*per_account.entry(o.offerer).or_default() += 1;
		}
		let offers = Offers::<T>::iter_keys().count();
		ensure!(
			OffersByPair::<T>::iter_keys().count() == offers,
			"the pair index lists a closed offer"
		);
		ensure!(
			OffersByAccount::<T>::iter_keys().count() == offers,
			"the account index lists a closed offer"
		);
		for (who, stats) in Stats::<T>::iter() {
			let open = per_account.remove(&who).unwrap_or(0);
			ensure!(stats.open_offers == open, "open-offer count is off");
		}
		ensure!(per_account.is_empty(), "offers of an account with no stats");

		let mut indexed = 0usize;
		for (id, t) in Trades::<T>::iter() {
			ensure!(!(t.give.confirmed && t.take.confirmed), "a settled trade is still pending");
			ensure!(
				TradesByAccount::<T>::contains_key(&t.offerer, id)
					&& TradesByAccount::<T>::contains_key(&t.acceptor, id),
				"a trade missing from a party's index"
			);
			indexed += 2;
			if let Some(asset) = t.give.resource.asset() {
				add(asset, &t.offerer, t.give.amount);
			}
			if let Some(asset) = t.take.resource.asset() {
				add(asset, &t.acceptor, t.take.amount);
			}
		}
		ensure!(TradesByAccount::<T>::iter_keys().count() == indexed, "a stale trade index entry");

		for ((asset, owner), expected) in escrow {
			ensure!(
				T::Assets::escrowed(&asset, &owner) == expected,
				"escrow != open offers + pending legs"
			);
		}
		Ok(())
	}
}
