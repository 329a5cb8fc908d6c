//! Read-only queries behind the runtime API (`pallet-timecoin-runtime-api`).

use alloc::vec::Vec;

use crate::{
	pallet::{
		Appointments, Coins, Config, HeldTotals, History, Holdings, Issuers, Pallet, Schedules,
	},
	types::*,
};

/// Most items one page returns, whatever the caller asks.
pub const MAX_PAGE: u32 = 1000;

utxo_core::impl_coin_queries!(amount: Seconds, max_page: MAX_PAGE);

impl<T: Config> Pallet<T> {
	/// Capacity, outstanding seconds, no-shows and open appointments of `issuer` (all zero for an
	/// account that never declared a capacity).
	pub fn issuer_summary(issuer: T::AccountId) -> IssuerSummary {
		let appointments = Schedules::<T>::decode_len(&issuer).unwrap_or(0) as u32;
		Issuers::<T>::get(&issuer)
			.map(|i| IssuerSummary {
				capacity: i.capacity,
				outstanding: i.outstanding,
				no_shows: i.no_shows,
				disputes: i.disputes,
				appointments,
			})
			.unwrap_or_default()
	}

	/// Open appointments of `issuer` that intersect `[from, to)`, by begin time.
	pub fn appointments_of(
		issuer: T::AccountId,
		from: Seconds,
		to: Seconds,
	) -> Vec<AppointmentInfo<T::AccountId>> {
		Schedules::<T>::get(&issuer)
			.into_iter()
			.filter(|&(begin, end, _)| begin < to && end > from)
			.filter_map(|(_, _, id)| {
				Appointments::<T>::get(id).map(|a| AppointmentInfo {
					id,
					issuer: a.issuer,
					holder: a.holder,
					begin: a.begin,
					end: a.end,
					status: a.status,
				})
			})
			.collect()
	}

	/// The last closed appointments of `issuer` (at most `MaxHistory`), oldest first: how each
	/// ended (settled, cancelled, no-show, disputed) and when.
	pub fn exercise_history(issuer: T::AccountId) -> Vec<ExerciseRecord<T::AccountId>> {
		History::<T>::get(issuer).into_inner()
	}
}
