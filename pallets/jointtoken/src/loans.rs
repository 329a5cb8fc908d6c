//! Loans (贷款 / 还款): applied for by ordinary users, funded by any user or by the incubation
//! fund, repaid automatically on schedule.

use frame_support::{ensure, pallet_prelude::*};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{Saturating, Zero},
	Perbill,
};

use crate::{
	pallet::{Config, Due, Error, Event, LoanOf, Loans, LoansOf, NextLoanId, Pallet, Rulebook},
	types::*,
};

impl<T: Config> Pallet<T> {
	/// Errors: `UnknownKind`, `NotOrdinaryUser`, `ZeroAmount`, `BadLoan`, `Overflow`,
	/// `TooManyLoans`, `IdsExhausted`, `InsufficientDeposit`.
	pub(crate) fn do_apply_loan(
		borrower: &T::AccountId,
		jtid: JtId,
		amount: Amount,
		installments: u32,
		every: BlockNumberFor<T>,
		interest: Perbill,
	) -> Result<LoanId, DispatchError> {
		ensure!(Rulebook::<T>::contains_key(jtid), Error::<T>::UnknownKind);
		ensure!(amount > 0, Error::<T>::ZeroAmount);
		// Every installment asks for at least one unit, so no scheduled task takes nothing.
		ensure!(
			installments > 0
				&& installments <= MAX_INSTALLMENTS
				&& u128::from(installments) <= amount
				&& !every.is_zero(),
			Error::<T>::BadLoan
		);
		let total = amount.checked_add(interest.mul_ceil(amount)).ok_or(Error::<T>::Overflow)?;
		// The schedule must end at a representable block.
		Self::period_block(frame_system::Pallet::<T>::block_number(), every, installments)?;
		let id = NextLoanId::<T>::get();
		NextLoanId::<T>::put(id.checked_add(1).ok_or(Error::<T>::IdsExhausted)?);
		LoansOf::<T>::try_mutate(jtid, borrower, |ids| ids.try_push(id))
			.map_err(|_| Error::<T>::TooManyLoans)?;
		Self::count_open(&jtid, borrower, true)?;
		let deposit = T::RecordDeposit::get();
		Self::hold_deposit(borrower, deposit)?;
		Loans::<T>::insert(
			id,
			LoanOf::<T> {
				jtid,
				borrower: borrower.clone(),
				lender: None,
				amount,
				total,
				installments,
				every,
				done: 0,
				paid: 0,
				arrears: 0,
				missed: 0,
				next_due: None,
				deposit,
			},
		);
		Self::deposit_event(Event::LoanApplied {
			loan: id,
			jtid,
			borrower: borrower.clone(),
			amount,
			total,
		});
		Ok(id)
	}

	/// Errors: `UnknownLoan`, `NotBorrower`, `WrongLoanState`.
	pub(crate) fn do_cancel_loan(who: &T::AccountId, id: LoanId) -> DispatchResult {
		let loan = Loans::<T>::get(id).ok_or(Error::<T>::UnknownLoan)?;
		ensure!(who == &loan.borrower, Error::<T>::NotBorrower);
		ensure!(loan.lender.is_none(), Error::<T>::WrongLoanState);
		Self::close_loan(id, loan)
	}

	/// `who` lends from its own balance, or the deployer from the incubation fund.
	///
	/// Errors: `UnknownLoan`, `WrongLoanState`, `UnknownKind`, `NotDeployer`, `SelfLoan`,
	/// `NotSignable`, `InsufficientBalance`, `InsufficientDeposit`, `Overflow`.
	pub(crate) fn do_fund_loan(
		who: &T::AccountId,
		id: LoanId,
		from_incubation: bool,
	) -> DispatchResult {
		let mut loan = Loans::<T>::get(id).ok_or(Error::<T>::UnknownLoan)?;
		ensure!(loan.lender.is_none(), Error::<T>::WrongLoanState);
		let lender = if from_incubation {
			let rules = Rulebook::<T>::get(loan.jtid).ok_or(Error::<T>::UnknownKind)?;
			ensure!(who == &rules.deployer, Error::<T>::NotDeployer);
			Self::incubation_account(&loan.jtid)
		} else {
			ensure!(!Self::is_keyless(&loan.jtid, who), Error::<T>::NotSignable);
			who.clone()
		};
		ensure!(lender != loan.borrower, Error::<T>::SelfLoan);
		Self::debit(&loan.jtid, &lender, loan.amount)?;
		// The borrower asked for the loan; it pays for its own entry if it has none.
		Self::credit(&loan.jtid, &loan.borrower, loan.amount, &loan.borrower)?;
		let now = frame_system::Pallet::<T>::block_number();
		let due = Self::queue(now.saturating_add(loan.every), DueTask::Repay { loan: id });
		loan.lender = Some(lender.clone());
		loan.next_due = Some(due);
		Loans::<T>::insert(id, loan);
		Self::deposit_event(Event::LoanFunded { loan: id, lender });
		Ok(())
	}

	/// What installment number `loan.done` asks: an equal part, the last one the rest, never
	/// more than is still owed beyond the arrears.
	fn installment(loan: &LoanOf<T>) -> Amount {
		let owed = loan.total.saturating_sub(loan.paid).saturating_sub(loan.arrears);
		if loan.done.saturating_add(1) >= loan.installments {
			owed
		} else {
			(loan.total / u128::from(loan.installments)).min(owed)
		}
	}

