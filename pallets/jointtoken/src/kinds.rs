//! Kinds and their rules, trust-mode prices, ordinary users and mentors.

use codec::Encode;
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{
		fungible::{Inspect, Mutate},
		tokens::Preservation,
	},
};
use sp_core::U512;
use sp_runtime::{
	traits::{Saturating, Zero},
	PerThing, Perbill,
};

use crate::{
	pallet::{
		BalanceOf, Config, Due, Error, Event, KindOf, Kinds, MentorOf, Mentors, Pallet, Rulebook,
		RulesOf, UserOf, Users,
	},
	types::*,
	Desk,
};

impl<T: Config> Pallet<T> {
	/// The id of a kind with these rules: `blake2_256` of their SCALE encoding.
	pub fn check_rules(rules: &RulesOf<T>) -> JtId {
		sp_core::H256(sp_io::hashing::blake2_256(&rules.encode()))
	}

	/// Creates the kind `rules` define, for their deployer `who`.
	///
	/// Errors: `NotDeployer`, `KindExists`, `BadSchedule`, `BadPrices`, `InsufficientDeposit`,
	/// `Overflow`.
	pub(crate) fn do_create_kind(
		who: &T::AccountId,
		rules: RulesOf<T>,
	) -> Result<JtId, DispatchError> {
		ensure!(who == &rules.deployer, Error::<T>::NotDeployer);
		let jtid = Self::check_rules(&rules);
		ensure!(!Kinds::<T>::contains_key(jtid), Error::<T>::KindExists);
		for s in rules.planned.iter() {
			ensure!(s.amount > 0 && !s.every.is_zero() && s.count > 0, Error::<T>::BadSchedule);
		}
		let prices = match &rules.unplanned {
			Some(u) => {
				Self::check_prices(&u.prices, &u.mode)?;
				Some(u.prices)
			},
			None => None,
		};
		let bytes = BalanceOf::<T>::from(rules.encoded_size() as u32);
		let deposit =
			T::KindDeposit::get().saturating_add(T::ByteDeposit::get().saturating_mul(bytes));
		Self::hold_deposit(who, deposit)?;
		let root = Self::root_account(&jtid);
		if prices.is_some() {
			// The root must exist and carry the market's deposits before its desk can open.
			let opening: BalanceOf<T> =
				T::Desk::opening_deposit().try_into().map_err(|_| Error::<T>::Overflow)?;
			let fund = T::Currency::minimum_balance().saturating_add(opening);
			T::Currency::transfer(who, &root, fund, Preservation::Preserve)
				.map_err(|_| Error::<T>::InsufficientDeposit)?;
		}
		let now = frame_system::Pallet::<T>::block_number();
		let first = now.saturating_add(1u32.into());
		let mut next = BoundedVec::new();
		for (i, s) in rules.planned.iter().enumerate() {
			let due = s.start.max(first);
			// At most MAX_SCHEDULES entries, the bound of `rules.planned`.
			let _ = next.try_push((0u32, due));
			Due::<T>::insert(due, DueTask::Planned { jtid, schedule: i as u8 }, ());
		}
		Kinds::<T>::insert(
			jtid,
			KindOf::<T> {
				supply: 0,
				entries: 0,
				records: 0,
				prices,
				trustee: None,
				desk: None,
				next,
				deposit,
				created: now,
			},
		);
		Rulebook::<T>::insert(jtid, rules);
		Self::deposit_event(Event::KindCreated { jtid, deployer: who.clone(), root, deposit });
		Ok(jtid)
	}

