//! Acceptance, settlement, defaults and disputes.

use codchain_support::deposit;
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{fungible::BalancedHold, tokens::imbalance::Imbalance, OnUnbalanced},
};
use sp_core::H256;
use sp_runtime::traits::{Saturating, UniqueSaturatedInto, Zero};

use crate::{
	pallet::{
		BalanceOf, Config, Error, Event, HoldReason, NextTradeId, OfferOf, Offers, TradeOf, Trades,
		TradesByAccount,
	},
	types::*,
	weights::WeightInfo,
	CloseReason, OnChainAssets, Pallet,
};

/// How one leg of a trade ends when it is resolved after the deadline.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Verdict {
	/// Settled: escrowed on-chain or confirmed.
	Done,
	/// Never reported sent: the payer's default, its bond forfeited.
	Default,
	/// Reported sent, never confirmed: a dispute for both sides, the bond back to the payer.
	Dispute,
	/// Never reported sent, but the seed blames the other side (two unsent off-chain legs: the
	/// offerer defaults): the bond comes back.
	Excused,
}

/// What an acceptance did, for the call's weight refund.
pub(crate) struct Acceptance {
	/// The trade's number (benchmarks build pending trades from it).
	#[cfg_attr(not(feature = "runtime-benchmarks"), allow(dead_code))]
	pub trade: TradeId,
	/// Coins the acceptor's payment or escrow spent (0 for an asset not held in coins).
	pub coins_spent: u32,
	/// Both legs were on-chain and moved at once; no trade is pending.
	pub settled: bool,
	/// The acceptor paid in the native currency (a balance transfer, no coins).
	pub native: bool,
	/// The fill closed the offer.
	pub closed: bool,
	/// The acceptor's record was opened (its first trade), holding its deposit.
	pub opened_record: bool,
}

impl<T: Config> Pallet<T> {
	/// Accepts `amount` of offer `id` for `acceptor`: settles at once when both resources are
	/// on-chain, else records a trade whose off-chain legs await confirmation.
	///
	/// Errors: `UnknownOffer`, `OfferExpired`, `OwnOffer`, `ZeroAmount`, `AboveRemaining`,
	/// `BelowMinimumFill`, `Overflow`, `IdsExhausted`, `CounterpartyCannotBond`,
	/// `InsufficientBond`, `InsufficientDeposit`, and the asset's own error when the acceptor
	/// cannot pay.
	pub(crate) fn do_accept(
		acceptor: &T::AccountId,
		id: OfferId,
		amount: Amount,
		coins: &[H256],
	) -> Result<Acceptance, DispatchError> {
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
		NextTradeId::<T>::put(trade.checked_add(1).ok_or(Error::<T>::IdsExhausted)?);
		let offerer = offer.offerer.clone();
		// The acceptor's record exists (and holds its deposit) before anything moves.
		let opened_record = Self::update_record(acceptor, |_| {})?;
		let mut coins_spent = 0;
		let settled = offer.pay.asset().is_some() && offer.receive.asset().is_some();
		let native = offer.receive.asset().is_some_and(T::Assets::is_native);

		match (offer.pay.asset(), offer.receive.asset()) {
			(Some(pay), Some(receive)) => {
				// Both legs on-chain: atomic, at once. The acceptor pays for the coin it gets.
				T::Assets::unlock(pay, &offerer, acceptor, amount, acceptor)?;
				coins_spent = T::Assets::transfer(receive, acceptor, &offerer, price, coins)?;
				Self::count_settled(&offerer, acceptor)?;
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
					coins_spent = T::Assets::lock(asset, acceptor, price, coins)?;
				}
				let bond = Self::fill_bond(&offer, amount);
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
				let status = |on_chain: bool| {
					if on_chain {
						LegStatus::Escrowed
					} else {
						LegStatus::Awaiting
					}
				};
				let record = TradeOf::<T> {
					offer: id,
					offerer: offerer.clone(),
					acceptor: acceptor.clone(),
					give: Leg {
						resource: offer.pay.clone(),
						amount,
						status: status(pay.is_some()),
					},
					take: Leg {
						resource: offer.receive.clone(),
						amount: price,
						status: status(receive.is_some()),
					},
					deadline: now.saturating_add(T::SettlementPeriod::get()),
					bond,
					deposit,
				};
				Trades::<T>::insert(trade, record);
				TradesByAccount::<T>::insert(&offerer, id_key(trade), ());
				TradesByAccount::<T>::insert(acceptor, id_key(trade), ());
				Self::deposit_event(Event::Accepted {
					offer: id,
					trade,
					acceptor: acceptor.clone(),
					amount,
					price,
				});
			},
		}

