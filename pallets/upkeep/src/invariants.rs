//! Invariants checked by `try_state` (and by every unit test after each step).

use alloc::collections::btree_map::BTreeMap;
use frame_support::{ensure, traits::fungible::InspectHold};
use sp_runtime::{traits::Zero, Saturating, TryRuntimeError};

use crate::pallet::{
	BalanceOf, Config, Contracts, ContractsOf, HoldReason, NextContractId, Pallet, Payments,
	Providers,
};
use frame_support::traits::Get;

impl<T: Config> Pallet<T> {
	/// - escrow accounting: each owner's `Escrow` hold is the sum of its contracts' escrow, and
	///   its `ContractDeposit` hold the sum of their deposits, each deposit the one its member
	///   lists call for;
	/// - ids are below `NextContractId`; every contract is in its owner's index and the index
	///   names no other;
	/// - every provider of a contract's member lists has a payment state, and every state
	///   belongs to a live contract;
	/// - a contract keeps at most `MaxHistory` payments, all numbered below its counter.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let next = NextContractId::<T>::get();
		let mut escrow: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut deposits: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		for (id, c) in Contracts::<T>::iter() {
			ensure!(id < next, "a contract id from the future");
			ensure!(ContractsOf::<T>::contains_key(&c.owner, id), "contract missing from index");
			let e = escrow.entry(c.owner.clone()).or_insert_with(Zero::zero);
			*e = e.saturating_add(c.escrow);
			let d = deposits.entry(c.owner.clone()).or_insert_with(Zero::zero);
			*d = d.saturating_add(c.deposit);
			let expected = match &c.pending {
				Some(p) => Self::deposit_for(&[&c.members, &p.members]),
				None => Self::deposit_for(&[&c.members]),
			};
			ensure!(c.deposit == expected, "deposit != what the member lists call for");
			let lists = core::iter::once(&c.members).chain(c.pending.as_ref().map(|p| &p.members));
			for members in lists {
				for p in members.providers.iter() {
					ensure!(Providers::<T>::contains_key(id, p), "a provider without state");
				}
			}
			let kept = Payments::<T>::iter_prefix(id).count() as u64;
			ensure!(kept <= T::MaxHistory::get() as u64, "history longer than MaxHistory");
			ensure!(
				Payments::<T>::iter_prefix(id).all(|(seq, r)| seq < c.next_payment && r.seq == seq),
				"a payment numbered from the future"
			);
		}
		for (owner, id, ()) in ContractsOf::<T>::iter() {
			ensure!(
				Contracts::<T>::get(id).is_some_and(|c| c.owner == owner),
				"index names a contract of another owner"
			);
		}
		for (id, _, _) in Providers::<T>::iter() {
			ensure!(Contracts::<T>::contains_key(id), "provider state of a removed contract");
		}
		for (id, _, _) in Payments::<T>::iter() {
			ensure!(Contracts::<T>::contains_key(id), "payment of a removed contract");
		}
		for (owner, expected) in escrow {
			let held = T::Currency::balance_on_hold(&HoldReason::Escrow.into(), &owner);
			ensure!(held == expected, "escrow hold != its contracts' escrow");
		}
		for (owner, expected) in deposits {
			let held = T::Currency::balance_on_hold(&HoldReason::ContractDeposit.into(), &owner);
			ensure!(held == expected, "deposit hold != its contracts' deposits");
		}
		Ok(())
	}
}
