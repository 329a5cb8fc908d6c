//! Mint records: issue, remint, destroy, pay; coins and their deposits.

use alloc::{collections::BTreeMap, vec::Vec};
use codchain_support::deposit;
use frame_support::{ensure, pallet_prelude::*};
use utxo_core::{validate_pour, CoinView, Limits, Output, Pour};

use crate::{
	pallet::{
		BalanceOf, CoinOf, Coins, Config, Error, Escrow, Event, HoldReason, Holdings, Issuers,
		NextPourId, Pallet,
	},
	types::*,
	COIN_ID_DOMAIN,
};

/// What a mint record does with the units it takes out of the coin store (`burned`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Burn {
	/// Nothing is burned.
	None,
	/// Destroyed: supply shrinks.
	Destroy(Units),
	/// Moved into the market escrow of the pourer: supply stays.
	Escrow(Units),
}

impl<T: Config> Pallet<T> {
	/// Validates and applies a mint record and returns the ids of the coins it created.
	pub(crate) fn do_pour(
		pourer: &T::AccountId,
		issuer: &T::AccountId,
		inputs: &[CoinId],
		outputs: &[PourOutput<T::AccountId>],
		minted: Units,
		burn: Burn,
	) -> Result<Vec<CoinId>, DispatchError> {
		let burned = match burn {
			Burn::None => 0,
			Burn::Destroy(u) | Burn::Escrow(u) => u,
		};
		let raw_inputs: Vec<[u8; 32]> = inputs.iter().map(|id| id.0).collect();
		let core_outputs: Vec<Output<T::AccountId, Units>> =
			outputs.iter().map(|o| Output { holder: o.holder.clone(), amount: o.amount }).collect();
		let pour =
			Pour { pourer, issuer, inputs: &raw_inputs, outputs: &core_outputs, minted, burned };
		let limits = Limits { max_inputs: T::MaxInputs::get(), max_outputs: T::MaxOutputs::get() };
		let stored = Self::read_inputs(&raw_inputs);
		let valid = validate_pour(&pour, limits, |id| {
			stored.get(id).map(|c| CoinView {
				issuer: c.issuer.clone(),
				holder: c.holder.clone(),
				amount: c.amount,
			})
		})
		.map_err(Error::<T>::from)?;

		let mut info = Issuers::<T>::get(issuer).ok_or(Error::<T>::NoCollateral)?;
		if minted > 0 {
			let cap = Self::cap(issuer);
			ensure!(info.supply <= cap, Error::<T>::InShortfall);
			let supply = info.supply.checked_add(minted).ok_or(Error::<T>::Overflow)?;
			ensure!(supply <= cap, Error::<T>::CollateralExceeded);
			info.supply = supply;
		}
		match burn {
			Burn::Destroy(u) => {
				// Supply counts every live coin, so it cannot fall below what is burned.
				info.supply = info.supply.checked_sub(u).ok_or(Error::<T>::Overflow)?;
			},
			Burn::Escrow(u) => Escrow::<T>::try_mutate(issuer, pourer, |e| {
				*e = e.checked_add(u).ok_or(Error::<T>::Overflow)?;
				Ok::<_, Error<T>>(())
			})?,
			Burn::None => {},
		}

		let pour_id = Self::next_pour_id();
		for (id, _) in &valid.inputs {
			if let Some(coin) = stored.get(id) {
				Self::remove_coin(&CoinId::from(*id), coin)?;
			}
		}
		let mut coins = Vec::with_capacity(outputs.len());
		let mut event_outputs = Vec::with_capacity(outputs.len());
		for (index, o) in outputs.iter().enumerate() {
			let id = Self::create_coin(pour_id, index as u32, issuer, &o.holder, o.amount, pourer)?;
			coins.push(id);
			event_outputs.push((id, o.holder.clone(), o.amount));
		}
		Issuers::<T>::insert(issuer, info);

		Self::deposit_event(Event::Poured {
			pour_id,
			pourer: pourer.clone(),
			issuer: issuer.clone(),
			inputs: BoundedVec::truncate_from(inputs.to_vec()),
			outputs: BoundedVec::truncate_from(event_outputs),
			minted,
			burned,
			escrowed: matches!(burn, Burn::Escrow(_)),
		});
		Ok(coins)
	}

