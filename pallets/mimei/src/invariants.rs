//! Invariants checked by `try_state` (and by every unit test at its end).

use alloc::collections::btree_map::BTreeMap;
use frame_support::{ensure, traits::fungible::InspectHold};
use sp_runtime::{traits::Zero, Saturating, TryRuntimeError};

use crate::{
	object_id,
	pallet::{BalanceOf, Config, HoldReason, Objects, Pallet, Refs, RefsIn, Versions},
};

impl<T: Config> Pallet<T> {
	/// - an object is stored under its id; its version counts, pointers and reference counts
	///   agree with what is stored, and every pointer names a stored version below the next
	///   number;
	/// - references and their index agree and join stored objects;
	/// - every account's `Deposit` hold is the sum of the deposits of what it created here.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let mut deposits: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut add = |who: &T::AccountId, amount: BalanceOf<T>| {
			let e = deposits.entry(who.clone()).or_insert_with(Zero::zero);
			*e = e.saturating_add(amount);
		};
		for (id, o) in Objects::<T>::iter() {
			ensure!(
				object_id(&o.author, &o.app_type, &o.ext, &o.mark) == id,
				"object under a wrong id"
			);
			let versions: alloc::vec::Vec<_> = Versions::<T>::iter_prefix(id).collect();
			ensure!(versions.len() as u32 == o.live_versions, "live version count is off");
			ensure!(versions.iter().all(|(n, _)| *n < o.next_version), "a version from the future");
			for p in [o.cur, o.last, o.release.as_ref().map(|(v, _)| *v)].into_iter().flatten() {
				ensure!(Versions::<T>::contains_key(id, p), "a pointer names no version");
			}
			ensure!(Refs::<T>::iter_prefix(id).count() as u32 == o.refs_out, "refs_out is off");
			ensure!(RefsIn::<T>::iter_prefix(id).count() as u32 == o.refs_in, "refs_in is off");
			for (_, v) in versions {
				add(&v.by, v.deposit);
			}
			add(&o.author, o.deposit);
		}
		for (from, to, (who, deposit)) in Refs::<T>::iter() {
			ensure!(RefsIn::<T>::contains_key(to, from), "reference missing from the index");
			ensure!(
				Objects::<T>::contains_key(from) && Objects::<T>::contains_key(to),
				"a reference to or from no object"
			);
			add(&who, deposit);
		}
		ensure!(
			RefsIn::<T>::iter().all(|(to, from, ())| Refs::<T>::contains_key(from, to)),
			"index"
		);
		for (who, amount) in deposits.iter() {
			let held = T::Currency::balance_on_hold(&HoldReason::Deposit.into(), who);
			ensure!(held == *amount, "deposit hold != what the account created");
		}
		Ok(())
	}
}
