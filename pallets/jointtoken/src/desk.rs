//! The exchange desk (兑换处): unplanned issuance at the sell price; the proceeds net of the
//! fee back a standing buy offer in the trade market.

use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{fungible::Mutate, tokens::Preservation},
};
use sp_runtime::{helpers_128bit::multiply_by_rational_with_rounding, Rounding};

use crate::{
	pallet::{BalanceOf, Config, Error, Event, Kinds, Pallet, Rulebook},
	types::*,
	Desk,
};

impl<T: Config> Pallet<T> {
	/// What buying at the desk for `cod` COD gives now.
	///
	/// Errors: `UnknownKind`, `WrongMode` (no unplanned issuance), `ZeroAmount`, `Overflow`.
	pub fn quote(jtid: &JtId, cod: Amount) -> Result<Quote, DispatchError> {
		let kind = Kinds::<T>::get(jtid).ok_or(Error::<T>::UnknownKind)?;
		let prices = kind.prices.ok_or(Error::<T>::WrongMode)?;
		ensure!(cod > 0, Error::<T>::ZeroAmount);
		let jt = multiply_by_rational_with_rounding(
			cod,
			prices.sell.jt,
			prices.sell.cod,
			Rounding::Down,
		)
		.ok_or(Error::<T>::Overflow)?;
		// The fee rounds up, the desk's share down: the desk never backs more than it got.
		let fee = prices.fee.mul_ceil(cod);
		Ok(Quote { jt, fee, to_desk: cod.saturating_sub(fee) })
	}

	/// `buyer` pays `cod` COD: the fee to the rules' fee account, the rest to the root
	/// account's desk offer; `jt` new tokens go to the buyer.
	///
	/// Errors: `UnknownKind`, `WrongMode`, `ZeroAmount`, `BelowMinimum`, `Overflow`,
	/// `InsufficientBalance` (COD), `InsufficientDeposit`, and the market's when the desk
	/// offer cannot be opened or topped up.
	pub(crate) fn do_buy(
		buyer: &T::AccountId,
		jtid: JtId,
		cod: Amount,
		min_jt: Amount,
	) -> Result<Quote, DispatchError> {
		let q = Self::quote(&jtid, cod)?;
		ensure!(q.jt > 0 && q.jt >= min_jt, Error::<T>::BelowMinimum);
		let rules = Rulebook::<T>::get(jtid).ok_or(Error::<T>::UnknownKind)?;
		let unplanned = rules.unplanned.ok_or(Error::<T>::WrongMode)?;
		let mut kind = Kinds::<T>::get(jtid).ok_or(Error::<T>::UnknownKind)?;
		let prices = kind.prices.ok_or(Error::<T>::WrongMode)?;
		let root = Self::root_account(&jtid);
		let pay = |to: &T::AccountId, amount: Amount| -> DispatchResult {
			if amount == 0 {
				return Ok(());
			}
			let amount: BalanceOf<T> = amount.try_into().map_err(|_| Error::<T>::Overflow)?;
			T::Currency::transfer(buyer, to, amount, Preservation::Preserve)
				.map(|_| ())
				.map_err(|_| Error::<T>::InsufficientBalance.into())
		};
		pay(&unplanned.fee_to, q.fee)?;
		pay(&root, q.to_desk)?;
		if q.to_desk > 0 {
			let offer = match kind.desk.filter(|o| T::Desk::remaining(*o).is_some()) {
				Some(offer) => {
					T::Desk::top_up(&root, offer, q.to_desk)?;
					offer
				},
				None => T::Desk::open(&root, &jtid, q.to_desk, prices.buy)?,
			};
			kind.desk = Some(offer);
			Kinds::<T>::insert(jtid, kind);
			Self::deposit_event(Event::DeskFunded { jtid, offer, cod: q.to_desk });
		}
		Self::mint_supply(&jtid, q.jt)?;
		Self::credit(&jtid, buyer, q.jt, buyer)?;
		Self::deposit_event(Event::Bought {
			jtid,
			buyer: buyer.clone(),
			cod,
			jt: q.jt,
			fee: q.fee,
		});
		Ok(q)
	}
}
