//! Invariants checked by `try_state` (and by every unit test after each step).

use alloc::collections::btree_map::BTreeMap;
use frame_support::{
	ensure,
	traits::{fungible::InspectHold, Get},
};
use sp_runtime::{traits::Zero, Saturating, TryRuntimeError};

use crate::{
	node_id,
	pallet::{
		BalanceOf, Config, HoldReason, Members, NextOrgId, NodeIds, Nodes, Orgs, OrgsOf, Pallet,
		Requests,
	},
	Role,
};

impl<T: Config> Pallet<T> {
	/// - each organisation's counts of admins, members, requests and nodes are what is stored,
	///   it has an admin, and its account is its id's;
	/// - members and the per-account index agree; requests and members never overlap;
	/// - nodes are under cods, their ids are `node_id(cod, key)` and indexed;
	/// - every account's `Deposit` hold is the sum of the deposits of what it created here.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let mut deposits: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut add = |who: &T::AccountId, amount: BalanceOf<T>| {
			let e = deposits.entry(who.clone()).or_insert_with(Zero::zero);
			*e = e.saturating_add(amount);
		};
		for (id, o) in Orgs::<T>::iter() {
			ensure!(id < NextOrgId::<T>::get(), "an organisation id from the future");
			ensure!(o.account == Self::org_account(id), "an organisation's account is another's");
			let members: alloc::vec::Vec<_> = Members::<T>::iter_prefix(id).collect();
			let admins = members.iter().filter(|(_, m)| m.role == Role::Admin).count() as u32;
			ensure!(members.len() as u32 == o.members, "member count is off");
			ensure!(admins == o.admins && admins >= 1, "admin count is off, or no admin");
			ensure!(o.members <= T::MaxMembers::get(), "too many members");
			ensure!(Requests::<T>::iter_prefix(id).count() as u32 == o.requests, "requests");
			ensure!(Nodes::<T>::iter_prefix(id).count() as u32 == o.nodes, "node count is off");
			ensure!(o.cod.is_some() || o.nodes == 0, "nodes under a plain organisation");
			add(&o.depositor, o.deposit);
		}
		for (org, who, m) in Members::<T>::iter() {
			ensure!(Orgs::<T>::contains_key(org), "a member of no organisation");
			ensure!(OrgsOf::<T>::contains_key(&who, org), "member missing from the index");
			ensure!(!Requests::<T>::contains_key(org, &who), "a member with a request");
			add(&who, m.deposit);
		}
		for (who, org, ()) in OrgsOf::<T>::iter() {
			ensure!(Members::<T>::contains_key(org, &who), "index names no membership");
		}
		for (_, who, r) in Requests::<T>::iter() {
			ensure!(r.role != Role::Admin, "a request to join as admin");
			add(&who, r.deposit);
		}
		for (cod, key, n) in Nodes::<T>::iter() {
			ensure!(n.cod == cod && n.key == key && n.id == node_id(cod, &key), "a node's id");
			ensure!(NodeIds::<T>::get(n.id) == Some((cod, key)), "node missing from the index");
			add(&n.operator, n.deposit);
		}
		ensure!(
			NodeIds::<T>::iter().all(|(_, (cod, key))| Nodes::<T>::contains_key(cod, key)),
			"index names no node"
		);
		for (who, amount) in deposits.iter() {
			let held = T::Currency::balance_on_hold(&HoldReason::Deposit.into(), who);
			ensure!(held == *amount, "deposit hold != what the account created");
		}
		Ok(())
	}
}
