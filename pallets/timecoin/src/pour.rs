//! Pours: issue, transfer, exercise, and capacity, over the shared ledger engine.

use alloc::vec::Vec;
use frame_support::{ensure, pallet_prelude::*};
use utxo_core::{LedgerError, Output, Pour};

use crate::{
	ledger::{raw_ids, PalletLedger},
	pallet::{Config, Error, Event, HoldReason, Issuers, Pallet},
	types::*,
	weights::WeightInfo,
};

impl<T: Config> Pallet<T> {
	/// Errors: `InsufficientDeposit` (first declaration, or after retiring),
	/// `CapacityBelowOutstanding`.
	pub(crate) fn do_declare_capacity(issuer: &T::AccountId, capacity: Seconds) -> DispatchResult {
		ensure!(capacity <= MAX_CAPACITY, Error::<T>::CapacityTooLarge);
		let mut info = Issuers::<T>::get(issuer).unwrap_or_default();
		ensure!(capacity >= info.outstanding, Error::<T>::CapacityBelowOutstanding);
		// A new record, or one kept without deposit after retiring, holds the deposit again.
		if info.deposit.is_zero() {
			let deposit = T::IssuerDeposit::get();
			Self::hold_deposit(&HoldReason::IssuerDeposit, issuer, deposit)?;
			info.deposit = deposit;
		}
		info.capacity = capacity;
		Issuers::<T>::insert(issuer, info);
		Self::deposit_event(Event::CapacityDeclared { issuer: issuer.clone(), capacity });
		Ok(())
	}

	/// Validates and applies a pour and returns the ids of the coins it created and how many
	/// accounts other than the pourer got a deposit back (what the call is charged for). Every
	/// check runs before the first write, so a failing pour changes nothing even outside a
	/// storage transaction. `escrowed` seconds of the inputs go into the pourer's market escrow.
	///
	/// Errors: `InvalidInterval`, `IssuerCannotExercise`, the ledger's (the pour rules and
	/// deposits), `NoCapacityDeclared`, `CapacityExceeded`, the booking errors of
	/// [`Pallet::check_booking`], `InsufficientDeposit`.
	pub(crate) fn do_pour(
		pourer: &T::AccountId,
		issuer: &T::AccountId,
		inputs: &[CoinId],
		outputs: &[PourOutput<T::AccountId>],
		time: Seconds,
		interval: Option<(Seconds, Seconds)>,
		escrowed: Seconds,
	) -> Result<(Vec<CoinId>, u32), DispatchError> {
		let exercised = match interval {
			Some((begin, end)) => {
				ensure!(begin < end, Error::<T>::InvalidInterval);
				ensure!(pourer != issuer, Error::<T>::IssuerCannotExercise);
				end - begin
			},
			None => 0,
		};
		let overflow = || Error::<T>::Ledger(LedgerError::Overflow);
		let burned = exercised.checked_add(escrowed).ok_or_else(overflow)?;
		let raw_inputs = raw_ids(inputs);
		let core_outputs: Vec<Output<T::AccountId, Seconds>> =
			outputs.iter().map(|o| Output { holder: o.holder.clone(), amount: o.amount }).collect();
		let pour = Pour {
			pourer,
			issuer,
			inputs: &raw_inputs,
			outputs: &core_outputs,
			minted: time,
			burned,
		};
		// The booking's deposit is counted with the coins'.
		let checked = PalletLedger::<T>::check(&pour, escrowed, interval.is_some() as u32)
			.map_err(Error::<T>::from)?;

		// Capacity: minting is the only way outstanding seconds grow.
		let minted_info = if time > 0 {
			let mut info = Issuers::<T>::get(issuer).ok_or(Error::<T>::NoCapacityDeclared)?;
			let outstanding = info.outstanding.checked_add(time).ok_or_else(overflow)?;
			ensure!(outstanding <= info.capacity, Error::<T>::CapacityExceeded);
			info.outstanding = outstanding;
			Some(info)
		} else {
			None
		};
		let booking = match interval {
			Some((begin, end)) => {
				Some((Self::check_booking(issuer, pourer, begin, end)?, begin, end))
			},
			None => None,
		};

		// Writes.
		let applied = PalletLedger::<T>::apply(checked).map_err(Error::<T>::from)?;
		let (pour_id, refunded) = (applied.pour_id, applied.refunded);
		let coins = applied.outputs.iter().map(|(id, _, _)| CoinId::from(*id)).collect();
		if let Some(info) = minted_info {
			Issuers::<T>::insert(issuer, info);
		}
		let appointment = match booking {
			Some((slot, begin, end)) => {
				Some((Self::book(slot, issuer, pourer, begin, end, pour_id)?, begin, end))
			},
			None => None,
		};
		Self::deposit_poured(pourer, issuer, applied, time, burned, escrowed);
		if let Some((id, begin, end)) = appointment {
			Self::deposit_event(Event::AppointmentBooked {
				id,
				issuer: issuer.clone(),
				holder: pourer.clone(),
				begin,
				end,
			});
		}
		Ok((coins, refunded))
	}