	/// Prices must be non-zero, within the trust mode's bounds, and the buy price at most the
	/// sell price net of the fee: otherwise buying and selling back would take more from the
	/// desk than the purchase put in.
	///
	/// Errors: `BadPrices`.
	pub(crate) fn check_prices(p: &Prices, mode: &Mode) -> DispatchResult {
		let nonzero = |x: &Price| x.cod > 0 && x.jt > 0;
		ensure!(nonzero(&p.sell) && nonzero(&p.buy), Error::<T>::BadPrices);
		// buy.cod / buy.jt ≤ sell.cod × (1 - fee) / sell.jt, cross-multiplied exactly.
		let parts = U512::from(Perbill::ACCURACY);
		let net = U512::from(Perbill::ACCURACY.saturating_sub(p.fee.deconstruct()));
		let lhs = U512::from(p.buy.cod) * U512::from(p.sell.jt) * parts;
		let rhs = U512::from(p.sell.cod) * net * U512::from(p.buy.jt);
		ensure!(lhs <= rhs, Error::<T>::BadPrices);
		if let Mode::Trust { min_sell, max_sell, min_buy, max_buy, max_fee } = mode {
			let within = |x: &Price, lo: &Price, hi: &Price| !lo.above(x) && !x.above(hi);
			ensure!(within(&p.sell, min_sell, max_sell), Error::<T>::BadPrices);
			ensure!(within(&p.buy, min_buy, max_buy), Error::<T>::BadPrices);
			ensure!(p.fee <= *max_fee, Error::<T>::BadPrices);
		}
		Ok(())
	}

	/// Errors: `UnknownKind`, `NotDeployer`, `WrongMode`.
	pub(crate) fn do_appoint_trustee(
		who: &T::AccountId,
		jtid: JtId,
		trustee: Option<T::AccountId>,
	) -> DispatchResult {
		let rules = Rulebook::<T>::get(jtid).ok_or(Error::<T>::UnknownKind)?;
		ensure!(who == &rules.deployer, Error::<T>::NotDeployer);
		ensure!(
			matches!(rules.unplanned, Some(Unplanned { mode: Mode::Trust { .. }, .. })),
			Error::<T>::WrongMode
		);
		Kinds::<T>::mutate(jtid, |k| {
			if let Some(k) = k {
				k.trustee = trustee.clone();
			}
		});
		Self::deposit_event(Event::TrusteeAppointed { jtid, trustee });
		Ok(())
	}

	/// Errors: `UnknownKind`, `WrongMode`, `NotTrustee`, `BadPrices`, and the market's when
	/// the desk offer cannot be repriced.
	pub(crate) fn do_set_prices(who: &T::AccountId, jtid: JtId, prices: Prices) -> DispatchResult {
		let rules = Rulebook::<T>::get(jtid).ok_or(Error::<T>::UnknownKind)?;
		let mut kind = Kinds::<T>::get(jtid).ok_or(Error::<T>::UnknownKind)?;
		let mode = match rules.unplanned {
			Some(Unplanned { mode: mode @ Mode::Trust { .. }, .. }) => mode,
			_ => return Err(Error::<T>::WrongMode.into()),
		};
		ensure!(kind.trustee.as_ref() == Some(who), Error::<T>::NotTrustee);
		Self::check_prices(&prices, &mode)?;
		if let Some(offer) = kind.desk {
			if T::Desk::remaining(offer).is_some() {
				T::Desk::reprice(&Self::root_account(&jtid), offer, prices.buy)?;
			}
		}
		kind.prices = Some(prices);
		Kinds::<T>::insert(jtid, kind);
		Self::deposit_event(Event::PricesSet { jtid, prices });
		Ok(())
	}

	/// Errors: `UnknownKind`, `NotDeployer`, `KindInUse`.
	pub(crate) fn do_remove_kind(who: &T::AccountId, jtid: JtId) -> DispatchResult {
		let rules = Rulebook::<T>::get(jtid).ok_or(Error::<T>::UnknownKind)?;
		let kind = Kinds::<T>::get(jtid).ok_or(Error::<T>::UnknownKind)?;
		ensure!(who == &rules.deployer, Error::<T>::NotDeployer);
		let desk_open = kind.desk.is_some_and(|o| T::Desk::remaining(o).is_some());
		ensure!(
			kind.supply == 0 && kind.entries == 0 && kind.records == 0 && !desk_open,
			Error::<T>::KindInUse
		);
		for (i, (_, due)) in kind.next.iter().enumerate() {
			Due::<T>::remove(due, DueTask::Planned { jtid, schedule: i as u8 });
		}
		Rulebook::<T>::remove(jtid);
		Kinds::<T>::remove(jtid);
		Self::release_deposit(who, kind.deposit)?;
		Self::deposit_event(Event::KindRemoved { jtid });
		Ok(())
	}

