//! Read-only queries behind the runtime API, and the dry run of an item.

use alloc::vec::Vec;
use frame_support::{pallet_prelude::*, storage::with_transaction};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::TransactionOutcome;

use crate::{
	pallet::{
		Automatic, AutomaticOf, Config, EntryOf, ItemOf, KindOf, Kinds, Ledger, LoanOf, Loans,
		LoansOf, Mentors, Pallet, PreorderOf, Preorders, PresaleOf, Presales, Rulebook, RulesOf,
		Users,
	},
	types::*,
};

/// The next planned issue of a schedule: the issue item anyone may submit once it is due.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
pub struct NextIssue<AccountId, BlockNumber> {
	pub period: u32,
	pub due: BlockNumber,
	pub to: AccountId,
	#[cfg_attr(feature = "std", serde(with = "codchain_support::amount_str"))]
	pub amount: Amount,
}

impl<T: Config> Pallet<T> {
	/// A kind's rules and state.
	pub fn kind(jtid: &JtId) -> Option<(RulesOf<T>, KindOf<T>)> {
		Some((Rulebook::<T>::get(jtid)?, Kinds::<T>::get(jtid)?))
	}

	/// `who`'s ledger entry of a kind.
	pub fn entry(jtid: &JtId, who: &T::AccountId) -> Option<EntryOf<T>> {
		Ledger::<T>::get(jtid, who)
	}

	/// The next issue of a planned schedule, or `None` when it is done or unknown.
	pub fn next_issue(
		jtid: &JtId,
		schedule: u8,
	) -> Option<NextIssue<T::AccountId, BlockNumberFor<T>>> {
		let rules = Rulebook::<T>::get(jtid)?;
		let kind = Kinds::<T>::get(jtid)?;
		let s = rules.planned.get(schedule as usize)?;
		let (period, _) = *kind.next.get(schedule as usize)?;
		if period >= s.count {
			return None;
		}
		Some(NextIssue {
			period,
			due: Self::period_block(s.start, s.every, period).ok()?,
			to: Self::beneficiary(jtid, &s.to),
			amount: s.amount,
		})
	}

	/// Runs `item` as if `who` submitted it now, and undoes everything: what it would do, or
	/// the error it would fail with. Signatures are checked as on chain.
	pub fn simulate_item(
		who: &T::AccountId,
		item: ItemOf<T>,
	) -> Result<ItemOutcome, DispatchError> {
		with_transaction(|| TransactionOutcome::Rollback(Ok(Self::do_submit(who, item))))
			.unwrap_or_else(|e: DispatchError| Err(e))
	}

	/// Runs a desk purchase as `who` now and undoes it: the tokens it would give and the fee.
	pub fn simulate_buy(
		who: &T::AccountId,
		jtid: &JtId,
		cod: Amount,
	) -> Result<Quote, DispatchError> {
		with_transaction(|| TransactionOutcome::Rollback(Ok(Self::do_buy(who, *jtid, cod, 0))))
			.unwrap_or_else(|e: DispatchError| Err(e))
	}

	/// A registered automatic account.
	pub fn automatic(account: &T::AccountId) -> Option<AutomaticOf<T>> {
		Automatic::<T>::get(account)
	}

	/// Whether `who` declared itself an ordinary user of the kind.
	pub fn is_ordinary(jtid: &JtId, who: &T::AccountId) -> bool {
		Users::<T>::contains_key(jtid, who)
	}

	/// Whether `who` is a mentor in the kind.
	pub fn is_mentor(jtid: &JtId, who: &T::AccountId) -> bool {
		Mentors::<T>::contains_key(jtid, who)
	}

	pub fn presale(id: PresaleId) -> Option<PresaleOf<T>> {
		Presales::<T>::get(id)
	}

	pub fn preorder_of(id: PresaleId, buyer: &T::AccountId) -> Option<PreorderOf<T>> {
		Preorders::<T>::get(id, buyer)
	}

	pub fn loan(id: LoanId) -> Option<LoanOf<T>> {
		Loans::<T>::get(id)
	}

	/// Open loans of a borrower in a kind (at most `MaxLoansPerBorrower`).
	pub fn loans_of(jtid: &JtId, borrower: &T::AccountId) -> Vec<(LoanId, LoanOf<T>)> {
		LoansOf::<T>::get(jtid, borrower)
			.into_iter()
			.filter_map(|id| Loans::<T>::get(id).map(|l| (id, l)))
			.collect()
	}
}