	/// Reads each input once; validation and the callers share the read.
	fn read_inputs(inputs: &[[u8; 32]]) -> BTreeMap<[u8; 32], CoinOf<T>> {
		inputs
			.iter()
			.filter_map(|id| Coins::<T>::get(CoinId::from(*id)).map(|c| (*id, c)))
			.collect()
	}

	/// The issuer of the first input, for calls whose issuer is implied by their inputs.
	fn issuer_of_inputs(inputs: &[CoinId]) -> Result<T::AccountId, DispatchError> {
		let first = inputs.first().ok_or(Error::<T>::EmptyPour)?;
		Ok(Coins::<T>::get(first).ok_or(Error::<T>::UnknownOrSpentInput)?.issuer)
	}

	pub(crate) fn do_issue(
		issuer: &T::AccountId,
		outputs: &[PourOutput<T::AccountId>],
	) -> Result<Vec<CoinId>, DispatchError> {
		let minted = outputs
			.iter()
			.try_fold(0u128, |acc, o| acc.checked_add(o.amount))
			.ok_or(Error::<T>::Overflow)?;
		Self::do_pour(issuer, issuer, &[], outputs, minted, Burn::None)
	}

	pub(crate) fn do_remint(
		holder: &T::AccountId,
		inputs: &[CoinId],
		outputs: &[PourOutput<T::AccountId>],
	) -> Result<Vec<CoinId>, DispatchError> {
		let issuer = Self::issuer_of_inputs(inputs)?;
		Self::do_pour(holder, &issuer, inputs, outputs, 0, Burn::None)
	}

	pub(crate) fn do_destroy(holder: &T::AccountId, inputs: &[CoinId]) -> DispatchResult {
		let issuer = Self::issuer_of_inputs(inputs)?;
		let burned = Self::sum_of(inputs)?;
		Self::do_pour(holder, &issuer, inputs, &[], 0, Burn::Destroy(burned)).map(|_| ())
	}

	pub(crate) fn do_pay(
		holder: &T::AccountId,
		inputs: &[CoinId],
		to: T::AccountId,
		amount: Units,
	) -> DispatchResult {
		ensure!(amount > 0, Error::<T>::ZeroAmountOutput);
		let issuer = Self::issuer_of_inputs(inputs)?;
		let change =
			Self::sum_of(inputs)?.checked_sub(amount).ok_or(Error::<T>::InsufficientInputs)?;
		let outputs = Self::with_change(holder, Some((to, amount)), change);
		Self::do_pour(holder, &issuer, inputs, &outputs, 0, Burn::None).map(|_| ())
	}

	/// Sum of the live inputs' units (unknown inputs are left to the pour rules).
	fn sum_of(inputs: &[CoinId]) -> Result<Units, DispatchError> {
		inputs
			.iter()
			.filter_map(Coins::<T>::get)
			.try_fold(0u128, |acc, c| acc.checked_add(c.amount))
			.ok_or(Error::<T>::Overflow.into())
	}

	/// Outputs `[(to, amount), (holder, change)]`, the change omitted when zero.
	pub(crate) fn with_change(
		holder: &T::AccountId,
		to: Option<(T::AccountId, Units)>,
		change: Units,
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

	pub(crate) fn next_pour_id() -> PourId {
		NextPourId::<T>::mutate(|n| {
			let id = *n;
			*n = n.saturating_add(1);
			id
		})
	}

	/// Stores output `index` of pour `pour_id`, indexes it under its holder and holds its
	/// deposit from `depositor`.
	pub(crate) fn create_coin(
		pour_id: PourId,
		index: u32,
		issuer: &T::AccountId,
		holder: &T::AccountId,
		amount: Units,
		depositor: &T::AccountId,
	) -> Result<CoinId, DispatchError> {
		let id = CoinId::from(utxo_core::coin_id(COIN_ID_DOMAIN, pour_id, index));
		let deposit = T::CoinDeposit::get();
		Self::hold(&HoldReason::CoinDeposit, depositor, deposit)?;
		Holdings::<T>::insert((holder, issuer, id), ());
		Coins::<T>::insert(
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
		Ok(id)
	}

	/// Removes a spent coin and returns its deposit to whoever paid it.
	fn remove_coin(id: &CoinId, coin: &CoinOf<T>) -> DispatchResult {
		Coins::<T>::remove(id);
		Holdings::<T>::remove((&coin.holder, &coin.issuer, id));
		Self::release(&HoldReason::CoinDeposit, &coin.depositor, coin.deposit)
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
