//! Benchmarks of every call (frame-benchmarking v2), each in the worst case a user can build:
//! the longest name and information, distinct accounts for every deposit that moves, a real
//! node signature checked.

use alloc::{vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::traits::{fungible::Mutate, Get};
use frame_system::RawOrigin;
use sp_runtime::traits::{Bounded, StaticLookup};

use crate::{benchmark_node_key, benchmark_node_sign, pallet::*, types::*, AutomaticAccounts};

fn user<T: Config>(name: &'static str, i: u32) -> T::AccountId {
	let who: T::AccountId = account(name, i, 0);
	T::Currency::set_balance(&who, BalanceOf::<T>::max_value() / 1_000u32.into());
	who
}

fn lookup<T: Config>(who: &T::AccountId) -> AccountIdLookupOf<T> {
	T::Lookup::unlookup(who.clone())
}

fn name<T: Config>() -> Vec<u8> {
	vec![b'n'; T::MaxNameLen::get() as usize]
}

fn info<T: Config>() -> Vec<u8> {
	vec![b'i'; T::MaxInfoLen::get() as usize]
}

/// An organisation of `admin` with the longest name and information.
fn org<T: Config>(admin: &T::AccountId) -> OrgId {
	let (n, i) = Pallet::<T>::bounded(name::<T>(), info::<T>()).expect("fits");
	Pallet::<T>::do_create(admin, n, i, T::MemberDeposit::get()).expect("creates")
}

fn member<T: Config>(org: OrgId, admin: &T::AccountId, who: &T::AccountId, role: Role) {
	Pallet::<T>::do_request_join(who, org, Role::Member).expect("requests");
	Pallet::<T>::do_approve(admin, org, who).expect("approves");
	if role != Role::Member {
		Pallet::<T>::do_set_role(admin, org, who, role).expect("sets");
	}
}

/// A cod of `admin` (modeller) with a distinct deployer.
fn cod<T: Config>(admin: &T::AccountId) -> OrgId {
	let id = org::<T>(admin);
	let keys = CodKeys { modeller: admin.clone(), deployer: user::<T>("deployer", 0) };
	Pallet::<T>::do_set_cod_keys(admin, id, Some(keys)).expect("a cod");
	id
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn create() {
		let who = user::<T>("creator", 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(who), name::<T>(), info::<T>(), T::MemberDeposit::get());
		assert_eq!(NextOrgId::<T>::get(), 1);
	}

	#[benchmark]
	fn set_info() {
		let admin = user::<T>("admin", 0);
		let id = org::<T>(&admin);
		#[extrinsic_call]
		_(RawOrigin::Signed(admin), id, name::<T>(), info::<T>(), T::MemberDeposit::get());
	}

	#[benchmark]
	fn request_join() {
		let admin = user::<T>("admin", 0);
		let id = org::<T>(&admin);
		let who = user::<T>("joiner", 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), id, Role::Guest);
		assert!(Requests::<T>::contains_key(id, &who));
	}

	/// Rejecting (an admin's check, then what cancelling does too).
	#[benchmark]
	fn decide_join() {
		let admin = user::<T>("admin", 0);
		let id = org::<T>(&admin);
		let who = user::<T>("joiner", 0);
		Pallet::<T>::do_request_join(&who, id, Role::Member).expect("requests");
		#[extrinsic_call]
		reject_join(RawOrigin::Signed(admin), id, lookup::<T>(&who));
		assert!(!Requests::<T>::contains_key(id, &who));
	}

	#[benchmark]
	fn approve_join() {
		let admin = user::<T>("admin", 0);
		let id = org::<T>(&admin);
		let who = user::<T>("joiner", 0);
		Pallet::<T>::do_request_join(&who, id, Role::Member).expect("requests");
		#[extrinsic_call]
		_(RawOrigin::Signed(admin), id, lookup::<T>(&who));
		assert!(Members::<T>::contains_key(id, &who));
	}

	#[benchmark]
	fn set_role() {
		let admin = user::<T>("admin", 0);
		let id = org::<T>(&admin);
		let who = user::<T>("member", 0);
		member::<T>(id, &admin, &who, Role::Admin);
		#[extrinsic_call]
		_(RawOrigin::Signed(admin), id, lookup::<T>(&who), Role::Guest);
	}

	/// An admin removing another admin.
	#[benchmark]
	fn remove_member() {
		let admin = user::<T>("admin", 0);
		let id = org::<T>(&admin);
		let who = user::<T>("member", 0);
		member::<T>(id, &admin, &who, Role::Admin);
		#[extrinsic_call]
		_(RawOrigin::Signed(admin), id, lookup::<T>(&who));
		assert!(!Members::<T>::contains_key(id, &who));
	}

	/// The record's deposit held by another admin than the one dissolving.
	#[benchmark]
	fn dissolve() {
		let creator = user::<T>("creator", 0);
		let id = org::<T>(&creator);
		let admin = user::<T>("admin", 0);
		member::<T>(id, &creator, &admin, Role::Admin);
		Pallet::<T>::do_remove(id, &creator, None).expect("leaves");
		#[extrinsic_call]
		_(RawOrigin::Signed(admin), id);
		assert!(Orgs::<T>::get(id).is_none());
	}

	#[benchmark]
	fn set_rewards() {
		let admin = user::<T>("admin", 0);
		let id = org::<T>(&admin);
		let account = T::AutomaticAccounts::automatic_for_benchmark();
		#[extrinsic_call]
		_(RawOrigin::Signed(admin), id, Some(account));
	}

	#[benchmark]
	fn set_cod_keys() {
		let admin = user::<T>("admin", 0);
		let id = cod::<T>(&admin);
		let keys =
			CodKeys { modeller: user::<T>("modeller", 1), deployer: user::<T>("deployer", 1) };
		#[extrinsic_call]
		_(RawOrigin::Signed(admin), id, Some(keys));
	}

	#[benchmark]
	fn register_node() {
		let admin = user::<T>("admin", 0);
		let id = cod::<T>(&admin);
		let operator = user::<T>("operator", 0);
		member::<T>(id, &admin, &operator, Role::Member);
		let key = benchmark_node_key(0);
		let proof = benchmark_node_sign(&key, &Pallet::<T>::node_payload(id, &operator));
		#[extrinsic_call]
		_(RawOrigin::Signed(operator), id, key, proof);
		assert!(Nodes::<T>::contains_key(id, key));
	}

	/// The deployer removing an operator's node (the deposit returns to another account).
	#[benchmark]
	fn deregister_node() {
		let admin = user::<T>("admin", 0);
		let id = cod::<T>(&admin);
		let operator = user::<T>("operator", 0);
		member::<T>(id, &admin, &operator, Role::Member);
		let key = benchmark_node_key(0);
		let proof = benchmark_node_sign(&key, &Pallet::<T>::node_payload(id, &operator));
		Pallet::<T>::do_register_node(&operator, id, key, proof).expect("registers");
		let deployer = user::<T>("deployer", 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(deployer), id, key);
		assert!(!Nodes::<T>::contains_key(id, key));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
