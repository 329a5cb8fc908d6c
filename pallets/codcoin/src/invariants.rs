//! Invariants checked by `try_state` (and by every unit test after each step).

use alloc::collections::BTreeMap;
use frame_support::ensure;
use sp_runtime::TryRuntimeError;

use crate::pallet::{Claims, Coins, Config, Escrow, Holdings, Issuers, NextClaimId, Pallet};

impl<T: Config> Pallet<T> {
	/// - for each issuer, `supply == sum(live coins) + sum(escrow)`;
	/// - no live coin of zero units, and every coin belongs to a recorded issuer;
	/// - the holder index and the coin store agree, entry for entry;
	/// - claim ids are below `NextClaimId` and claims exist only for recorded issuers.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let mut owed: BTreeMap<T::AccountId, u128> = BTreeMap::new();
		let mut coins = 0usize;
		for (id, coin) in Coins::<T>::iter() {
			ensure!(coin.amount > 0, "a live coin of zero units");
			ensure!(
				Holdings::<T>::contains_key((&coin.holder, &coin.issuer, id)),
				"a coin missing from the holder index",
			);
			let due = owed.entry(coin.issuer).or_default();
			*due = due.checked_add(coin.amount).ok_or("supply overflows")?;
			coins += 1;
		}
		ensure!(Holdings::<T>::iter_keys().count() == coins, "the holder index lists a spent coin");
		for (issuer, _owner, units) in Escrow::<T>::iter() {
			ensure!(units > 0, "an empty escrow entry");
			let due = owed.entry(issuer).or_default();
			*due = due.checked_add(units).ok_or("supply overflows")?;
		}
		for (issuer, info) in Issuers::<T>::iter() {
			let due = owed.remove(&issuer).unwrap_or(0);
			ensure!(due == info.supply, "supply != coins + escrow");
		}
		ensure!(owed.is_empty(), "coins of an issuer with no record");

		let next = NextClaimId::<T>::get();
		for (issuer, claims) in Claims::<T>::iter() {
			ensure!(Issuers::<T>::contains_key(&issuer), "claims of an issuer with no record");
			ensure!(claims.iter().all(|c| c.id < next), "a claim id from the future");
		}
		Ok(())
	}
}
