//! Invariants checked by `try_state` (and by every unit test after each step).

use alloc::collections::BTreeMap;
use frame_support::traits::{fungible::InspectHold, Get};
use sp_runtime::{traits::Zero, Saturating, TryRuntimeError};

use crate::pallet::{
	Appointments, BalanceOf, Config, History, HoldReason, Holders, Issuers, NextAppointmentId,
	OpenBookings, Pallet, Schedules,
};

impl<T: Config> Pallet<T> {
	/// - for each issuer, `outstanding == sum(live coins) + sum(open appointment seconds) +
	///   sum(market escrow)`, and `outstanding <= capacity`;
	/// - the ledger's own (`ledger_try_state`): coins, indices, stored balances and escrow
	///   totals agree; appointment ids were handed out by the counter;
	/// - every schedule is sorted, disjoint, and lists exactly the issuer's open appointments;
	/// - open bookings per (issuer, holder) and per holder match the appointments, within
	///   `MaxOpenPerHolder`; a holder record exists only with open appointments or disputes;
	///   histories belong to issuers with a record;
	/// - deposits: each account's `CoinDeposit` hold is the deposits of the coins it paid for
	///   plus its open appointments', its `IssuerDeposit` and `HolderDeposit` holds those of its
	///   records.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let totals = Self::ledger_try_state()?;
		let mut owed = totals.owed;
		let mut coin_deposits = totals.coin_deposits;
		let mut add = |who: &T::AccountId, amount: BalanceOf<T>| {
			let e = coin_deposits.entry(who.clone()).or_insert_with(Zero::zero);
			*e = e.saturating_add(amount);
		};

		let mut open = 0usize;
		let mut bookings: BTreeMap<(T::AccountId, T::AccountId), u32> = BTreeMap::new();
		let mut per_holder: BTreeMap<T::AccountId, u32> = BTreeMap::new();
		let next_appointment = NextAppointmentId::<T>::get();
		for (issuer, schedule) in Schedules::<T>::iter() {
			ensure_that(!schedule.is_empty(), "an empty schedule is left in storage")?;
			let mut last_end = 0;
			for &(begin, end, id) in schedule.iter() {
				ensure_that(begin < end && begin >= last_end, "overlapping or unsorted schedule")?;
				ensure_that(id < next_appointment, "an appointment id from the future")?;
				last_end = end;
				let a =
					Appointments::<T>::get(id).ok_or("a schedule lists a closed appointment")?;
				ensure_that(
					a.issuer == issuer && a.begin == begin && a.end == end,
					"schedule and appointment disagree",
				)?;
				*owed.entry(issuer.clone()).or_default() += a.seconds() as u128;
				*bookings.entry((issuer.clone(), a.holder.clone())).or_default() += 1;
				*per_holder.entry(a.holder.clone()).or_default() += 1;
				add(&a.holder, a.deposit);
				open += 1;
			}
		}
		ensure_that(open == Appointments::<T>::iter().count(), "an unscheduled appointment")?;
		for (issuer, holder, n) in OpenBookings::<T>::iter() {
			let expected = bookings.remove(&(issuer, holder)).unwrap_or(0);
			ensure_that(n == expected && n > 0, "open bookings != the holder's appointments")?;
			ensure_that(n <= T::MaxOpenPerHolder::get(), "a holder above its booking cap")?;
		}
		ensure_that(bookings.is_empty(), "appointments missing from the open bookings")?;
		for (holder, record) in Holders::<T>::iter() {
			let expected = per_holder.remove(&holder).unwrap_or(0);
			ensure_that(record.open == expected, "a holder record's open count is off")?;
			ensure_that(record.open > 0 || record.disputes > 0, "an empty holder record")?;
			let held = T::Currency::balance_on_hold(&HoldReason::HolderDeposit.into(), &holder);
			ensure_that(held == record.deposit, "holder deposit hold != its record's deposit")?;
		}
		ensure_that(per_holder.is_empty(), "a holder with appointments and no record")?;

		for (issuer, info) in Issuers::<T>::iter() {
			let due = owed.remove(&issuer).unwrap_or(0);
			ensure_that(due == info.outstanding as u128, "outstanding != coins + appointments")?;
			ensure_that(info.outstanding <= info.capacity, "outstanding above capacity")?;
			let held = T::Currency::balance_on_hold(&HoldReason::IssuerDeposit.into(), &issuer);
			ensure_that(held == info.deposit, "issuer deposit hold != its record's deposit")?;
		}
		ensure_that(owed.is_empty(), "coins of an issuer with no record")?;
		for (issuer, _) in History::<T>::iter() {
			ensure_that(Issuers::<T>::contains_key(&issuer), "history of an unknown issuer")?;
		}
		for (who, expected) in coin_deposits {
			let held = T::Currency::balance_on_hold(&HoldReason::CoinDeposit.into(), &who);
			ensure_that(held == expected, "coin deposit hold != coins + appointments it paid")?;
		}
		Ok(())
	}
}

fn ensure_that(ok: bool, what: &'static str) -> Result<(), TryRuntimeError> {
	if ok {
		Ok(())
	} else {
		Err(what.into())
	}
}
