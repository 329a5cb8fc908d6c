//! What the trade market asks of a codcoin, besides [`utxo_core::CoinLedger`] (in
//! `ledger.rs`): balances by holder. Escrowed units stay in supply and come back out as new
//! coins.

use crate::{
	pallet::{Config, HeldTotals, Pallet},
	types::*,
};

impl<T: Config> Pallet<T> {
	/// Units of `issuer`'s coin that `holder` holds (stored, not summed).
	pub fn balance_of(holder: &T::AccountId, issuer: &T::AccountId) -> Units {
		HeldTotals::<T>::get(holder, issuer)
	}
}
