//! Pours: issue, transfer, exercise; capacity; coin deposits.

use alloc::{collections::BTreeMap, vec::Vec};
use codchain_support::deposit;
use frame_support::{ensure, pallet_prelude::*, traits::fungible::Inspect};
use sp_runtime::traits::{Saturating, Zero};
use utxo_core::{validate_pour, CoinView, Limits, Output, Pour};

use crate::{
	pallet::{
		BalanceOf, CoinOf, Coins, Config, Error, Escrow, Event, HoldReason, Holdings, Issuers,
		NextPourId, Pallet,
	},
	types::*,
	COIN_ID_DOMAIN,
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_declare_capacity(issuer: &T::AccountId, capacity: Seconds) -> DispatchResult {
		let mut info = match Issuers::<T>::get(issuer) {
			Some(info) => info,
			None => {
				let deposit = T::IssuerDeposit::get();
				Self::hold(&HoldReason::IssuerDeposit, issuer, deposit)?;
				IssuerInfo { deposit, ..Default::default() }
			},
		};
		ensure!(capacity >= info.outstanding, Error::<T>::CapacityBelowOutstanding);
		info.capacity = capacity;
		Issuers::<T>::insert(issuer, info);
		Self::deposit_event(Event::CapacityDeclared { issuer: issuer.clone(), capacity });
		Ok(())
	}

	/// Validates and applies a pour and returns the ids of the coins it created. Every check runs
	/// before the first write, so a failing pour changes nothing even outside a storage
	/// transaction. `escrowed` seconds of the inputs go into the pourer's market escrow.
	pub(crate) fn do_pour(
		pourer: &T::AccountId,
		issuer: &T::AccountId,
		inputs: &[CoinId],
		outputs: &[PourOutput<T::AccountId>],
		time: Seconds,
		interval: Option<(Seconds, Seconds)>,
		escrowed: Seconds,
	) -> Result<Vec<CoinId>, DispatchError> {
		let exercised = match interval {
			Some((begin, end)) => {
				ensure!(begin < end, Error::<T>::InvalidInterval);
				ensure!(pourer != issuer, Error::<T>::IssuerCannotExercise);
				end - begin
			},
			None => 0,
		};
		let burned = exercised.checked_add(escrowed).ok_or(Error::<T>::Overflow)?;
		let escrow =
			Escrow::<T>::get(issuer, pourer).checked_add(escrowed).ok_or(Error::<T>::Overflow)?;
		let raw_inputs: Vec<[u8; 32]> = inputs.iter().map(|id| id.0).collect();
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
		let limits = Limits { max_inputs: T::MaxInputs::get(), max_outputs: T::MaxOutputs::get() };
		// Each input is read from storage once; validation and the deposit check share the read.
		let stored: BTreeMap<[u8; 32], CoinOf<T>> = raw_inputs
			.iter()
			.filter_map(|id| Coins::<T>::get(CoinId::from(*id)).map(|c| (*id, c)))
			.collect();
		let valid = validate_pour(&pour, limits, |id| {
			stored.get(id).map(|c| CoinView {
				issuer: c.issuer.clone(),
				holder: c.holder.clone(),
				amount: c.amount,
			})
		})
		.map_err(Error::<T>::from)?;

		// Capacity: minting is the only way outstanding seconds grow.
		let minted_info = if time > 0 {
			let mut info = Issuers::<T>::get(issuer).ok_or(Error::<T>::NoCapacityDeclared)?;
			let outstanding = info.outstanding.checked_add(time).ok_or(Error::<T>::Overflow)?;
			ensure!(outstanding <= info.capacity, Error::<T>::CapacityExceeded);
			info.outstanding = outstanding;
			Some(info)
		} else {
			None
		};
		let booking = match interval {
			Some((begin, end)) => Some(Self::check_booking(issuer, begin, end)?),
			None => None,
		};
		// Deposits: one per output coin and per booking, less those of inputs the pourer paid
		// itself (released in the same pour).
		let per_coin = T::CoinDeposit::get();
		let needed =
			per_coin.saturating_mul((outputs.len() as u32 + booking.is_some() as u32).into());
		let refunded = stored
			.values()
			.filter(|c| &c.depositor == pourer)
			.fold(BalanceOf::<T>::zero(), |acc, c| acc.saturating_add(c.deposit));
		let spendable = T::Currency::reducible_balance(
			pourer,
			frame_support::traits::tokens::Preservation::Preserve,
			frame_support::traits::tokens::Fortitude::Polite,
		);
		ensure!(spendable.saturating_add(refunded) >= needed, Error::<T>::InsufficientDeposit);

		// Writes.
		let pour_id = Self::next_pour_id();
		for (id, _) in &valid.inputs {
			Self::remove_coin(&CoinId::from(*id))?;
		}
		if escrowed > 0 {
			Escrow::<T>::insert(issuer, pourer, escrow);
		}
		let mut coins = Vec::with_capacity(outputs.len());
		let mut event_outputs = Vec::with_capacity(outputs.len());
		for (index, o) in outputs.iter().enumerate() {
			let id = CoinId::from(utxo_core::coin_id(COIN_ID_DOMAIN, pour_id, index as u32));
			Self::create_coin(id, pour_id, issuer, &o.holder, o.amount, pourer)?;
			coins.push(id);
			event_outputs.push((id, o.holder.clone(), o.amount));
		}
		if let Some(info) = minted_info {
			Issuers::<T>::insert(issuer, info);
		}
		let appointment = match (booking, interval) {
			(Some(slot), Some((begin, end))) => {
				Some(Self::book(slot, issuer, pourer, begin, end, pour_id)?)
			},
			_ => None,
		};

		Self::deposit_event(Event::Poured {
			pour_id,
			pourer: pourer.clone(),
			issuer: issuer.clone(),
			inputs: BoundedVec::truncate_from(inputs.to_vec()),
			outputs: BoundedVec::truncate_from(event_outputs),
			time,
			escrowed,
		});
		if let (Some(id), Some((begin, end))) = (appointment, interval) {
			Self::deposit_event(Event::AppointmentBooked {
				id,
				issuer: issuer.clone(),
				holder: pourer.clone(),
				begin,
				end,
			});
		}
		Ok(coins)
	}

	/// Sum of the inputs' seconds and their common issuer, for the convenience calls that
	/// compute change. Only reads; the pour validates properly afterwards.
	fn inputs_total(inputs: &[CoinId]) -> Result<(T::AccountId, Seconds), DispatchError> {
		let mut issuer = None;
		let mut total: Seconds = 0;
		for id in inputs {
			let coin = Coins::<T>::get(id).ok_or(Error::<T>::UnknownOrSpentInput)?;
			issuer.get_or_insert(coin.issuer);
			total = total.checked_add(coin.amount).ok_or(Error::<T>::Overflow)?;
		}
		let issuer = issuer.ok_or(Error::<T>::EmptyPour)?;
		Ok((issuer, total))
	}

	/// Outputs `[(to, amount), (holder, change)]`, the change omitted when zero.
	pub(crate) fn with_change(
		holder: &T::AccountId,
		to: Option<(T::AccountId, Seconds)>,
		change: Seconds,
	) -> Vec<PourOutput<T::AccountId>> {
		let mut outputs = Vec::with_capacity(2);
		if let Some((to, amount)) = to {
			outputs.push(PourOutput { holder: to, amount });
		}
		if change > 0 {
			outputs.push(PourOutput { holder: holder.clone(), amount: change });
		}
		outputs
	}

	pub(crate) fn do_transfer(
		holder: &T::AccountId,
		inputs: &[CoinId],
		to: T::AccountId,
		amount: Seconds,
	) -> DispatchResult {
		ensure!(amount > 0, Error::<T>::ZeroAmountOutput);
		let (issuer, total) = Self::inputs_total(inputs)?;
		let change = total.checked_sub(amount).ok_or(Error::<T>::InsufficientInputs)?;
		let outputs = Self::with_change(holder, Some((to, amount)), change);
		Self::do_pour(holder, &issuer, inputs, &outputs, 0, None, 0).map(|_| ())
	}

	pub(crate) fn do_exercise(
		holder: &T::AccountId,
		inputs: &[CoinId],
		begin: Seconds,
		end: Seconds,
	) -> DispatchResult {
		ensure!(begin < end, Error::<T>::InvalidInterval);
		let (issuer, total) = Self::inputs_total(inputs)?;
		let change = total.checked_sub(end - begin).ok_or(Error::<T>::InsufficientInputs)?;
		let outputs = Self::with_change(holder, None, change);
		Self::do_pour(holder, &issuer, inputs, &outputs, 0, Some((begin, end)), 0).map(|_| ())
	}

	pub(crate) fn next_pour_id() -> PourId {
		NextPourId::<T>::mutate(|n| {
			let id = *n;
			*n = n.saturating_add(1);
			id
		})
	}

	/// Stores a new coin, indexes it under its holder and holds its deposit from `depositor`.
	pub(crate) fn create_coin(
		id: CoinId,
		pour_id: PourId,
		issuer: &T::AccountId,
		holder: &T::AccountId,
		amount: Seconds,
		depositor: &T::AccountId,
	) -> DispatchResult {
		let deposit = T::CoinDeposit::get();
		Self::hold(&HoldReason::CoinDeposit, depositor, deposit)?;
		Self::insert_coin(
			id,
			CoinOf::<T> {
				pour_id,
				issuer: issuer.clone(),
				holder: holder.clone(),
				amount,
				depositor: depositor.clone(),
				deposit,
			},
		);
		Ok(())
	}

	/// Stores a coin whose deposit is already held.
	pub(crate) fn insert_coin(id: CoinId, coin: CoinOf<T>) {
		Holdings::<T>::insert((&coin.holder, &coin.issuer, id), ());
		Coins::<T>::insert(id, coin);
	}

	/// Removes a spent coin and returns its deposit to whoever paid it.
	fn remove_coin(id: &CoinId) -> DispatchResult {
		if let Some(coin) = Coins::<T>::take(id) {
			Holdings::<T>::remove((&coin.holder, &coin.issuer, id));
			Self::release(&HoldReason::CoinDeposit, &coin.depositor, coin.deposit)?;
		}
		Ok(())
	}

	pub(crate) fn hold(
		reason: &HoldReason,
		who: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		deposit::hold::<_, T::Currency>(&(*reason).into(), who, amount)
			.map_err(|_| Error::<T>::InsufficientDeposit.into())
	}

	pub(crate) fn release(
		reason: &HoldReason,
		who: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		deposit::release::<_, T::Currency>(&(*reason).into(), who, amount)
	}
}
