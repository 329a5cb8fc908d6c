//! COD as a tradable asset: escrow is a hold under [`HoldReason::Escrow`] on the owner's
//! account. The runtime's [`OnChainAssets`](crate::OnChainAssets) implementation calls these
//! for its COD asset id.

use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::{Inspect, InspectHold, Mutate, MutateHold},
		tokens::{Fortitude, Precision, Preservation, Restriction},
	},
};

use crate::{
	pallet::{BalanceOf, Config, Error, HoldReason, Pallet},
	types::Amount,
};

impl<T: Config> Pallet<T> {
	fn cod(amount: Amount) -> Result<BalanceOf<T>, DispatchError> {
		BalanceOf::<T>::try_from(amount).map_err(|_| Error::<T>::Overflow.into())
	}

	/// Holds `amount` COD of `owner` in escrow.
	pub fn cod_lock(owner: &T::AccountId, amount: Amount) -> DispatchResult {
		T::Currency::hold(&HoldReason::Escrow.into(), owner, Self::cod(amount)?)
			.map_err(|_| Error::<T>::InsufficientBalance.into())
	}

	/// Pays `amount` COD from `owner`'s escrow to `to` (released when `to` is `owner`).
	pub fn cod_unlock(owner: &T::AccountId, to: &T::AccountId, amount: Amount) -> DispatchResult {
		let amount = Self::cod(amount)?;
		let reason = HoldReason::Escrow.into();
		if owner == to {
			T::Currency::release(&reason, owner, amount, Precision::Exact)?;
		} else {
			T::Currency::transfer_on_hold(
				&reason,
				owner,
				to,
				amount,
				Precision::Exact,
				Restriction::Free,
				Fortitude::Polite,
			)?;
		}
		Ok(())
	}

	/// Pays `amount` free COD from `from` to `to`, keeping `from` alive.
	pub fn cod_transfer(from: &T::AccountId, to: &T::AccountId, amount: Amount) -> DispatchResult {
		<T::Currency as Mutate<_>>::transfer(from, to, Self::cod(amount)?, Preservation::Preserve)
			.map(|_| ())
			.map_err(|_| Error::<T>::InsufficientBalance.into())
	}

	/// COD of `owner` in escrow.
	pub fn cod_escrowed(owner: &T::AccountId) -> Amount {
		T::Currency::balance_on_hold(&HoldReason::Escrow.into(), owner).try_into().unwrap_or(0)
	}

	/// Free COD of `who` (what it could trade).
	pub fn cod_free(who: &T::AccountId) -> BalanceOf<T> {
		T::Currency::reducible_balance(who, Preservation::Preserve, Fortitude::Polite)
	}
}