	/// Returns how many other accounts got a deposit back. Errors: `ZeroAmountOutput`,
	/// `InsufficientInputs`, and `do_pour`'s.
	pub(crate) fn do_transfer(
		holder: &T::AccountId,
		inputs: &[CoinId],
		to: T::AccountId,
		amount: Seconds,
	) -> Result<u32, DispatchError> {
		ensure!(amount > 0, Error::<T>::Ledger(LedgerError::ZeroAmountOutput));
		let (issuer, total) =
			PalletLedger::<T>::sum_of(&raw_ids(inputs)).map_err(Error::<T>::from)?;
		let change =
			total.checked_sub(amount).ok_or(Error::<T>::Ledger(LedgerError::InsufficientInputs))?;
		let outputs =
			Self::pour_outputs(PalletLedger::<T>::with_change(holder, Some((to, amount)), change));
		Self::do_pour(holder, &issuer, inputs, &outputs, 0, None, 0).map(|(_, refunded)| refunded)
	}

	/// What a transfer of `inputs` coins costs when `refunded` other accounts got a deposit
	/// back: the measured cost of each input by whoever paid its deposit.
	pub(crate) fn transfer_weight(inputs: u32, refunded: u32) -> Weight {
		utxo_core::spend_weight(
			T::WeightInfo::transfer_own,
			T::WeightInfo::transfer,
			inputs,
			refunded,
		)
	}

	/// Errors: `InvalidInterval`, `InsufficientInputs`, and `do_pour`'s.
	pub(crate) fn do_exercise(
		holder: &T::AccountId,
		inputs: &[CoinId],
		begin: Seconds,
		end: Seconds,
	) -> DispatchResult {
		ensure!(begin < end, Error::<T>::InvalidInterval);
		let (issuer, total) =
			PalletLedger::<T>::sum_of(&raw_ids(inputs)).map_err(Error::<T>::from)?;
		let change = total
			.checked_sub(end - begin)
			.ok_or(Error::<T>::Ledger(LedgerError::InsufficientInputs))?;
		let outputs = Self::pour_outputs(PalletLedger::<T>::with_change(holder, None, change));
		Self::do_pour(holder, &issuer, inputs, &outputs, 0, Some((begin, end)), 0).map(|_| ())
	}

	fn pour_outputs(outputs: Vec<Output<T::AccountId, Seconds>>) -> Vec<PourOutput<T::AccountId>> {
		outputs.into_iter().map(|o| PourOutput { holder: o.holder, amount: o.amount }).collect()
	}

	/// The next pour id, for coins made outside a pour (refunds).
	pub(crate) fn next_pour_id() -> Result<PourId, DispatchError> {
		PalletLedger::<T>::take_pour_id().map_err(|e| Error::<T>::from(e).into())
	}

	pub(crate) fn hold_deposit(
		reason: &HoldReason,
		who: &T::AccountId,
		amount: crate::pallet::BalanceOf<T>,
	) -> DispatchResult {
		codchain_support::deposit::hold::<_, T::Currency>(&(*reason).into(), who, amount)
			.map_err(|_| Error::<T>::InsufficientDeposit.into())
	}

	pub(crate) fn release_deposit(
		reason: &HoldReason,
		who: &T::AccountId,
		amount: crate::pallet::BalanceOf<T>,
	) -> DispatchResult {
		codchain_support::deposit::release::<_, T::Currency>(&(*reason).into(), who, amount)
	}
}
