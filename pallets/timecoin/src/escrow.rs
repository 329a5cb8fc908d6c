//! What the trade market needs from a timecoin: move seconds between accounts and into and out
//! of escrow by amount, choosing the coins itself. Escrowed seconds stay outstanding (the
//! issuer still owes them) and come back out as new coins.

use alloc::vec::Vec;
use frame_support::{ensure, pallet_prelude::*};
use utxo_core::{select_coins, SelectError};

use crate::{
	pallet::{Coins, Config, Error, Escrow, Event, Holdings, Pallet},
	types::*,
	COIN_ID_DOMAIN,
};

impl<T: Config> Pallet<T> {
	/// Seconds of `issuer`'s time in coins held by `holder`.
	pub fn balance_of(holder: &T::AccountId, issuer: &T::AccountId) -> Seconds {
		Holdings::<T>::iter_key_prefix((holder, issuer))
			.filter_map(Coins::<T>::get)
			.fold(0, |acc: Seconds, c| acc.saturating_add(c.amount))
	}

	/// Seconds of `issuer`'s time held in escrow for `owner`.
	pub fn escrowed(issuer: &T::AccountId, owner: &T::AccountId) -> Seconds {
		Escrow::<T>::get(issuer, owner)
	}

	/// Moves `amount` seconds of `issuer`'s coins held by `owner` into escrow; change comes back
	/// to `owner` as a new coin.
	pub fn escrow_lock(
		issuer: &T::AccountId,
		owner: &T::AccountId,
		amount: Seconds,
	) -> DispatchResult {
		ensure!(amount > 0, Error::<T>::ZeroAmountOutput);
		let (inputs, total) = Self::select(owner, issuer, amount)?;
		let outputs = Self::with_change(owner, None, total.saturating_sub(amount));
		Self::do_pour(owner, issuer, &inputs, &outputs, 0, None, amount).map(|_| ())
	}

	/// Pays `amount` seconds out of `owner`'s escrow as a new coin held by `to`, whose storage
	/// deposit `payer` provides.
	pub fn escrow_unlock(
		issuer: &T::AccountId,
		owner: &T::AccountId,
		to: &T::AccountId,
		amount: Seconds,
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
		let coin = CoinId::from(utxo_core::coin_id(COIN_ID_DOMAIN, pour_id, 0));
		Self::create_coin(coin, pour_id, issuer, to, amount, payer)?;
		Self::deposit_event(Event::EscrowReleased {
			issuer: issuer.clone(),
			owner: owner.clone(),
			to: to.clone(),
			coin,
			amount,
		});
		Ok(coin)
	}

	/// Gives `amount` seconds of `issuer`'s time from `from` to `to`, choosing `from`'s coins:
	/// a transfer with change.
	pub fn transfer_seconds(
		from: &T::AccountId,
		issuer: &T::AccountId,
		to: &T::AccountId,
		amount: Seconds,
	) -> DispatchResult {
		ensure!(amount > 0, Error::<T>::ZeroAmountOutput);
		let (inputs, total) = Self::select(from, issuer, amount)?;
		let outputs =
			Self::with_change(from, Some((to.clone(), amount)), total.saturating_sub(amount));
		Self::do_pour(from, issuer, &inputs, &outputs, 0, None, 0).map(|_| ())
	}

	/// Coins of `issuer` held by `holder` covering `amount`, at most `MaxInputs` of them.
	fn select(
		holder: &T::AccountId,
		issuer: &T::AccountId,
		amount: Seconds,
	) -> Result<(Vec<CoinId>, Seconds), DispatchError> {
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
