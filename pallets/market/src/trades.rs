//! Acceptance, settlement and defaults.

use codchain_support::deposit;
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{
		fungible::MutateHold,
		tokens::{Fortitude, Precision, Restriction},
	},
};
use sp_runtime::traits::{Saturating, Zero};

use crate::{
	pallet::{
		BalanceOf, Config, Error, Event, Expiring, HoldReason, NextTradeId, Offers, Stats, TradeOf,
		Trades, TradesByAccount,
	},
	types::*,
	CloseReason, OnChainAssets, Pallet,
};

/// Who owes an unconfirmed leg.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
	Offerer,
	Acceptor,
}

impl<T: Config> Pallet<T> {
	pub(crate) fn do_accept(
		acceptor: &T::AccountId,
		id: OfferId,
		amount: Amount,
	) -> Result<TradeId, DispatchError> {
		let mut offer = Offers::<T>::get(id).ok_or(Error::<T>::UnknownOffer)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now < offer.expiry, Error::<T>::OfferExpired);
		ensure!(acceptor != &offer.offerer, Error::<T>::OwnOffer);
		ensure!(amount > 0, Error::<T>::ZeroAmount);
		ensure!(amount <= offer.remaining, Error::<T>::AboveRemaining);
		ensure!(
			amount >= offer.min_fill || amount == offer.remaining,
			Error::<T>::BelowMinimumFill
		);
		let price = Self::price(&offer.ratio, amount)?;
		offer.remaining = offer.remaining.saturating_sub(amount);
		let trade = NextTradeId::<T>::get();
		NextTradeId::<T>::put(trade.saturating_add(1));
		let offerer = offer.offerer.clone();

		match (offer.pay.asset(), offer.receive.asset()) {
			(Some(pay), Some(receive)) => {
				// Both legs on-chain: atomic, at once. The acceptor pays for the coin it gets.
				T::Assets::unlock(pay, &offerer, acceptor, amount, acceptor)?;
				T::Assets::transfer(receive, acceptor, &offerer, price)?;
				Self::count_settled(&offerer, acceptor);
				Self::deposit_event(Event::Accepted {
					offer: id,
					trade,
					acceptor: acceptor.clone(),
					amount,
					price,
				});
				Self::deposit_event(Event::TradeSettled {
					trade,
					offerer: offerer.clone(),
					acceptor: acceptor.clone(),
				});
			},
			(pay, receive) => {
				if let Some(asset) = receive {
					T::Assets::lock(asset, acceptor, price)?;
				}
				let bond = offer.bond;
				if !bond.is_zero() {
					if pay.is_none() {
						Self::hold_bond(&offerer, bond)
							.map_err(|_| Error::<T>::CounterpartyCannotBond)?;
					}
					if receive.is_none() {
						Self::hold_bond(acceptor, bond)
							.map_err(|_| Error::<T>::InsufficientBond)?;
					}
				}
				let deposit = T::TradeDeposit::get();
				Self::hold_deposit(acceptor, deposit)?;
				let record = TradeOf::<T> {
					offer: id,
					offerer: offerer.clone(),
					acceptor: acceptor.clone(),
					give: Leg { resource: offer.pay.clone(), amount, confirmed: pay.is_some() },
					take: Leg {
						resource: offer.receive.clone(),
						amount: price,
						confirmed: receive.is_some(),
					},
					deadline: now.saturating_add(T::SettlementPeriod::get()),
					bond,
					deposit,
				};
				Trades::<T>::insert(trade, record);
				TradesByAccount::<T>::insert(&offerer, trade, ());
				TradesByAccount::<T>::insert(acceptor, trade, ());
				Self::deposit_event(Event::Accepted {
					offer: id,
					trade,
					acceptor: acceptor.clone(),
					amount,
					price,
				});
			},
		}

