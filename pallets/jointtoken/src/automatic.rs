//! Automatic accounts (seed 001 自动账户) and their allocations.

use alloc::vec::Vec;
use codec::Encode;
use frame_support::{ensure, pallet_prelude::*};
use sp_core::H256;
use sp_runtime::{helpers_128bit::multiply_by_rational_with_rounding, traits::Zero, Rounding};

use crate::{
	pallet::{
		AllocPeriod, Automatic, AutomaticOf, Config, DistributionOf, Error, Event, Kinds, Pallet,
		PartsOf,
	},
	types::*,
};

impl<T: Config> Pallet<T> {
	/// The id of an automatic account with this rule: `blake2_256` of its SCALE encoding.
	pub fn distribution_id(rule: &DistributionOf<T>) -> H256 {
		H256(sp_io::hashing::blake2_256(&rule.encode()))
	}

	/// Errors: `BadDistribution`, `AutomaticExists`, `InsufficientDeposit`.
	pub(crate) fn do_register_automatic(
		who: &T::AccountId,
		rule: DistributionOf<T>,
	) -> Result<T::AccountId, DispatchError> {
		ensure!(
			!rule.shares.is_empty()
				&& rule.shares.iter().all(|(_, w)| *w > 0)
				&& !rule.every.is_zero()
				&& rule.shares.len() as u32 <= T::MaxOutputs::get(),
			Error::<T>::BadDistribution
		);
		let id = Self::distribution_id(&rule);
		let account = Self::automatic_account(&id);
		ensure!(!Automatic::<T>::contains_key(&account), Error::<T>::AutomaticExists);
		let deposit = T::RecordDeposit::get();
		Self::hold_deposit(who, deposit)?;
		Automatic::<T>::insert(
			&account,
			AutomaticOf::<T> { id, rule, holdings: 0, registrar: who.clone(), deposit },
		);
		Self::deposit_event(Event::AutomaticRegistered {
			id,
			account: account.clone(),
			registrar: who.clone(),
		});
		Ok(account)
	}

	/// Errors: `UnknownAutomatic`, `NotHolderOrPayer` (not the registrar), `AutomaticInUse`.
	pub(crate) fn do_deregister_automatic(
		who: &T::AccountId,
		account: T::AccountId,
	) -> DispatchResult {
		let a = Automatic::<T>::get(&account).ok_or(Error::<T>::UnknownAutomatic)?;
		ensure!(who == &a.registrar, Error::<T>::NotHolderOrPayer);
		ensure!(a.holdings == 0, Error::<T>::AutomaticInUse);
		// With no ledger entries left, no alloc period is kept either (see `close_entry`).
		Automatic::<T>::remove(&account);
		Self::release_deposit(who, a.deposit)?;
		Self::deposit_event(Event::AutomaticRemoved { account });
		Ok(())
	}

	/// What the alloc of automatic account `account` in kind `jtid` pays now, by its rule:
	/// `portion` of its balance, split by weight with rounding down (the dust stays), shares
	/// that come to zero left out. Returns the period and the outputs.
	///
	/// Errors: `UnknownAutomatic`, `UnknownKind`, `NotDue`, `Overflow`.
	pub fn expected_alloc(
		jtid: &JtId,
		account: &T::AccountId,
	) -> Result<(u32, Parts<T::AccountId>), DispatchError> {
		let a = Automatic::<T>::get(account).ok_or(Error::<T>::UnknownAutomatic)?;
		ensure!(Kinds::<T>::contains_key(jtid), Error::<T>::UnknownKind);
		let period = AllocPeriod::<T>::get(account, jtid);
		let now = frame_system::Pallet::<T>::block_number();
		let due = Self::period_block(a.rule.start, a.rule.every, period)?;
		ensure!(due <= now, Error::<T>::NotDue);
		let pot = a.rule.portion.mul_floor(Self::balance(jtid, account));
		let weights: u128 = a.rule.shares.iter().map(|(_, w)| u128::from(*w)).sum();
		let mut outputs = Vec::new();
		for (to, w) in a.rule.shares.iter() {
			let amount =
				multiply_by_rational_with_rounding(pot, u128::from(*w), weights, Rounding::Down)
					.ok_or(Error::<T>::Overflow)?;
			if amount > 0 {
				outputs.push(Part { account: to.clone(), amount });
			}
		}
		Ok((period, outputs))
	}

	/// An automatic account pays a period of its rule. The outputs must be exactly what the
	/// rule computes; a borrower's share first pays its loans' arrears. Returns what moved
	/// and what went to lenders.
	///
	/// Errors: `UnknownAutomatic`, `UnknownEntry`, `UnknownKind`, `AlreadyIssued` (period paid), `NotDue`,
	/// `Deviation`, `RootReceives`, `Overflow`, `InsufficientDeposit`.
	pub(crate) fn do_alloc(
		who: &T::AccountId,
		jtid: JtId,
		account: T::AccountId,
		period: u32,
		outputs: PartsOf<T, T::MaxOutputs>,
	) -> Result<(Amount, Amount), DispatchError> {
		ensure!(Automatic::<T>::contains_key(&account), Error::<T>::UnknownAutomatic);
		// The period counter lives as long as the account's entry, so entries bound it.
		ensure!(crate::pallet::Ledger::<T>::contains_key(jtid, &account), Error::<T>::UnknownEntry);
		let next = AllocPeriod::<T>::get(&account, jtid);
		ensure!(period >= next, Error::<T>::AlreadyIssued);
		ensure!(period == next, Error::<T>::NotDue);
		let (_, expected) = Self::expected_alloc(&jtid, &account)?;
		ensure!(outputs.as_slice() == expected.as_slice(), Error::<T>::Deviation);
		let root = Self::root_account(&jtid);
		ensure!(expected.iter().all(|p| p.account != root), Error::<T>::RootReceives);
		let total = expected.iter().map(|p| p.amount).sum::<Amount>();
		Self::debit(&jtid, &account, total)?;
		let mut repaid: Amount = 0;
		for p in expected.iter() {
			let to_lenders = Self::repay_from_incoming(&jtid, &p.account, p.amount, who)?;
			repaid = repaid.saturating_add(to_lenders);
			Self::credit(&jtid, &p.account, p.amount.saturating_sub(to_lenders), who)?;
		}
		AllocPeriod::<T>::insert(
			&account,
			jtid,
			period.checked_add(1).ok_or(Error::<T>::Overflow)?,
		);
		Self::deposit_event(Event::Allocated { jtid, account, period, total });
		Ok((total, repaid))
	}
}
