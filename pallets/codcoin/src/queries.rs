//! Read-only queries behind the runtime API (`pallet-codcoin-runtime-api`).

use alloc::vec::Vec;
use frame_system::pallet_prelude::BlockNumberFor;

use crate::{
	pallet::{Claims, Coins, Config, EscrowTotals, HeldTotals, Holdings, Issuers, Pallet},
	types::*,
};

/// Most items one page returns, whatever the caller asks.
pub const MAX_PAGE: u32 = 1000;

utxo_core::impl_coin_queries!(amount: Units, max_page: MAX_PAGE);

impl<T: Config> Pallet<T> {
	/// Supply, cap, shortfall, escrow and number of claims of `issuer` (all zero for an account
	/// that never declared a claim).
	pub fn issuer_summary(issuer: T::AccountId) -> IssuerSummary {
		let Some(info) = Issuers::<T>::get(&issuer) else { return IssuerSummary::default() };
		let cap = Self::cap(&issuer);
		IssuerSummary {
			supply: info.supply,
			cap,
			shortfall: info.supply.saturating_sub(cap),
			escrowed: EscrowTotals::<T>::get(&issuer),
			claims: Claims::<T>::decode_len(&issuer).unwrap_or(0) as u32,
		}
	}

	/// Every claim of `issuer`, live or not.
	pub fn claims_of(issuer: T::AccountId) -> Vec<ClaimInfo<T::AccountId, BlockNumberFor<T>>> {
		let now = frame_system::Pallet::<T>::block_number();
		Claims::<T>::get(&issuer)
			.into_iter()
			.map(|c| ClaimInfo {
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
