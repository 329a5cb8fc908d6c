//! Read-only queries behind the runtime API (`pallet-codcoin-runtime-api`).

use alloc::vec::Vec;
use frame_system::pallet_prelude::BlockNumberFor;

use crate::{
	pallet::{Claims, Coins, Config, Escrow, Holdings, Issuers, Pallet},
	types::*,
};

/// Most coins one page of [`Pallet::coins_of`] returns, whatever the caller asks.
pub const MAX_PAGE: u32 = 1000;

impl<T: Config> Pallet<T> {
	/// Coins held by `holder` (of every issuer), in storage order, after `start_after`
	/// (exclusive), at most `limit`.
	pub fn coins_of(
		holder: T::AccountId,
		start_after: Option<CoinId>,
		limit: u32,
	) -> Vec<CoinDetails<T::AccountId>> {
		let limit = limit.min(MAX_PAGE) as usize;
		let keys: Vec<(T::AccountId, CoinId)> = match start_after.and_then(|after| {
			Coins::<T>::get(after)
				.map(|c| Holdings::<T>::hashed_key_for((&holder, &c.issuer, after)))
		}) {
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

	/// Supply, cap, shortfall, escrow and number of claims of `issuer` (all zero for an account
	/// that never declared a claim).
	pub fn issuer_summary(issuer: T::AccountId) -> IssuerSummary {
		let Some(info) = Issuers::<T>::get(&issuer) else { return IssuerSummary::default() };
		let cap = Self::cap(&issuer);
		IssuerSummary {
			supply: info.supply,
			cap,
			shortfall: info.supply.saturating_sub(cap),
			escrowed: Escrow::<T>::iter_prefix_values(&issuer)
				.fold(0u128, |acc, e| acc.saturating_add(e)),
			claims: Claims::<T>::decode_len(&issuer).unwrap_or(0) as u32,
		}
	}

	/// Every claim of `issuer`, live or not.
	pub fn claims_of(issuer: T::AccountId) -> Vec<ClaimDetails<T::AccountId, BlockNumberFor<T>>> {
		let now = frame_system::Pallet::<T>::block_number();
		Claims::<T>::get(&issuer)
			.into_iter()
			.map(|c| ClaimDetails {
				id: c.id,
				kind: c.kind,
				value: c.value,
				live: c.is_live(&now),
				expiry: c.expiry,
				attestor: c.attestor,
				attested: c.attested,
			})
			.collect()
	}
}