	/// Pays `amount` of the borrower's free tokens to the lender.
	fn pay_lender(
		loan: &mut LoanOf<T>,
		id: LoanId,
		from: &T::AccountId,
		amount: Amount,
	) -> DispatchResult {
		if amount == 0 {
			return Ok(());
		}
		let lender = loan.lender.clone().ok_or(Error::<T>::WrongLoanState)?;
		Self::debit(&loan.jtid, from, amount)?;
		// The borrower pays for the lender's entry if the lender closed it meanwhile.
		Self::credit(&loan.jtid, &lender, amount, &loan.borrower)?;
		loan.paid = loan.paid.saturating_add(amount);
		Self::deposit_event(Event::Repaid { loan: id, amount });
		Ok(())
	}

	/// The hook takes an installment that fell due: as much as the borrower has, the rest
	/// recorded as arrears and a missed installment. A borrower holding nothing changes
	/// nothing but that record.
	pub(crate) fn take_installment(id: LoanId) {
		let Some(mut loan) = Loans::<T>::get(id) else { return };
		let due = Self::installment(&loan);
		let have = Self::balance(&loan.jtid, &loan.borrower);
		let take = due.min(have);
		let borrower = loan.borrower.clone();
		let paid = frame_support::storage::with_storage_layer(|| {
			Self::pay_lender(&mut loan, id, &borrower, take)
		});
		// On an error nothing moved (the layer rolled back): the whole installment is arrears.
		let short = if paid.is_ok() { due.saturating_sub(take) } else { due };
		if short > 0 {
			loan.arrears = loan.arrears.saturating_add(short);
			loan.missed = loan.missed.saturating_add(1);
			Self::deposit_event(Event::InstallmentMissed { loan: id, short });
		}
		loan.done = loan.done.saturating_add(1);
		loan.next_due = None;
		if loan.done < loan.installments {
			let now = frame_system::Pallet::<T>::block_number();
			loan.next_due =
				Some(Self::queue(now.saturating_add(loan.every), DueTask::Repay { loan: id }));
		}
		Self::settle_if_repaid(id, loan);
	}

	/// The borrower repays `amount`: arrears first, then ahead of schedule.
	///
	/// Errors: `UnknownLoan`, `NotBorrower`, `WrongLoanState`, `ZeroAmount`,
	/// `InsufficientBalance`, `InsufficientDeposit`.
	pub(crate) fn do_repay(who: &T::AccountId, id: LoanId, amount: Amount) -> DispatchResult {
		let mut loan = Loans::<T>::get(id).ok_or(Error::<T>::UnknownLoan)?;
		ensure!(who == &loan.borrower, Error::<T>::NotBorrower);
		ensure!(loan.lender.is_some(), Error::<T>::WrongLoanState);
		ensure!(amount > 0, Error::<T>::ZeroAmount);
		let amount = amount.min(loan.total.saturating_sub(loan.paid));
		Self::pay_lender(&mut loan, id, who, amount)?;
		loan.arrears = loan.arrears.saturating_sub(amount);
		Self::settle_if_repaid(id, loan);
		Ok(())
	}

	/// Takes the arrears of `borrower`'s loans in `jtid` out of `incoming` tokens before they
	/// reach the borrower, paying each lender. Returns what went to lenders.
	///
	/// Errors: `Overflow`, `InsufficientDeposit`.
	pub(crate) fn repay_from_incoming(
		jtid: &JtId,
		borrower: &T::AccountId,
		incoming: Amount,
		payer: &T::AccountId,
	) -> Result<Amount, DispatchError> {
		let mut left = incoming;
		for id in LoansOf::<T>::get(jtid, borrower) {
			if left == 0 {
				break;
			}
			let Some(mut loan) = Loans::<T>::get(id) else { continue };
			let take = loan.arrears.min(left);
			if take == 0 {
				continue;
			}
			let lender = loan.lender.clone().ok_or(Error::<T>::WrongLoanState)?;
			Self::credit(jtid, &lender, take, payer)?;
			loan.paid = loan.paid.saturating_add(take);
			loan.arrears = loan.arrears.saturating_sub(take);
			left = left.saturating_sub(take);
			Self::deposit_event(Event::Repaid { loan: id, amount: take });
			Self::settle_if_repaid(id, loan);
		}
		Ok(incoming.saturating_sub(left))
	}

	/// Stores `loan`, or closes it once everything is paid.
	fn settle_if_repaid(id: LoanId, loan: LoanOf<T>) {
		if loan.lender.is_some() && loan.paid >= loan.total {
			let _ = Self::close_loan(id, loan);
		} else {
			Loans::<T>::insert(id, loan);
		}
	}

	fn close_loan(id: LoanId, loan: LoanOf<T>) -> DispatchResult {
		if let Some(due) = loan.next_due {
			Due::<T>::remove(due, DueTask::Repay { loan: id });
		}
		Loans::<T>::remove(id);
		LoansOf::<T>::mutate_exists(loan.jtid, &loan.borrower, |ids| {
			if let Some(list) = ids {
				list.retain(|i| *i != id);
				if list.is_empty() {
					*ids = None;
				}
			}
		});
		Self::count_open(&loan.jtid, &loan.borrower, false)?;
		Self::release_deposit(&loan.borrower, loan.deposit)?;
		Self::deposit_event(Event::LoanClosed { loan: id });
		Ok(())
	}
}
