//! Invariants checked by `try_state` (and by every unit test after each step).

use alloc::collections::btree_map::BTreeMap;
use frame_support::{ensure, traits::fungible::InspectHold};
use sp_runtime::{traits::Zero, Saturating, TryRuntimeError};

use crate::{
	pallet::{
		BalanceOf, Config, HoldReason, Lines, LinesByGrantee, NextLineId, Pallet, Proposals,
		ProposalsByGrantee, RoleLimits,
	},
	Organisations,
};

impl<T: Config> Pallet<T> {
	/// - every line and proposal has its grantee-first index entry, and every entry its item;
	/// - no line has a proposal waiting; units are valid; nobody has a line with itself;
	/// - a revoked line still has debt (one without is removed);
	/// - an organisation's line is granted by that organisation's account;
	/// - every account's `Deposit` hold is the sum of the deposits of what it created here.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let mut deposits: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut add = |who: &T::AccountId, amount: BalanceOf<T>| {
			let e = deposits.entry(who.clone()).or_insert_with(Zero::zero);
			*e = e.saturating_add(amount);
		};
		for ((grantor, grantee, unit), line) in Lines::<T>::iter() {
			ensure!(unit.is_valid() && grantor != grantee, "a line of a bad unit or with itself");
			ensure!(
				LinesByGrantee::<T>::contains_key((&grantee, &grantor, unit)),
				"line missing from the grantee index"
			);
			ensure!(
				!Proposals::<T>::contains_key((&grantor, &grantee, unit)),
				"a proposal for an open line"
			);
			ensure!(!line.revoked || line.debt > 0, "a revoked line without debt is kept");
			ensure!(line.id < NextLineId::<T>::get(), "a line id from the future");
			if let Some(org) = line.org {
				ensure!(
					T::Organisations::account(&org).is_none_or(|a| a == grantor),
					"an organisation's line granted by another account"
				);
			}
			add(&line.depositor, line.deposit);
		}
		for ((grantee, grantor, unit), ()) in LinesByGrantee::<T>::iter() {
			ensure!(Lines::<T>::contains_key((&grantor, &grantee, unit)), "index names no line");
		}
		for ((grantor, grantee, unit), (_, depositor, p)) in Proposals::<T>::iter() {
			ensure!(
				unit.is_valid() && grantor != grantee,
				"a proposal of a bad unit or with itself"
			);
			ensure!(
				ProposalsByGrantee::<T>::contains_key((&grantee, &grantor, unit)),
				"proposal missing from the grantee index"
			);
			add(&depositor, p.deposit);
		}
		for ((grantee, grantor, unit), ()) in ProposalsByGrantee::<T>::iter() {
			ensure!(
				Proposals::<T>::contains_key((&grantor, &grantee, unit)),
				"index names no proposal"
			);
		}
		for (_, (_, depositor, deposit)) in RoleLimits::<T>::iter() {
			add(&depositor, deposit);
		}
		for (who, amount) in deposits.iter() {
			let held = T::Currency::balance_on_hold(&HoldReason::Deposit.into(), who);
			ensure!(held == *amount, "deposit hold != what the account created");
		}
		Ok(())
	}
}
