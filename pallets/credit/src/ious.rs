//! IOUs and repayment: debt grows within a line's limit and shrinks when the lender says so.

use codec::Encode;
use frame_support::ensure;
use sp_runtime::DispatchResult;

use crate::{
	pallet::{Config, Error, Event, IouOf, Lines, Pallet},
	Amount, Unit, IOU_TAG,
};

impl<T: Config> Pallet<T> {
	/// What a borrower signs for `iou`.
	pub fn iou_payload(iou: &IouOf<T>) -> alloc::vec::Vec<u8> {
		(IOU_TAG, Self::genesis(), iou).encode()
	}

	/// Errors: `ZeroAmount`, `NoLine`, and those of `add_debt`.
	pub(crate) fn do_borrow(
		lender: &T::AccountId,
		borrower: &T::AccountId,
		unit: Unit,
		amount: Amount,
		signed: Option<(crate::LineId, u64)>,
	) -> DispatchResult {
		ensure!(amount > 0, Error::<T>::ZeroAmount);
		let key = (lender.clone(), borrower.clone(), unit);
		let mut line = Lines::<T>::get(&key).ok_or(Error::<T>::NoLine)?;
		let nonce = signed.map(|(_, n)| n);
		if let Some((id, n)) = signed {
			ensure!(id == line.id, Error::<T>::IouForOtherLine);
			ensure!(n >= line.iou_nonce, Error::<T>::IouReplayed);
			ensure!(n == line.iou_nonce, Error::<T>::IouOutOfOrder);
			line.iou_nonce = n.checked_add(1).ok_or(Error::<T>::Overflow)?;
		}
		Self::add_debt(borrower, unit, &mut line, amount)?;
		let debt = line.debt;
		Lines::<T>::insert(&key, line);
		Self::deposit_event(Event::IouIssued {
			lender: lender.clone(),
			borrower: borrower.clone(),
			unit,
			amount,
			debt,
			nonce,
		});
		Ok(())
	}

	/// Errors: `BadSignature`, and those of `do_borrow` (`IouForOtherLine`, `IouReplayed`,
	/// `IouOutOfOrder`).
	pub(crate) fn do_submit_iou(iou: IouOf<T>, signature: T::Signature) -> DispatchResult {
		ensure!(
			Self::verify(&signature, &Self::iou_payload(&iou), &iou.borrower),
			Error::<T>::BadSignature
		);
		Self::do_borrow(
			&iou.lender,
			&iou.borrower,
			iou.unit,
			iou.amount,
			Some((iou.line, iou.nonce)),
		)
	}

	/// Errors: `ZeroAmount`, `NoLine`, `AboveDebt`.
	pub(crate) fn do_repay(
		lender: &T::AccountId,
		borrower: &T::AccountId,
		unit: Unit,
		amount: Amount,
	) -> DispatchResult {
		ensure!(amount > 0, Error::<T>::ZeroAmount);
		let mut line = Lines::<T>::get((lender, borrower, unit)).ok_or(Error::<T>::NoLine)?;
		line.debt = line.debt.checked_sub(amount).ok_or(Error::<T>::AboveDebt)?;
		let debt = line.debt;
		// Events in order: the repayment, then the line closing if it was the last of a
		// revoked line's debt.
		Self::deposit_event(Event::Repaid {
			lender: lender.clone(),
			borrower: borrower.clone(),
			unit,
			amount,
			debt,
		});
		Self::store_line(lender, borrower, unit, line)
	}
}
