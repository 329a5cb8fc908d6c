//! Presales, preorders, delivery and cash-out (预售 / 预购 / 提货 / 兑现).

use frame_support::{ensure, pallet_prelude::*};
use sp_runtime::traits::Saturating;

use crate::{
	pallet::{
		Config, Disputes, Error, Event, Mentors, NextPresaleId, Pallet, PreorderOf, Preorders,
		PresaleOf, Presales, Rulebook, Users,
	},
	types::*,
	PresaleTerms,
};

impl<T: Config> Pallet<T> {
	/// Errors: `UnknownKind`, `NotOrdinaryUser`, `BadPresale`, `Overflow`, `IdsExhausted`,
	/// `InsufficientDeposit`.
	pub(crate) fn do_open_presale(
		seller: &T::AccountId,
		jtid: JtId,
		t: PresaleTerms<frame_system::pallet_prelude::BlockNumberFor<T>>,
	) -> Result<PresaleId, DispatchError> {
		ensure!(Rulebook::<T>::contains_key(jtid), Error::<T>::UnknownKind);
		ensure!(Users::<T>::contains_key(jtid, seller), Error::<T>::NotOrdinaryUser);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(
			t.price > 0
				&& t.units > 0
				&& t.goal <= t.units
				&& t.opens > now
				&& t.opens < t.closes
				&& t.closes <= t.deliver_by,
			Error::<T>::BadPresale
		);
		// The whole presale must be priceable, so no preorder can overflow.
		t.price.checked_mul(u128::from(t.units)).ok_or(Error::<T>::Overflow)?;
		let id = NextPresaleId::<T>::get();
		NextPresaleId::<T>::put(id.checked_add(1).ok_or(Error::<T>::IdsExhausted)?);
		let deposit = T::RecordDeposit::get();
		Self::hold_deposit(seller, deposit)?;
		Self::count_open(&jtid, seller, true)?;
		Presales::<T>::insert(
			id,
			PresaleOf::<T> {
				jtid,
				seller: seller.clone(),
				price: t.price,
				units: t.units,
				goal: t.goal,
				sold: 0,
				opens: t.opens,
				closes: t.closes,
				deliver_by: t.deliver_by,
				escrowed: 0,
				open_preorders: 0,
				product: t.product,
				deposit,
			},
		);
		Self::deposit_event(Event::PresaleOpened {
			presale: id,
			jtid,
			seller: seller.clone(),
			units: t.units,
			price: t.price,
		});
		Ok(id)
	}

	/// Mentors may preorder from `mentor_window` blocks before the presale opens; everyone
	/// from its opening until it closes.
	///
	/// Errors: `UnknownPresale`, `ZeroAmount`, `PreordersClosed`, `SoldOut`, `NotSignable`,
	/// `InsufficientBalance`, `InsufficientDeposit`, `Overflow`.
	pub(crate) fn do_preorder(buyer: &T::AccountId, id: PresaleId, units: u32) -> DispatchResult {
		let mut p = Presales::<T>::get(id).ok_or(Error::<T>::UnknownPresale)?;
		ensure!(units > 0, Error::<T>::ZeroAmount);
		let now = frame_system::Pallet::<T>::block_number();
		let window = Rulebook::<T>::get(p.jtid).map(|r| r.mentor_window).unwrap_or_default();
		let early = now >= p.opens.saturating_sub(window) && now < p.opens;
		let open = now >= p.opens && now < p.closes;
		ensure!(
			open || (early && Mentors::<T>::contains_key(p.jtid, buyer)),
			Error::<T>::PreordersClosed
		);
		let sold = p.sold.checked_add(units).ok_or(Error::<T>::Overflow)?;
		ensure!(sold <= p.units, Error::<T>::SoldOut);
		let paid = p.price.checked_mul(u128::from(units)).ok_or(Error::<T>::Overflow)?;
		ensure!(!Self::is_keyless(&p.jtid, buyer), Error::<T>::NotSignable);
		Self::debit(&p.jtid, buyer, paid)?;
		let mut order = match Preorders::<T>::get(id, buyer) {
			Some(o) => o,
			None => {
				let deposit = T::EntryDeposit::get();
				Self::hold_deposit(buyer, deposit)?;
				p.open_preorders = p.open_preorders.checked_add(1).ok_or(Error::<T>::Overflow)?;
				PreorderOf::<T> { units: 0, paid: 0, marked_delivered: false, deposit }
			},
		};
		order.units = order.units.checked_add(units).ok_or(Error::<T>::Overflow)?;
		order.paid = order.paid.checked_add(paid).ok_or(Error::<T>::Overflow)?;
		p.sold = sold;
		p.escrowed = p.escrowed.checked_add(paid).ok_or(Error::<T>::Overflow)?;
		Preorders::<T>::insert(id, buyer, order);
		Presales::<T>::insert(id, p);
		Self::deposit_event(Event::Preordered { presale: id, buyer: buyer.clone(), units, paid });
		Ok(())
	}

	/// Whether the presale has closed short of its goal: every preorder is then refunded.
	fn goal_missed(p: &PresaleOf<T>) -> bool {
		frame_system::Pallet::<T>::block_number() >= p.closes && p.sold < p.goal
	}

