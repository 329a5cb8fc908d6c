//! Mint records: issue, remint, destroy, pay, over the shared ledger engine, within the
//! collateral cap.

use alloc::vec::Vec;
use frame_support::{ensure, pallet_prelude::*};
use utxo_core::{LedgerError, Output, Pour};

use crate::{
	ledger::{raw_ids, PalletLedger},
	pallet::{BalanceOf, Config, Error, HoldReason, Issuers, Pallet},
	types::*,
	weights::WeightInfo,
};

/// What a mint record does with the units it takes out of the coin store (`burned`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Burn {
	/// Nothing is burned.
	None,
	/// Destroyed: supply shrinks.
	Destroy(Units),
}

impl<T: Config> Pallet<T> {
	/// Validates and applies a mint record and returns the ids of the coins it created and how
	/// many accounts other than the pourer got a deposit back (what a call is charged for).
	/// Every check runs before the first write.
	///
	/// Errors: the ledger's (the pour rules and deposits), `NoCollateral`, `InShortfall`,
	/// `CollateralExceeded`.
	pub(crate) fn do_pour(
		pourer: &T::AccountId,
		issuer: &T::AccountId,
		inputs: &[CoinId],
		outputs: &[PourOutput<T::AccountId>],
		minted: Units,
		burn: Burn,
	) -> Result<(Vec<CoinId>, u32), DispatchError> {
		let burned = match burn {
			Burn::None => 0,
			Burn::Destroy(u) => u,
		};
		let raw_inputs = raw_ids(inputs);
		let core_outputs: Vec<Output<T::AccountId, Units>> =
			outputs.iter().map(|o| Output { holder: o.holder.clone(), amount: o.amount }).collect();
		let pour =
			Pour { pourer, issuer, inputs: &raw_inputs, outputs: &core_outputs, minted, burned };
		let checked = PalletLedger::<T>::check(&pour, 0, 0).map_err(Error::<T>::from)?;

		let mut info = Issuers::<T>::get(issuer).ok_or(Error::<T>::NoCollateral)?;
		let overflow = || Error::<T>::Ledger(LedgerError::Overflow);
		if minted > 0 {
			let cap = Self::cap(issuer);
			ensure!(info.supply <= cap, Error::<T>::InShortfall);
			let supply = info.supply.checked_add(minted).ok_or_else(overflow)?;
			ensure!(supply <= cap, Error::<T>::CollateralExceeded);
			info.supply = supply;
		}
		// Supply counts every live coin, so it cannot fall below what is burned.
		info.supply = info.supply.checked_sub(burned).ok_or_else(overflow)?;

		let applied = PalletLedger::<T>::apply(checked).map_err(Error::<T>::from)?;
		let coins = applied.outputs.iter().map(|(id, _, _)| CoinId::from(*id)).collect();
		let refunded = applied.refunded;
		Issuers::<T>::insert(issuer, info);
		Self::deposit_poured(pourer, issuer, applied, minted, burned, 0);
		Ok((coins, refunded))
	}

	/// The issuer of the first input, for calls whose issuer is implied by their inputs.
	fn issuer_of_inputs(inputs: &[CoinId]) -> Result<(T::AccountId, Units), DispatchError> {
		PalletLedger::<T>::sum_of(&raw_ids(inputs)).map_err(|e| Error::<T>::from(e).into())
	}

	/// Errors: `Overflow`, and `do_pour`'s.
	pub(crate) fn do_issue(
		issuer: &T::AccountId,
		outputs: &[PourOutput<T::AccountId>],
	) -> Result<Vec<CoinId>, DispatchError> {
		let minted = outputs
			.iter()
			.try_fold(0u128, |acc, o| acc.checked_add(o.amount))
			.ok_or(Error::<T>::Ledger(LedgerError::Overflow))?;
		Self::do_pour(issuer, issuer, &[], outputs, minted, Burn::None).map(|(coins, _)| coins)
	}

	/// Returns the new coins and how many other accounts got a deposit back. Errors:
	/// `EmptyPour`, `UnknownOrSpentInput`, and `do_pour`'s.
	pub(crate) fn do_remint(
		holder: &T::AccountId,
		inputs: &[CoinId],
		outputs: &[PourOutput<T::AccountId>],
	) -> Result<(Vec<CoinId>, u32), DispatchError> {
		let (issuer, _) = Self::issuer_of_inputs(inputs)?;
		Self::do_pour(holder, &issuer, inputs, outputs, 0, Burn::None)
	}

	/// Errors: `EmptyPour`, `UnknownOrSpentInput`, and `do_pour`'s.
	pub(crate) fn do_destroy(holder: &T::AccountId, inputs: &[CoinId]) -> DispatchResult {
		let (issuer, burned) = Self::issuer_of_inputs(inputs)?;
		Self::do_pour(holder, &issuer, inputs, &[], 0, Burn::Destroy(burned)).map(|_| ())
	}

	/// Returns how many other accounts got a deposit back. Errors: `ZeroAmountOutput`,
	/// `InsufficientInputs`, and `do_remint`'s.
	pub(crate) fn do_pay(
		holder: &T::AccountId,
		inputs: &[CoinId],
		to: T::AccountId,
		amount: Units,
	) -> Result<u32, DispatchError> {
		ensure!(amount > 0, Error::<T>::Ledger(LedgerError::ZeroAmountOutput));
		let (issuer, total) = Self::issuer_of_inputs(inputs)?;
		let change =
			total.checked_sub(amount).ok_or(Error::<T>::Ledger(LedgerError::InsufficientInputs))?;
		let outputs: Vec<_> = PalletLedger::<T>::with_change(holder, Some((to, amount)), change)
			.into_iter()
			.map(|o| PourOutput { holder: o.holder, amount: o.amount })
			.collect();
		Self::do_pour(holder, &issuer, inputs, &outputs, 0, Burn::None)
			.map(|(_, refunded)| refunded)
	}

	/// What a payment of `inputs` coins costs when `refunded` other accounts got a deposit
	/// back: the measured cost of each input by whoever paid its deposit.
	pub(crate) fn pay_weight(inputs: u32, refunded: u32) -> Weight {
		utxo_core::spend_weight(T::WeightInfo::pay_own, T::WeightInfo::pay, inputs, refunded)
	}

	pub(crate) fn hold_deposit(
		reason: &HoldReason,
		who: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		codchain_support::deposit::hold::<_, T::Currency>(&(*reason).into(), who, amount)
			.map_err(|_| Error::<T>::InsufficientDeposit.into())
	}

	pub(crate) fn release_deposit(
		reason: &HoldReason,
		who: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		codchain_support::deposit::release::<_, T::Currency>(&(*reason).into(), who, amount)
	}
}
