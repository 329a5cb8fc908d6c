//! Invariants checked by `try_state` (and by every unit test after each step).

use alloc::collections::BTreeMap;
use sp_runtime::TryRuntimeError;

use crate::pallet::{Appointments, Coins, Config, Escrow, Holdings, Issuers, Pallet, Schedules};

impl<T: Config> Pallet<T> {
	/// - for each issuer, `outstanding == sum(live coins) + sum(open appointment seconds) +
	///   sum(market escrow)`, and
	///   `outstanding <= capacity`;
	/// - the holder index and the coin store agree, entry for entry;
	/// - every schedule is sorted, disjoint, and lists exactly the issuer's open appointments.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let mut owed: BTreeMap<T::AccountId, u128> = BTreeMap::new();
		for (id, coin) in Coins::<T>::iter() {
			ensure_that(coin.amount > 0, "a live coin of zero seconds")?;
			ensure_that(
				Holdings::<T>::contains_key((&coin.holder, &coin.issuer, id)),
				"a coin missing from the holder index",
			)?;
			*owed.entry(coin.issuer).or_default() += coin.amount as u128;
		}
		for ((holder, issuer, id), ()) in Holdings::<T>::iter() {
			let coin = Coins::<T>::get(id).ok_or("the holder index lists a spent coin")?;
			ensure_that(
				coin.holder == holder && coin.issuer == issuer,
				"the holder index names the wrong holder or issuer",
			)?;
		}
		for (issuer, _owner, seconds) in Escrow::<T>::iter() {
			ensure_that(seconds > 0, "an empty escrow entry")?;
			*owed.entry(issuer).or_default() += seconds as u128;
		}

		let mut open = 0usize;
		for (issuer, schedule) in Schedules::<T>::iter() {
			let mut last_end = 0;
			for &(begin, end, id) in schedule.iter() {
				ensure_that(begin < end && begin >= last_end, "overlapping or unsorted schedule")?;
				last_end = end;
				let a =
					Appointments::<T>::get(id).ok_or("a schedule lists a closed appointment")?;
				ensure_that(
					a.issuer == issuer && a.begin == begin && a.end == end,
					"schedule and appointment disagree",
				)?;
				*owed.entry(issuer.clone()).or_default() += a.seconds() as u128;
				open += 1;
			}
		}
		ensure_that(open == Appointments::<T>::iter().count(), "an unscheduled appointment")?;

		for (issuer, info) in Issuers::<T>::iter() {
			let due = owed.remove(&issuer).unwrap_or(0);
			ensure_that(due == info.outstanding as u128, "outstanding != coins + appointments")?;
			ensure_that(info.outstanding <= info.capacity, "outstanding above capacity")?;
		}
		ensure_that(owed.is_empty(), "coins of an issuer with no record")
	}
}

fn ensure_that(ok: bool, what: &'static str) -> Result<(), TryRuntimeError> {
	if ok {
		Ok(())
	} else {
		Err(what.into())
	}
}
