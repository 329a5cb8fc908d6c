//! Benchmarks of every call (frame-benchmarking v2), each in the worst case a user can build:
//! the longest fields, writers admitted through an organisation, deposits returned to other
//! accounts than the caller, a release checked against an upkeep contract.

use alloc::{vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::traits::{fungible::Mutate, Get};
use frame_system::RawOrigin;
use sp_core::H256;
use sp_runtime::traits::Bounded;

use crate::{pallet::*, types::*, OrgMembers, UpkeepContracts};

fn user<T: Config>(name: &'static str, i: u32) -> T::AccountId {
	let who: T::AccountId = account(name, i, 0);
	T::Currency::set_balance(&who, BalanceOf::<T>::max_value() / 1_000u32.into());
	who
}

fn field<T: Config>(c: u8) -> Vec<u8> {
	vec![c; T::MaxFieldLen::get() as usize]
}

/// An object of `author` with the longest fields, written by the members of an organisation
/// `writer` is in.
fn object<T: Config>(author: &T::AccountId, writer: &T::AccountId, mark: u8) -> ObjectId {
	let org = T::Orgs::create_for_benchmark(writer);
	Pallet::<T>::do_create(
		author,
		field::<T>(b'a'),
		field::<T>(b'e'),
		field::<T>(mark),
		Access::Org(org),
		Access::Org(org),
		true,
	)
	.expect("creates")
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn create() {
		let author = user::<T>("author", 0);
		#[extrinsic_call]
		_(
			RawOrigin::Signed(author),
			field::<T>(b'a'),
			field::<T>(b'e'),
			field::<T>(b'm'),
			Access::Public,
			Access::Owner,
			true,
		);
	}

	#[benchmark]
	fn add_version() {
		let (author, writer) = (user::<T>("author", 0), user::<T>("writer", 0));
		let id = object::<T>(&author, &writer, b'm');
		#[extrinsic_call]
		_(RawOrigin::Signed(writer), id, H256::repeat_byte(1), u64::MAX);
	}

	#[benchmark]
	fn set_pointer() {
		let (author, writer) = (user::<T>("author", 0), user::<T>("writer", 0));
		let id = object::<T>(&author, &writer, b'm');
		Pallet::<T>::do_add_version(&author, id, H256::repeat_byte(1), 1).expect("adds");
		Pallet::<T>::do_add_version(&author, id, H256::repeat_byte(2), 1).expect("adds");
		#[extrinsic_call]
		_(RawOrigin::Signed(writer), id, Pointer::Cur, 1);
	}

	#[benchmark]
	fn release() {
		let (author, writer) = (user::<T>("author", 0), user::<T>("writer", 0));
		let id = object::<T>(&author, &writer, b'm');
		Pallet::<T>::do_add_version(&author, id, H256::repeat_byte(1), 1).expect("adds");
		let contract = T::Upkeep::create_for_benchmark(&author);
		#[extrinsic_call]
		_(RawOrigin::Signed(author), id, Some(0), Some(contract));
	}

	#[benchmark]
	fn set_access() {
		let (author, writer) = (user::<T>("author", 0), user::<T>("writer", 0));
		let id = object::<T>(&author, &writer, b'm');
		#[extrinsic_call]
		_(RawOrigin::Signed(author), id, Access::Public, Access::Public, false);
	}

	#[benchmark]
	fn add_ref() {
		let (author, writer) = (user::<T>("author", 0), user::<T>("writer", 0));
		let from = object::<T>(&author, &writer, b'f');
		let to = object::<T>(&user::<T>("other", 0), &writer, b't');
		#[extrinsic_call]
		_(RawOrigin::Signed(writer), from, to);
	}

	#[benchmark]
	fn remove_ref() {
		let (author, writer) = (user::<T>("author", 0), user::<T>("writer", 0));
		let from = object::<T>(&author, &writer, b'f');
		let to = object::<T>(&user::<T>("other", 0), &writer, b't');
		Pallet::<T>::do_add_ref(&author, from, to).expect("refers");
		#[extrinsic_call]
		_(RawOrigin::Signed(writer), from, to);
	}

	#[benchmark]
	fn remove_version() {
		let (author, writer) = (user::<T>("author", 0), user::<T>("writer", 0));
		let id = object::<T>(&author, &writer, b'm');
		Pallet::<T>::do_add_version(&author, id, H256::repeat_byte(1), 1).expect("adds");
		Pallet::<T>::do_add_version(&writer, id, H256::repeat_byte(2), 1).expect("adds");
		Pallet::<T>::do_add_version(&author, id, H256::repeat_byte(3), 1).expect("adds");
		#[extrinsic_call]
		_(RawOrigin::Signed(author), id, 1);
	}

	/// Three pointed versions, each added by another account, go with the object.
	#[benchmark]
	fn remove_object() {
		let author = user::<T>("author", 0);
		let writers: Vec<_> = (0..3).map(|i| user::<T>("writer", i)).collect();
		let org = T::Orgs::create_for_benchmark(&writers[0]);
		let id = Pallet::<T>::do_create(
			&author,
			field::<T>(b'a'),
			field::<T>(b'e'),
			field::<T>(b'm'),
			Access::Public,
			Access::Org(org),
			false,
		)
		.expect("creates");
		Pallet::<T>::do_set_access(&author, id, Access::Public, Access::Public, false)
			.expect("sets");
		for (i, w) in writers.iter().enumerate() {
			Pallet::<T>::do_add_version(w, id, H256::repeat_byte(i as u8), 1).expect("adds");
		}
		Pallet::<T>::do_set_pointer(&author, id, Pointer::Cur, 0).expect("cur");
		Pallet::<T>::do_release(&author, id, Some(1), None).expect("releases");
		#[extrinsic_call]
		_(RawOrigin::Signed(author), id);
		assert!(Objects::<T>::get(id).is_none());
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
