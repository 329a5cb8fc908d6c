//! Invariants checked by `try_state` (and by every unit test after each step).

use alloc::collections::{BTreeMap, BTreeSet};
use frame_support::{ensure, traits::fungible::InspectHold};
use sp_runtime::{traits::Zero, Saturating, TryRuntimeError};

use crate::{
	pallet::{
		AssetIdOf, BalanceOf, Config, Expiring, HoldReason, NextOfferId, NextTradeId, Offers,
		OffersByAccount, OffersByPair, Registered, Stats, Trades, TradesByAccount,
	},
	types::*,
	OnChainAssets, Pallet,
};

impl<T: Config> Pallet<T> {
	/// - escrow, both ways: for every (asset, owner) the asset keeps in escrow, the amount
	///   equals the remaining amounts of the owner's open offers plus its on-chain legs of
	///   pending trades, and every such sum is in escrow;
	/// - deposits and bonds: each account's `Deposit` hold is the sum of its offers', pending
	///   trades' (as acceptor), registration's and record's deposits; its `Bond` hold is the
	///   bond of every unconfirmed off-chain leg it pays;
	/// - every open offer has remaining > 0 and ≤ its amount, ids below the counters, is
	///   indexed by pair and by offerer, and sits in the queue of its expiry block (unless that
	///   block has passed); the indices list only open offers; no expiry queue is empty;
	/// - each account's open-offer count matches its offers, and every offerer and party to a
	///   pending trade has a record;
	/// - every pending trade is indexed under both parties and has a leg not done.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let now = frame_system::Pallet::<T>::block_number();
		let mut escrow: BTreeMap<(AssetIdOf<T>, T::AccountId), u128> = BTreeMap::new();
		let mut add = |asset: &AssetIdOf<T>, owner: &T::AccountId, amount: u128| {
			let e = escrow.entry((asset.clone(), owner.clone())).or_default();
			*e = e.saturating_add(amount);
		};
		let mut deposits: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut bonds: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let owe = |map: &mut BTreeMap<T::AccountId, BalanceOf<T>>,
		           who: &T::AccountId,
		           amount: BalanceOf<T>| {
			let e = map.entry(who.clone()).or_insert_with(Zero::zero);
			*e = e.saturating_add(amount);
		};

		let mut per_account: BTreeMap<T::AccountId, u32> = BTreeMap::new();
		let next_offer = NextOfferId::<T>::get();
		for (id, o) in Offers::<T>::iter() {
			ensure!(id < next_offer, "an offer id from the future");
			ensure!(o.remaining > 0, "an open offer with nothing left");
			ensure!(o.remaining <= o.amount, "an offer with more left than offered");
			ensure!(
				OffersByPair::<T>::contains_key((&o.pay, &o.receive, id_key(id))),
				"an offer missing from the pair index"
			);
			ensure!(
				OffersByAccount::<T>::contains_key(&o.offerer, id),
				"an offer missing from the account index"
			);
			ensure!(
				o.expiry <= now
					|| Self::is_standing(o.expiry)
					|| Expiring::<T>::get(o.expiry).contains(&id),
				"an offer missing from its expiry queue"
			);
			if let Some(asset) = o.pay.asset() {
				add(asset, &o.offerer, o.remaining);
			}
			owe(&mut deposits, &o.offerer, o.deposit);
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
		for (_, queue) in Expiring::<T>::iter() {
			ensure!(!queue.is_empty(), "an empty expiry queue is left in storage");
		}

		let mut parties = BTreeSet::new();
		let mut indexed = 0usize;
		let next_trade = NextTradeId::<T>::get();
		for (id, t) in Trades::<T>::iter() {
			ensure!(id < next_trade, "a trade id from the future");
			ensure!(!(t.give.is_done() && t.take.is_done()), "a settled trade is still pending");
			ensure!(
				TradesByAccount::<T>::contains_key(&t.offerer, id_key(id))
					&& TradesByAccount::<T>::contains_key(&t.acceptor, id_key(id)),
				"a trade missing from a party's index"
			);
			indexed += 2;
			if let Some(asset) = t.give.resource.asset() {
				add(asset, &t.offerer, t.give.amount);
			}
			if let Some(asset) = t.take.resource.asset() {
				add(asset, &t.acceptor, t.take.amount);
			}
			owe(&mut deposits, &t.acceptor, t.deposit);
			for (leg, payer) in [(&t.give, &t.offerer), (&t.take, &t.acceptor)] {
				if matches!(leg.status, LegStatus::Awaiting | LegStatus::Sent { .. }) {
					owe(&mut bonds, payer, t.bond);
				}
			}
			parties.insert(t.offerer);
			parties.insert(t.acceptor);
		}
		ensure!(TradesByAccount::<T>::iter_keys().count() == indexed, "a stale trade index entry");

		for (who, record) in Stats::<T>::iter() {
			let open = per_account.remove(&who).unwrap_or(0);
			ensure!(record.stats.open_offers == open, "open-offer count is off");
			owe(&mut deposits, &who, record.deposit);
			parties.remove(&who);
		}
		ensure!(per_account.is_empty(), "offers of an account with no record");
		ensure!(parties.is_empty(), "a party to a pending trade has no record");
		for (who, (_, deposit)) in Registered::<T>::iter() {
			owe(&mut deposits, &who, deposit);
		}

		for (who, expected) in deposits {
			let held = T::Currency::balance_on_hold(&HoldReason::Deposit.into(), &who);
			ensure!(held == expected, "deposit hold != offers + trades + registration + record");
			// Every account holding bonds has a record, so it is visited here.
			let bond = bonds.remove(&who).unwrap_or_else(Zero::zero);
			let held = T::Currency::balance_on_hold(&HoldReason::Bond.into(), &who);
			ensure!(held == bond, "bond hold != bonds of the legs it pays");
		}
		ensure!(bonds.is_empty(), "a bond payer holds no deposit");

		for (asset, owner, amount) in T::Assets::escrow_entries() {
			let expected = escrow.remove(&(asset, owner)).unwrap_or(0);
			ensure!(amount == expected, "escrow != open offers + pending legs");
		}
		for ((asset, owner), expected) in escrow {
			ensure!(
				T::Assets::escrowed(&asset, &owner) == expected,
				"open offers + pending legs are not in escrow"
			);
		}
		Ok(())
	}
}