	/// Errors: `UnknownKind`, `AlreadyUser`, `InsufficientDeposit`.
	pub(crate) fn do_declare_ordinary(who: &T::AccountId, jtid: JtId) -> DispatchResult {
		ensure!(Kinds::<T>::contains_key(jtid), Error::<T>::UnknownKind);
		ensure!(!Users::<T>::contains_key(jtid, who), Error::<T>::AlreadyUser);
		let deposit = T::EntryDeposit::get();
		Self::hold_deposit(who, deposit)?;
		let since = frame_system::Pallet::<T>::block_number();
		Users::<T>::insert(jtid, who, UserOf::<T> { since, open: 0, deposit });
		Self::deposit_event(Event::UserDeclared { jtid, who: who.clone() });
		Ok(())
	}

	/// Errors: `NotOrdinaryUser`, `UserInUse`.
	pub(crate) fn do_revoke_ordinary(who: &T::AccountId, jtid: JtId) -> DispatchResult {
		let user = Users::<T>::get(jtid, who).ok_or(Error::<T>::NotOrdinaryUser)?;
		ensure!(user.open == 0, Error::<T>::UserInUse);
		Users::<T>::remove(jtid, who);
		Self::release_deposit(who, user.deposit)?;
		Self::deposit_event(Event::UserRevoked { jtid, who: who.clone() });
		Ok(())
	}

	/// Counts an open presale or loan of an ordinary user (`add`), or its end.
	///
	/// Errors: `NotOrdinaryUser`, `Overflow`.
	pub(crate) fn count_open(jtid: &JtId, who: &T::AccountId, add: bool) -> DispatchResult {
		Users::<T>::try_mutate(jtid, who, |u| -> DispatchResult {
			let u = u.as_mut().ok_or(Error::<T>::NotOrdinaryUser)?;
			u.open = if add {
				u.open.checked_add(1).ok_or(Error::<T>::Overflow)?
			} else {
				u.open.saturating_sub(1)
			};
			Ok(())
		})?;
		Kinds::<T>::try_mutate(jtid, |k| -> DispatchResult {
			let k = k.as_mut().ok_or(Error::<T>::UnknownKind)?;
			k.records = if add {
				k.records.checked_add(1).ok_or(Error::<T>::Overflow)?
			} else {
				k.records.saturating_sub(1)
			};
			Ok(())
		})
	}

	/// Errors: `UnknownKind`, `NotOrdinaryUser`, `TutoringTooSmall`, `NotSignable`,
	/// `InsufficientBalance`, `InsufficientDeposit`, `Overflow`.
	pub(crate) fn do_pay_tutoring(
		who: &T::AccountId,
		jtid: JtId,
		mentor: T::AccountId,
		amount: Amount,
	) -> DispatchResult {
		let rules = Rulebook::<T>::get(jtid).ok_or(Error::<T>::UnknownKind)?;
		ensure!(Users::<T>::contains_key(jtid, who), Error::<T>::NotOrdinaryUser);
		ensure!(amount > 0 && amount >= rules.min_tutoring_fee, Error::<T>::TutoringTooSmall);
		ensure!(!Self::is_keyless(&jtid, &mentor), Error::<T>::NotSignable);
		Self::debit(&jtid, who, amount)?;
		Self::credit(&jtid, &mentor, amount, who)?;
		if !Mentors::<T>::contains_key(jtid, &mentor) {
			let deposit = T::EntryDeposit::get();
			Self::hold_deposit(who, deposit)?;
			Mentors::<T>::insert(jtid, &mentor, MentorOf::<T> { payer: who.clone(), deposit });
		}
		Self::deposit_event(Event::TutoringPaid { jtid, user: who.clone(), mentor, amount });
		Ok(())
	}

	/// Errors: `UnknownMentor`, `NotMentorOrPayer`.
	pub(crate) fn do_remove_mentor(
		who: &T::AccountId,
		jtid: JtId,
		mentor: T::AccountId,
	) -> DispatchResult {
		let m = Mentors::<T>::get(jtid, &mentor).ok_or(Error::<T>::UnknownMentor)?;
		ensure!(who == &mentor || who == &m.payer, Error::<T>::NotMentorOrPayer);
		Mentors::<T>::remove(jtid, &mentor);
		Self::release_deposit(&m.payer, m.deposit)?;
		Self::deposit_event(Event::MentorRemoved { jtid, mentor });
		Ok(())
	}
}
