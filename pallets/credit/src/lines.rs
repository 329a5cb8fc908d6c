//! Lines: proposal, acceptance, terms, revocation and closing, and the limit in force.

use frame_support::{ensure, pallet_prelude::*, traits::Get};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{traits::Saturating, DispatchResult};

use crate::{
	pallet::{
		Config, Error, Event, LineOf, Lines, LinesByGrantee, NextLineId, Pallet, Proposals,
		ProposalsByGrantee, RoleLimits, TermsOf,
	},
	Amount, Line, Organisations, Proposal, Side, Unit,
};

impl<T: Config> Pallet<T> {
	/// `(grantor, grantee)` of a line between `me` on `side` and `other`.
	pub(crate) fn ends<'a>(
		me: &'a T::AccountId,
		side: Side,
		other: &'a T::AccountId,
	) -> (&'a T::AccountId, &'a T::AccountId) {
		match side {
			Side::Grantor => (me, other),
			Side::Grantee => (other, me),
		}
	}

	fn check_terms(terms: &TermsOf<T>) -> DispatchResult {
		match &terms.increase {
			None => ensure!(terms.limit > 0, Error::<T>::BadTerms),
			Some(inc) => ensure!(
				inc.step > 0 && !inc.every.is_zero() && inc.cap > terms.limit,
				Error::<T>::BadTerms
			),
		}
		Ok(())
	}

	/// Errors: `BadUnit`, `SelfLine`, `BadTerms`, `LineExists`, `ProposalExists`, and the
	/// deposit's hold.
	pub(crate) fn do_propose(
		signer: &T::AccountId,
		me: &T::AccountId,
		side: Side,
		other: &T::AccountId,
		unit: Unit,
		terms: TermsOf<T>,
	) -> DispatchResult {
		ensure!(unit.is_valid(), Error::<T>::BadUnit);
		ensure!(me != other, Error::<T>::SelfLine);
		Self::check_terms(&terms)?;
		let (grantor, grantee) = Self::ends(me, side, other);
		let key = (grantor.clone(), grantee.clone(), unit);
		ensure!(!Lines::<T>::contains_key(&key), Error::<T>::LineExists);
		ensure!(!Proposals::<T>::contains_key(&key), Error::<T>::ProposalExists);
		let deposit = T::LineDeposit::get();
		Self::hold_deposit(signer, deposit)?;
		let at = frame_system::Pallet::<T>::block_number();
		Proposals::<T>::insert(&key, (side, signer.clone(), Proposal { terms, at, deposit }));
		ProposalsByGrantee::<T>::insert((grantee.clone(), grantor.clone(), unit), ());
		Self::deposit_event(Event::LineProposed {
			grantor: grantor.clone(),
			grantee: grantee.clone(),
			unit,
			by: side,
			terms,
		});
		Ok(())
	}

	/// Errors: `NoProposal`, `TermsMismatch`.
	pub(crate) fn do_accept(
		me: &T::AccountId,
		side: Side,
		other: &T::AccountId,
		unit: Unit,
		terms: TermsOf<T>,
	) -> DispatchResult {
		let (grantor, grantee) = Self::ends(me, side, other);
		let key = (grantor.clone(), grantee.clone(), unit);
		let (by, depositor, proposal) = Proposals::<T>::get(&key).ok_or(Error::<T>::NoProposal)?;
		ensure!(by == side.other(), Error::<T>::NoProposal);
		ensure!(proposal.terms == terms, Error::<T>::TermsMismatch);
		// `do_propose` and `do_open_org_line` keep a line and a proposal for it from existing
		// together, so the line is new.
		Proposals::<T>::remove(&key);
		ProposalsByGrantee::<T>::remove((grantee.clone(), grantor.clone(), unit));
		Self::insert_line(grantor, grantee, unit, terms, None, depositor, proposal.deposit);
		Ok(())
	}

	/// Stores a new line (its deposit already held) and says so.
	pub(crate) fn insert_line(
		grantor: &T::AccountId,
		grantee: &T::AccountId,
		unit: Unit,
		terms: TermsOf<T>,
		org: Option<crate::pallet::OrgIdOf<T>>,
		depositor: T::AccountId,
		deposit: crate::pallet::BalanceOf<T>,
	) {
		let id = NextLineId::<T>::mutate(|n| {
			let id = *n;
			*n = n.saturating_add(1);
			id
		});
		let line = Line {
			id,
			terms,
			since: frame_system::Pallet::<T>::block_number(),
			debt: 0,
			revoked: false,
			iou_nonce: 0,
			org,
			depositor,
			deposit,
		};
		Lines::<T>::insert((grantor.clone(), grantee.clone(), unit), line);
		LinesByGrantee::<T>::insert((grantee.clone(), grantor.clone(), unit), ());
		Self::deposit_event(Event::LineOpened {
			grantor: grantor.clone(),
			grantee: grantee.clone(),
			unit,
			terms,
			org,
		});
	}

	/// Errors: `NoProposal` (none, or not from the side `withdraw` implies).
	pub(crate) fn do_drop_proposal(
		me: &T::AccountId,
		side: Side,
		other: &T::AccountId,
		unit: Unit,
		withdraw: bool,
	) -> DispatchResult {
		let (grantor, grantee) = Self::ends(me, side, other);
		let key = (grantor.clone(), grantee.clone(), unit);
		let (by, depositor, proposal) = Proposals::<T>::get(&key).ok_or(Error::<T>::NoProposal)?;
		let proposer_side = if withdraw { side } else { side.other() };
		ensure!(by == proposer_side, Error::<T>::NoProposal);
		Proposals::<T>::remove(&key);
		ProposalsByGrantee::<T>::remove((grantee.clone(), grantor.clone(), unit));
		Self::release_deposit(&depositor, proposal.deposit)?;
		let (grantor, grantee) = (grantor.clone(), grantee.clone());
		Self::deposit_event(if withdraw {
			Event::ProposalWithdrawn { grantor, grantee, unit }
		} else {
			Event::ProposalRejected { grantor, grantee, unit }
		});
		Ok(())
	}

	/// Errors: `NoLine`, `LineRevoked`, `OrgManagedLine`, `BadTerms`.
	pub(crate) fn do_set_terms(
		grantor: &T::AccountId,
		grantee: &T::AccountId,
		unit: Unit,
		terms: TermsOf<T>,
	) -> DispatchResult {
		let key = (grantor.clone(), grantee.clone(), unit);
		let mut line = Lines::<T>::get(&key).ok_or(Error::<T>::NoLine)?;
		ensure!(!line.revoked, Error::<T>::LineRevoked);
		ensure!(line.org.is_none(), Error::<T>::OrgManagedLine);
		Self::check_terms(&terms)?;
		line.terms = terms;
		line.since = frame_system::Pallet::<T>::block_number();
		Lines::<T>::insert(&key, line);
		Self::deposit_event(Event::TermsChanged {
			grantor: grantor.clone(),
			grantee: grantee.clone(),
			unit,
			terms,
		});
		Ok(())
	}

	/// Errors: `NoLine`, `LineRevoked`.
	pub(crate) fn do_revoke(
		grantor: &T::AccountId,
		grantee: &T::AccountId,
		unit: Unit,
	) -> DispatchResult {
		let key = (grantor.clone(), grantee.clone(), unit);
		let mut line = Lines::<T>::get(&key).ok_or(Error::<T>::NoLine)?;
		ensure!(!line.revoked, Error::<T>::LineRevoked);
		line.revoked = true;
		Self::deposit_event(Event::LineRevoked {
			grantor: grantor.clone(),
			grantee: grantee.clone(),
			unit,
			debt: line.debt,
		});
		Self::store_line(grantor, grantee, unit, line)
	}

	/// Errors: `NoLine`, `DebtOutstanding`.
	pub(crate) fn do_close(
		grantor: &T::AccountId,
		grantee: &T::AccountId,
		unit: Unit,
	) -> DispatchResult {
		let key = (grantor.clone(), grantee.clone(), unit);
		let line = Lines::<T>::get(&key).ok_or(Error::<T>::NoLine)?;
		ensure!(line.debt == 0, Error::<T>::DebtOutstanding);
		Self::remove_line(grantor, grantee, unit, &line)
	}

	/// Writes `line` back, or removes it when it is revoked and nothing is owed on it.
	pub(crate) fn store_line(
		grantor: &T::AccountId,
		grantee: &T::AccountId,
		unit: Unit,
		line: LineOf<T>,
	) -> DispatchResult {
		if line.revoked && line.debt == 0 {
			return Self::remove_line(grantor, grantee, unit, &line);
		}
		Lines::<T>::insert((grantor.clone(), grantee.clone(), unit), line);
		Ok(())
	}

	fn remove_line(
		grantor: &T::AccountId,
		grantee: &T::AccountId,
		unit: Unit,
		line: &LineOf<T>,
	) -> DispatchResult {
		Lines::<T>::remove((grantor.clone(), grantee.clone(), unit));
		LinesByGrantee::<T>::remove((grantee.clone(), grantor.clone(), unit));
		Self::release_deposit(&line.depositor, line.deposit)?;
		Self::deposit_event(Event::LineClosed {
			grantor: grantor.clone(),
			grantee: grantee.clone(),
			unit,
		});
		Ok(())
	}

	/// The limit in force at `now` on `grantee`'s `line`: the terms with
	/// their increase, or for an organisation's line the grantee's role's sub-limit, `None`
	/// when the grantee is no longer a member.
	pub(crate) fn limit_now(
		grantee: &T::AccountId,
		unit: Unit,
		line: &LineOf<T>,
		now: BlockNumberFor<T>,
	) -> Option<Amount> {
		match line.org {
			Some(org) => {
				let role = T::Organisations::role(&org, grantee)?;
				Some(RoleLimits::<T>::get((org, unit, role)).map(|(l, _, _)| l).unwrap_or(0))
			},
			None => Some(line.terms.limit_after(now.saturating_sub(line.since))),
		}
	}

	/// What `grantee` may still borrow on `line` now: zero when it is revoked or the grantee
	/// left the organisation that granted it.
	pub(crate) fn available(grantee: &T::AccountId, unit: Unit, line: &LineOf<T>) -> Amount {
		if line.revoked {
			return 0;
		}
		let now = frame_system::Pallet::<T>::block_number();
		Self::limit_now(grantee, unit, line, now).unwrap_or(0).saturating_sub(line.debt)
	}

	/// Adds `amount` to the debt of `line`. Errors: `LineRevoked`, `NotOrgMember`,
	/// `BeyondLimit`, `Overflow`.
	pub(crate) fn add_debt(
		grantee: &T::AccountId,
		unit: Unit,
		line: &mut LineOf<T>,
		amount: Amount,
	) -> DispatchResult {
		ensure!(!line.revoked, Error::<T>::LineRevoked);
		let now = frame_system::Pallet::<T>::block_number();
		let limit = Self::limit_now(grantee, unit, line, now).ok_or(Error::<T>::NotOrgMember)?;
		let debt = line.debt.checked_add(amount).ok_or(Error::<T>::Overflow)?;
		ensure!(debt <= limit, Error::<T>::BeyondLimit);
		line.debt = debt;
		Ok(())
	}
}
