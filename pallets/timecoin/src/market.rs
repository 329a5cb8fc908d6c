//! What the trade market asks of a timecoin, besides [`utxo_core::CoinLedger`] (in
//! `ledger.rs`): balances by holder. Escrowed seconds stay outstanding (the
//! issuer still owes them) and come back out as new coins.

use crate::{
	pallet::{Config, HeldTotals, Pallet},
	types::*,
};

impl<T: Config> Pallet<T> {
	/// Seconds of `issuer`'s time in coins held by `holder` (stored, not summed).
	pub fn balance_of(holder: &T::AccountId, issuer: &T::AccountId) -> Seconds {
		HeldTotals::<T>::get(holder, issuer)
	}
}