	/// Errors: `UnknownPresale`, `NotSeller`, `UnknownPreorder`, `GoalMissed`, `TooLate`.
	pub(crate) fn do_mark_delivered(
		who: &T::AccountId,
		id: PresaleId,
		buyer: T::AccountId,
	) -> DispatchResult {
		let p = Presales::<T>::get(id).ok_or(Error::<T>::UnknownPresale)?;
		ensure!(who == &p.seller, Error::<T>::NotSeller);
		let mut order = Preorders::<T>::get(id, &buyer).ok_or(Error::<T>::UnknownPreorder)?;
		ensure!(!Self::goal_missed(&p), Error::<T>::GoalMissed);
		ensure!(frame_system::Pallet::<T>::block_number() < p.deliver_by, Error::<T>::TooLate);
		order.marked_delivered = true;
		Preorders::<T>::insert(id, &buyer, order);
		Self::deposit_event(Event::DeliveryReported { presale: id, buyer });
		Ok(())
	}

	/// The buyer confirms delivery: its escrow pays the seller (cash-out).
	///
	/// Errors: `UnknownPresale`, `UnknownPreorder`, `GoalMissed`, `TooEarly` (the presale
	/// has not closed: the goal may still fail), `TooLate`, `InsufficientDeposit`.
	pub(crate) fn do_confirm_delivery(buyer: &T::AccountId, id: PresaleId) -> DispatchResult {
		let p = Presales::<T>::get(id).ok_or(Error::<T>::UnknownPresale)?;
		ensure!(Preorders::<T>::contains_key(id, buyer), Error::<T>::UnknownPreorder);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(!Self::goal_missed(&p), Error::<T>::GoalMissed);
		// Before the presale closes the goal is undecided, and all-or-nothing means nobody
		// is paid until it is met.
		ensure!(now >= p.closes || p.sold >= p.goal, Error::<T>::TooEarly);
		ensure!(now < p.deliver_by, Error::<T>::TooLate);
		Self::end_preorder(id, p, buyer.clone(), PreorderEnd::Delivered)
	}

	/// Settles a preorder that can no longer be delivered: the goal was missed (refund), or
	/// the deadline passed unconfirmed (refund; burned as a dispute if the seller reported
	/// it delivered).
	///
	/// Errors: `UnknownPresale`, `UnknownPreorder`, `TooEarly`.
	pub(crate) fn do_settle_preorder(id: PresaleId, buyer: T::AccountId) -> DispatchResult {
		let p = Presales::<T>::get(id).ok_or(Error::<T>::UnknownPresale)?;
		let order = Preorders::<T>::get(id, &buyer).ok_or(Error::<T>::UnknownPreorder)?;
		let now = frame_system::Pallet::<T>::block_number();
		let end = if Self::goal_missed(&p) {
			PreorderEnd::Refunded
		} else if now >= p.deliver_by {
			if order.marked_delivered {
				PreorderEnd::Disputed
			} else {
				PreorderEnd::Refunded
			}
		} else {
			return Err(Error::<T>::TooEarly.into());
		};
		Self::end_preorder(id, p, buyer, end)
	}

	fn end_preorder(
		id: PresaleId,
		mut p: PresaleOf<T>,
		buyer: T::AccountId,
		end: PreorderEnd,
	) -> DispatchResult {
		let order = Preorders::<T>::take(id, &buyer).ok_or(Error::<T>::UnknownPreorder)?;
		p.escrowed = p.escrowed.checked_sub(order.paid).ok_or(Error::<T>::Overflow)?;
		p.open_preorders = p.open_preorders.saturating_sub(1);
		match end {
			// The buyer pays the seller's entry deposit, if it lacks one: it is the buyer's
			// confirmation that moves the tokens.
			PreorderEnd::Delivered => Self::credit(&p.jtid, &p.seller, order.paid, &buyer)?,
			PreorderEnd::Refunded => Self::credit(&p.jtid, &buyer, order.paid, &buyer)?,
			PreorderEnd::Disputed => {
				Self::burn_supply(&p.jtid, order.paid)?;
				Disputes::<T>::mutate(&buyer, |n| *n = n.saturating_add(1));
				Disputes::<T>::mutate(&p.seller, |n| *n = n.saturating_add(1));
			},
		}
		Self::release_deposit(&buyer, order.deposit)?;
		Self::deposit_event(Event::PreorderSettled { presale: id, buyer, end, amount: order.paid });
		Presales::<T>::insert(id, p);
		Ok(())
	}

	/// Errors: `UnknownPresale`, `NotSeller`, `PresaleInUse`.
	pub(crate) fn do_close_presale(who: &T::AccountId, id: PresaleId) -> DispatchResult {
		let p = Presales::<T>::get(id).ok_or(Error::<T>::UnknownPresale)?;
		ensure!(who == &p.seller, Error::<T>::NotSeller);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(p.open_preorders == 0 && now >= p.closes, Error::<T>::PresaleInUse);
		Presales::<T>::remove(id);
		Self::count_open(&p.jtid, who, false)?;
		Self::release_deposit(who, p.deposit)?;
		Self::deposit_event(Event::PresaleClosed { presale: id });
		Ok(())
	}
}
