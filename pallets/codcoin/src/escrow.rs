//! What the trade market needs from a codcoin: move units between accounts and into and out of
//! escrow by amount, choosing the coins itself. Escrowed units stay in supply and come back out
//! as new coins.

use alloc::vec::Vec;
use frame_support::{ensure, pallet_prelude::*};
use utxo_core::{select_coins, SelectError};

use crate::{
	pallet::{Coins, Config, Error, Escrow, Event, Holdings, Pallet},
	pour::Burn,
	types::*,
};

impl<T: Config> Pallet<T> {
	/// Units of `issuer`'s coin that `holder` holds.
	pub fn balance_of(holder: &T::AccountId, issuer: &T::AccountId) -> Units {
		Holdings::<T>::iter_key_prefix((holder, issuer))
			.filter_map(Coins::<T>::get)
			.fold(0u128, |acc, c| acc.saturating_add(c.amount))
	}

	/// Units of `issuer`'s coin held in escrow for `owner`.
	pub fn escrowed(issuer: &T::AccountId, owner: &T::AccountId) -> Units {
		Escrow::<T>::get(issuer, owner)
	}

	/// Moves `amount` units of `issuer`'s coin from `owner`'s coins into escrow; change comes
	/// back to `owner` as a new coin.
	pub fn escrow_lock(
		issuer: &T::AccountId,
		owner: &T::AccountId,
		amount: Units,
	) -> DispatchResult {
		ensure!(amount > 0, Error::<T>::ZeroAmountOutput);
		let (inputs, total) = Self::select(owner, issuer, amount)?;
		let outputs = Self::with_change(owner, None, total.saturating_sub(amount));
		Self::do_pour(owner, issuer, &inputs, &outputs, 0, Burn::Escrow(amount)).map(|_| ())
	}

	/// Pays `amount` units out of `owner`'s escrow of `issuer`'s coin as a new coin held by `to`,
	/// whose storage deposit `payer` provides.
	pub fn escrow_unlock(
		issuer: &T::AccountId,
		owner: &T::AccountId,
		to: &T::AccountId,
		amount: Units,
		payer: &T::AccountId,
	) -> Result<CoinId, DispatchError> {
		ensure!(amount > 0, Error::<T>::ZeroAmountOutput);
		let left = Escrow::<T>::get(issuer, owner)
			.checked_sub(amount)
			.ok_or(Error::<T>::InsufficientEscrow)?;
		if left == 0 {
			Escrow::<T>::remove(issuer, owner);
		} else {
			Escrow::<T>::insert(issuer, owner, left);
		}
		let pour_id = Self::next_pour_id();
		let coin = Self::create_coin(pour_id, 0, issuer, to, amount, payer)?;
		Self::deposit_event(Event::EscrowReleased {
			issuer: issuer.clone(),
			owner: owner.clone(),
			to: to.clone(),
			coin,
			amount,
		});
		Ok(coin)
	}

	/// Pays `amount` units of `issuer`'s coin from `from` to `to`, choosing `from`'s coins; a
	/// re-mint with change, exactly as [`pay`](Pallet::pay) with the inputs picked for the caller.
	pub fn transfer_units(
		from: &T::AccountId,
		issuer: &T::AccountId,
		to: &T::AccountId,
		amount: Units,
	) -> DispatchResult {
		ensure!(amount > 0, Error::<T>::ZeroAmountOutput);
		let (inputs, total) = Self::select(from, issuer, amount)?;
		let outputs =
			Self::with_change(from, Some((to.clone(), amount)), total.saturating_sub(amount));
		Self::do_pour(from, issuer, &inputs, &outputs, 0, Burn::None).map(|_| ())
	}

	/// Coins of `issuer` held by `holder` summing to at least `amount`, in storage order, at
	/// most `MaxInputs` of them, with their sum.
	fn select(
		holder: &T::AccountId,
		issuer: &T::AccountId,
		amount: Units,
	) -> Result<(Vec<CoinId>, Units), DispatchError> {
		let coins = Holdings::<T>::iter_key_prefix((holder, issuer))
			.filter_map(|id| Coins::<T>::get(id).map(|c| (id.0, c.amount)));
		let (ids, total) =
			select_coins(coins, amount, T::MaxInputs::get()).map_err(|e| match e {
				SelectError::Insufficient => Error::<T>::InsufficientBalance,
				SelectError::TooFragmented => Error::<T>::TooFragmented,
				SelectError::Overflow => Error::<T>::Overflow,
			})?;
		Ok((ids.into_iter().map(CoinId::from).collect(), total))
	}
}