		let closed = offer.remaining == 0;
		if closed {
			Self::unqueue_expiry(offer.expiry, id);
			Self::close_offer(id, offer, CloseReason::Filled)?;
		} else {
			Offers::<T>::insert(id, offer);
		}
		Ok(Acceptance { trade, coins_spent, settled, native, closed, opened_record })
	}

	/// What an acceptance is charged once it ran: the benchmark of the path it took. A native
	/// payment for part of an offer, by an acceptor with a record, is the standing offer's
	/// common case and has a benchmark of its own; a native payment that closed the offer or
	/// opened the record is charged the costliest native acceptance, which does both.
	pub(crate) fn accept_weight(done: &Acceptance) -> Weight {
		let n = done.coins_spent.max(1);
		match (done.settled, done.native) {
			(false, _) => T::WeightInfo::accept_off_chain(n),
			(true, false) => T::WeightInfo::accept_on_chain(n),
			(true, true) if done.closed || done.opened_record => T::WeightInfo::accept_native(),
			(true, true) => T::WeightInfo::accept_native_open(),
		}
	}

	/// The bond a fill of `amount` puts up: its share of the offer's bond, rounded up, so that
	/// splitting a fill never bonds less in total than filling it at once.
	pub fn fill_bond(offer: &OfferOf<T>, amount: Amount) -> BalanceOf<T> {
		let bond: u128 = offer.bond.unique_saturated_into();
		// `amount <= offer.amount`, so the share is at most `bond` and converts back exactly.
		sp_runtime::helpers_128bit::multiply_by_rational_with_rounding(
			bond,
			amount,
			offer.amount.max(1),
			sp_runtime::Rounding::Up,
		)
		.unwrap_or(bond)
		.unique_saturated_into()
	}

	/// The receiver of an off-chain leg confirms it; the payer's bond comes back.
	///
	/// Errors: `UnknownTrade`, `NotParty`, `NothingToConfirm` (the signer's incoming leg is
	/// on-chain), `AlreadyConfirmed`, `DeadlinePassed`.
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
		ensure!(leg.status != LegStatus::Confirmed, Error::<T>::AlreadyConfirmed);
		ensure!(
			frame_system::Pallet::<T>::block_number() <= trade.deadline,
			Error::<T>::DeadlinePassed
		);
		leg.status = LegStatus::Confirmed;
		// The payer delivered: its bond comes back.
		Self::release_bond(&payer, trade.bond)?;
		Self::deposit_event(Event::LegConfirmed { trade: id, by: who.clone() });
		if trade.give.is_done() && trade.take.is_done() {
			Self::settle(id, trade)
		} else {
			Trades::<T>::insert(id, trade);
			Ok(())
		}
	}

	/// The payer of an off-chain leg reports it sent, before the deadline.
	///
	/// Errors: `UnknownTrade`, `NotParty`, `NothingToSend` (the signer's outgoing leg is
	/// on-chain), `AlreadySent`, `AlreadyConfirmed`, `DeadlinePassed`.
	pub(crate) fn do_mark_sent(
		who: &T::AccountId,
		id: TradeId,
		reference: Option<H256>,
	) -> DispatchResult {
		let mut trade = Trades::<T>::get(id).ok_or(Error::<T>::UnknownTrade)?;
		// Each side pays one leg: the offerer the pay resource, the acceptor the price.
		let leg = if who == &trade.offerer {
			&mut trade.give
		} else if who == &trade.acceptor {
			&mut trade.take
		} else {
			return Err(Error::<T>::NotParty.into());
		};
		match leg.status {
			LegStatus::Awaiting => {},
			LegStatus::Escrowed => return Err(Error::<T>::NothingToSend.into()),
			LegStatus::Sent { .. } => return Err(Error::<T>::AlreadySent.into()),
			LegStatus::Confirmed => return Err(Error::<T>::AlreadyConfirmed.into()),
		}
		ensure!(
			frame_system::Pallet::<T>::block_number() <= trade.deadline,
			Error::<T>::DeadlinePassed
		);
		leg.status = LegStatus::Sent { reference };
		Trades::<T>::insert(id, trade);
		Self::deposit_event(Event::LegSent { trade: id, by: who.clone(), reference });
		Ok(())
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
		Self::count_settled(&trade.offerer, a)?;
		Self::deposit_event(Event::TradeSettled {
			trade: id,
			offerer: trade.offerer.clone(),
			acceptor: a.clone(),
		});
		Ok(())
	}

	/// After the deadline: on-chain escrow goes back to whoever put it in; each unconfirmed
	/// off-chain leg is its payer's default if never reported sent, else a dispute.
	///
	/// Errors: `UnknownTrade`, `DeadlineNotReached`.
	pub(crate) fn do_resolve_trade(id: TradeId) -> DispatchResult {
		let trade = Trades::<T>::get(id).ok_or(Error::<T>::UnknownTrade)?;
		ensure!(
			frame_system::Pallet::<T>::block_number() > trade.deadline,
			Error::<T>::DeadlineNotReached
		);
		let (give, take) = Self::verdicts(&trade);
		if give == Verdict::Done && take == Verdict::Done {
			return Self::settle(id, trade);
		}
		Self::remove_trade(id, &trade)?;
		let (o, a) = (&trade.offerer, &trade.acceptor);
		if let Some(asset) = trade.give.resource.asset() {
			T::Assets::unlock(asset, o, o, trade.give.amount, a)?;
		}
		if let Some(asset) = trade.take.resource.asset() {
			T::Assets::unlock(asset, a, a, trade.take.amount, a)?;
		}
		let mut disputed = false;
		for (verdict, payer) in [(give, o), (take, a)] {
			match verdict {
				Verdict::Done => {},
				Verdict::Default => {
					let forfeited = Self::forfeit_bond(payer, trade.bond);
					Self::update_record(payer, |s| s.defaults = s.defaults.saturating_add(1))?;
					Self::deposit_event(Event::TradeDefaulted {
						trade: id,
						defaulter: payer.clone(),
						forfeited_bond: forfeited,
					});
				},
				Verdict::Dispute => {
					disputed = true;
					Self::release_bond(payer, trade.bond)?;
				},
				Verdict::Excused => Self::release_bond(payer, trade.bond)?,
			}
		}
		if disputed {
			for who in [o, a] {
				Self::update_record(who, |s| s.disputes = s.disputes.saturating_add(1))?;
			}
			Self::deposit_event(Event::TradeDisputed {
				trade: id,
				offerer: o.clone(),
				acceptor: a.clone(),
			});
		}
		Ok(())
	}

	/// How the give and take legs of `trade` end if it is resolved now.
	fn verdicts(trade: &TradeOf<T>) -> (Verdict, Verdict) {
		let judge = |leg: &Leg<_>| match leg.status {
			LegStatus::Escrowed | LegStatus::Confirmed => Verdict::Done,
			LegStatus::Awaiting => Verdict::Default,
			LegStatus::Sent { .. } => Verdict::Dispute,
		};
		match (judge(&trade.give), judge(&trade.take)) {
			// Seed: with neither leg delivered, the offerer defaults.
			(Verdict::Default, Verdict::Default) => (Verdict::Default, Verdict::Excused),
			verdicts => verdicts,
		}
	}

	fn remove_trade(id: TradeId, trade: &TradeOf<T>) -> DispatchResult {
		Trades::<T>::remove(id);
		TradesByAccount::<T>::remove(&trade.offerer, id_key(id));
		TradesByAccount::<T>::remove(&trade.acceptor, id_key(id));
		Self::release_deposit(&trade.acceptor, trade.deposit)
	}

	fn count_settled(offerer: &T::AccountId, acceptor: &T::AccountId) -> DispatchResult {
		for who in [offerer, acceptor] {
			Self::update_record(who, |s| s.settled = s.settled.saturating_add(1))?;
		}
		Ok(())
	}

	fn hold_bond(who: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		deposit::hold::<_, T::Currency>(&HoldReason::Bond.into(), who, amount)
	}

	fn release_bond(who: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		deposit::release::<_, T::Currency>(&HoldReason::Bond.into(), who, amount)
	}

	/// Takes `who`'s bond off hold and hands it to `Forfeit`; returns what was taken (less than
	/// `amount` only if the hold was slashed elsewhere).
	fn forfeit_bond(who: &T::AccountId, amount: BalanceOf<T>) -> BalanceOf<T> {
		if amount.is_zero() {
			return amount;
		}
		let (credit, _missing) = T::Currency::slash(&HoldReason::Bond.into(), who, amount);
		let taken = credit.peek();
		T::Forfeit::on_unbalanced(credit);
		taken
	}
}
