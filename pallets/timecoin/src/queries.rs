//! Read-only queries behind the runtime API (`pallet-timecoin-runtime-api`).

use alloc::vec::Vec;

use crate::{
	pallet::{Appointments, Coins, Config, Holdings, Issuers, Pallet, Schedules},
	types::*,
};

/// Most coins one page of [`Pallet::coins_of`] returns, whatever the caller asks.
pub const MAX_PAGE: u32 = 1000;

impl<T: Config> Pallet<T> {
	/// Coins held by `holder`, in storage order, after `start_after` (exclusive), at most `limit`.
	pub fn coins_of(
		holder: T::AccountId,
		start_after: Option<CoinId>,
		limit: u32,
	) -> Vec<CoinDetails<T::AccountId>> {
		let limit = limit.min(MAX_PAGE) as usize;
		let from = start_after.and_then(|after| {
			Coins::<T>::get(after)
				.map(|c| Holdings::<T>::hashed_key_for((&holder, &c.issuer, after)))
		});
		let keys: Vec<(T::AccountId, CoinId)> = match from {
			Some(from) => {
				Holdings::<T>::iter_key_prefix_from((&holder,), from).take(limit).collect()
			},
			None => Holdings::<T>::iter_key_prefix((&holder,)).take(limit).collect(),
		};
		keys.into_iter().filter_map(|(_, id)| Self::coin(id)).collect()
	}

	/// A live coin by id.
	pub fn coin(id: CoinId) -> Option<CoinDetails<T::AccountId>> {
		Coins::<T>::get(id).map(|c| CoinDetails {
			id,
			pour_id: c.pour_id,
			issuer: c.issuer,
			holder: c.holder,
			amount: c.amount,
		})
	}

	/// Capacity, outstanding seconds, no-shows and open appointments of `issuer` (all zero for an
	/// account that never declared a capacity).
	pub fn issuer_summary(issuer: T::AccountId) -> IssuerSummary {
		let appointments = Schedules::<T>::decode_len(&issuer).unwrap_or(0) as u32;
		Issuers::<T>::get(&issuer)
			.map(|i| IssuerSummary {
				capacity: i.capacity,
				outstanding: i.outstanding,
				no_shows: i.no_shows,
				contested: i.contested,
				appointments,
			})
			.unwrap_or_default()
	}

	/// Open appointments of `issuer` that intersect `[from, to)`, by begin time.
	pub fn appointments_of(
		issuer: T::AccountId,
		from: Seconds,
		to: Seconds,
	) -> Vec<AppointmentDetails<T::AccountId>> {
		Schedules::<T>::get(&issuer)
			.into_iter()
			.filter(|&(begin, end, _)| begin < to && end > from)
			.filter_map(|(_, _, id)| {
				Appointments::<T>::get(id).map(|a| AppointmentDetails {
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
}