		if offer.remaining == 0 {
			Expiring::<T>::mutate(offer.expiry, |ids| ids.retain(|i| *i != id));
			Self::close_offer(id, offer, CloseReason::Filled)?;
		} else {
			Offers::<T>::insert(id, offer);
		}
		Ok(trade)
	}

	pub(crate) fn do_confirm_leg(who: &T::AccountId, id: TradeId) -> DispatchResult {
		let mut trade = Trades::<T>::get(id).ok_or(Error::<T>::UnknownTrade)?;
		// Each side confirms the leg it receives; the other side paid it.
		let (leg, payer) = if who == &trade.offerer {
			(&mut trade.take, trade.acceptor.clone())
		} else if who == &trade.acceptor {
			(&mut trade.give, trade.offerer.clone())
		} else {
			return Err(Error::<T>::NotParty.into());
		};
		ensure!(leg.resource.asset().is_none(), Error::<T>::NothingToConfirm);
		ensure!(!leg.confirmed, Error::<T>::AlreadyConfirmed);
		ensure!(
			frame_system::Pallet::<T>::block_number() <= trade.deadline,
			Error::<T>::DeadlinePassed
		);
		leg.confirmed = true;
		// The payer delivered: its bond comes back.
		Self::release_bond(&payer, trade.bond)?;
		Self::deposit_event(Event::LegConfirmed { trade: id, by: who.clone() });
		if trade.give.confirmed && trade.take.confirmed {
			Self::settle(id, trade)
		} else {
			Trades::<T>::insert(id, trade);
			Ok(())
		}
	}

	/// Pays the on-chain legs out of escrow to their receivers and closes the trade. Coin
	/// deposits come from the acceptor, whose trade deposit is released first.
	fn settle(id: TradeId, trade: TradeOf<T>) -> DispatchResult {
		Self::remove_trade(id, &trade)?;
		let a = &trade.acceptor;
		if let Some(asset) = trade.give.resource.asset() {
			T::Assets::unlock(asset, &trade.offerer, a, trade.give.amount, a)?;
		}
		if let Some(asset) = trade.take.resource.asset() {
			T::Assets::unlock(asset, a, &trade.offerer, trade.take.amount, a)?;
		}
		Self::count_settled(&trade.offerer, a);
		Self::deposit_event(Event::TradeSettled {
			trade: id,
			offerer: trade.offerer.clone(),
			acceptor: a.clone(),
		});
		Ok(())
	}

	pub(crate) fn do_resolve_trade(id: TradeId) -> DispatchResult {
		let trade = Trades::<T>::get(id).ok_or(Error::<T>::UnknownTrade)?;
		ensure!(
			frame_system::Pallet::<T>::block_number() > trade.deadline,
			Error::<T>::DeadlineNotReached
		);
		// On-chain legs count as confirmed (they sit in escrow), so the only way no leg is
		// confirmed is two off-chain legs, and then the seed blames the offerer.
		let defaulter = match (trade.give.confirmed, trade.take.confirmed) {
			(false, _) => Side::Offerer,
			(true, false) => Side::Acceptor,
			(true, true) => return Self::settle(id, trade),
		};
		let (bad, good) = match defaulter {
			Side::Offerer => (&trade.offerer, &trade.acceptor),
			Side::Acceptor => (&trade.acceptor, &trade.offerer),
		};
		Self::remove_trade(id, &trade)?;
		// Escrow goes back to the side that did not default: an on-chain leg is always the
		// non-defaulter's (the defaulter's leg is the unconfirmed off-chain one).
		let a = &trade.acceptor;
		if let Some(asset) = trade.give.resource.asset() {
			T::Assets::unlock(asset, &trade.offerer, &trade.offerer, trade.give.amount, a)?;
		}
		if let Some(asset) = trade.take.resource.asset() {
			T::Assets::unlock(asset, a, a, trade.take.amount, a)?;
		}
		// Bonds still held belong to unconfirmed off-chain legs: the defaulter's is forfeited
		// to the counterparty, the other one (two unconfirmed off-chain legs) is released.
		let mut forfeited = BalanceOf::<T>::zero();
		if !trade.bond.is_zero() {
			let bad_leg_open = match defaulter {
				Side::Offerer => trade.give.resource.asset().is_none(),
				Side::Acceptor => trade.take.resource.asset().is_none(),
			};
			if bad_leg_open {
				forfeited = T::Currency::transfer_on_hold(
					&HoldReason::Bond.into(),
					bad,
					good,
					trade.bond,
					Precision::BestEffort,
					Restriction::Free,
					Fortitude::Polite,
				)?;
			}
			let good_leg = match defaulter {
				Side::Offerer => &trade.take,
				Side::Acceptor => &trade.give,
			};
			if good_leg.resource.asset().is_none() && !good_leg.confirmed {
				Self::release_bond(good, trade.bond)?;
			}
		}
		Stats::<T>::mutate(bad, |s| s.defaults = s.defaults.saturating_add(1));
		Self::deposit_event(Event::TradeDefaulted {
			trade: id,
			defaulter: bad.clone(),
			forfeited_bond: forfeited,
		});
		Ok(())
	}

	fn remove_trade(id: TradeId, trade: &TradeOf<T>) -> DispatchResult {
		Trades::<T>::remove(id);
		TradesByAccount::<T>::remove(&trade.offerer, id);
		TradesByAccount::<T>::remove(&trade.acceptor, id);
		Self::release_deposit(&trade.acceptor, trade.deposit)
	}

	fn count_settled(offerer: &T::AccountId, acceptor: &T::AccountId) {
		for who in [offerer, acceptor] {
			Stats::<T>::mutate(who, |s| s.settled = s.settled.saturating_add(1));
		}
	}

	fn hold_bond(who: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		deposit::hold::<_, T::Currency>(&HoldReason::Bond.into(), who, amount)
	}

	fn release_bond(who: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		deposit::release::<_, T::Currency>(&HoldReason::Bond.into(), who, amount)
	}
}
