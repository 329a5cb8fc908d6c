//! Benchmarks of every call (frame-benchmarking v2), each in the worst case a user can build:
//! real signatures checked, a distinct account for every party paid or whose deposit moves,
//! full cohorts with full approvals, the longest keys, formats and results.

use alloc::{vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{
		fungible::{Inspect, Mutate},
		Get,
	},
	BoundedVec,
};
use frame_system::RawOrigin;
use sp_core::H256;
use sp_runtime::{
	traits::{Bounded, StaticLookup},
	Saturating,
};

use crate::{pallet::*, types::*, BenchmarkHelper};

fn funded<T: Config>(who: &T::AccountId) {
	// Enough for any deposit, price or payment, far from overflow.
	T::Currency::set_balance(who, BalanceOf::<T>::max_value() / 1_000u32.into());
}

fn user<T: Config>(name: &'static str, i: u32) -> T::AccountId {
	let who: T::AccountId = account(name, i, 0);
	funded::<T>(&who);
	who
}

/// A signer with a key the benchmark signs with, funded.
fn signer<T: Config>(i: u32) -> T::AccountId {
	let who = T::BenchmarkHelper::signer(i);
	funded::<T>(&who);
	who
}

fn sign<T: Config>(who: &T::AccountId, payload: &[u8]) -> T::Signature {
	T::BenchmarkHelper::sign(who, payload)
}

fn lookup<T: Config>(who: &T::AccountId) -> AccountIdLookupOf<T> {
	T::Lookup::unlookup(who.clone())
}

/// The longest vid, distinct by `i`.
fn vid<T: Config>(i: u32) -> VidOf<T> {
	let mut v = vec![b'V'; T::MaxVidLen::get() as usize];
	v[..4].copy_from_slice(&i.to_le_bytes());
	BoundedVec::truncate_from(v)
}

/// The longest key, distinct by `i`.
fn key<T: Config>(i: u32) -> KeyOf<T> {
	let mut k = vec![b'k'; T::MaxKeyLen::get() as usize];
	k[..4].copy_from_slice(&i.to_le_bytes());
	BoundedVec::truncate_from(k)
}

fn format<T: Config>() -> FormatOf<T> {
	BoundedVec::truncate_from(vec![b'f'; T::MaxFormatLen::get() as usize])
}

fn wrapped<T: Config>() -> WrappedKeyOf<T> {
	BoundedVec::truncate_from(vec![7u8; T::MaxWrappedKeyLen::get() as usize])
}

fn set_block<T: Config>(n: u32) {
	frame_system::Pallet::<T>::set_block_number(n.into());
}

fn agent<T: Config>() -> T::AccountId {
	let a = user::<T>("agent", 0);
	Pallet::<T>::do_register_agent(a.clone()).expect("registers");
	a
}

/// Device `i` registered to `owner`, its key signer `key_index`.
fn device<T: Config>(owner: &T::AccountId, i: u32, key_index: u32) -> VidOf<T> {
	let v = vid::<T>(i);
	let key = signer::<T>(key_index);
	let payload = Pallet::<T>::setup_payload(&v, owner, &[1; 32], &None);
	let proof = sign::<T>(&key, &payload);
	Pallet::<T>::do_setup_device(owner.clone(), v.clone(), key, [1; 32], None, proof)
		.expect("sets up");
	v
}

/// `address` registers its record `i` itself.
fn record<T: Config>(address: &T::AccountId, i: u32) -> RecordId {
	let k = key::<T>(i);
	Pallet::<T>::do_put_record(
		address.clone(),
		address.clone(),
		k.clone(),
		H256::repeat_byte(1),
		1024,
		format::<T>(),
		None,
	)
	.expect("puts");
	record_id(address, &k)
}

/// A provider with one computation whose executor is returned, and an open request for
/// `min_cohort` devices.
fn request<T: Config>(min_cohort: u32) -> (T::AccountId, T::AccountId, RequestId) {
	let provider = user::<T>("provider", 0);
	let executor = user::<T>("executor", 0);
	Pallet::<T>::do_register_provider(provider.clone()).expect("registers");
	let computation = NextComputationId::<T>::get();
	Pallet::<T>::do_register_computation(
		provider.clone(),
		H256::repeat_byte(2),
		executor.clone(),
		[5; 32],
	)
	.expect("registers");
	let id = NextRequestId::<T>::get();
	Pallet::<T>::do_request_usage(
		provider.clone(),
		computation,
		BalanceOf::<T>::max_value() / 1_000_000u32.into(),
		min_cohort,
		[6; 32],
		100u32.into(),
	)
	.expect("requests");
	(provider, executor, id)
}

/// Device `d` of a distinct owner approves `MaxApprovalRecords` of the owner's own records.
fn contribute<T: Config>(request: RequestId, d: u32) {
	let owner = user::<T>("contributor", d);
	let v = device::<T>(&owner, d, 10_000 + d);
	let records: Vec<_> = (0..T::MaxApprovalRecords::get())
		.map(|i| ApprovedRecord {
			record: record::<T>(&owner, d * 1_000 + i),
			wrapped_key: wrapped::<T>(),
			consent: None,
		})
		.collect();
	Pallet::<T>::do_approve_usage(owner, request, v, BoundedVec::truncate_from(records))
		.expect("approves");
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn setup_device() {
		let owner = user::<T>("owner", 0);
		let agent = Some(agent::<T>());
		let key = signer::<T>(0);
		let v = vid::<T>(0);
		let payload = Pallet::<T>::setup_payload(&v, &owner, &[1; 32], &agent);
		let proof = sign::<T>(&key, &payload);
		#[extrinsic_call]
		_(RawOrigin::Signed(owner.clone()), v.clone(), key, [1; 32], agent, proof);
		assert!(Devices::<T>::contains_key(&v));
	}

	#[benchmark]
	fn reset_device() {
		// To a new owner (both owners' deposits move) with a new key and an agent: two
		// signatures checked.
		let old_owner = user::<T>("owner", 0);
		let v = device::<T>(&old_owner, 0, 0);
		let owner = user::<T>("owner", 1);
		let agent = Some(agent::<T>());
		let new_key = signer::<T>(1);
		let reset = Pallet::<T>::reset_payload(&v, 0, &owner, &new_key, &[2; 32], &agent);
		let old_proof = sign::<T>(&T::BenchmarkHelper::signer(0), &reset);
		let setup = Pallet::<T>::setup_payload(&v, &owner, &[2; 32], &agent);
		let new_proof = sign::<T>(&new_key, &setup);
		#[extrinsic_call]
		_(
			RawOrigin::Signed(owner.clone()),
			v.clone(),
			new_key,
			[2; 32],
			agent,
			old_proof,
			new_proof,
		);
		assert_eq!(Devices::<T>::get(&v).map(|d| d.owner), Some(owner));
	}

	#[benchmark]
	fn remove_device() {
		let owner = user::<T>("owner", 0);
		let v = device::<T>(&owner, 0, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), v.clone());
		assert!(!Devices::<T>::contains_key(&v));
	}

	#[benchmark]
	fn register_agent() {
		let a = user::<T>("agent", 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(a.clone()));
		assert!(Agents::<T>::contains_key(&a));
	}

	#[benchmark]
	fn unregister_agent() {
		let a = agent::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(a.clone()), lookup::<T>(&a));
		assert!(!Agents::<T>::contains_key(&a));
	}

	#[benchmark]
	fn put_record() {
		// Submitted by a registered agent with the address's consent: a signature checked,
		// the agent's work counted, the reward minted to a new data-token account.
		let a = agent::<T>();
		let address = T::BenchmarkHelper::signer(0);
		let k = key::<T>(0);
		let hash = H256::repeat_byte(3);
		let f = format::<T>();
		let consent = sign::<T>(&address, &Pallet::<T>::put_payload(&a, &k, &hash, 1024, &f));
		#[extrinsic_call]
		_(RawOrigin::Signed(a), lookup::<T>(&address), k.clone(), hash, 1024, f, Some(consent));
		assert!(Records::<T>::contains_key(record_id(&address, &k)));
	}

	#[benchmark]
	fn remove_record() {
		// The deposit goes back to an agent, the reward is burnt from the address.
		let a = agent::<T>();
		let address = signer::<T>(0);
		let k = key::<T>(0);
		let hash = H256::repeat_byte(3);
		let f = format::<T>();
		let consent = sign::<T>(&address, &Pallet::<T>::put_payload(&a, &k, &hash, 1024, &f));
		Pallet::<T>::do_put_record(a, address.clone(), k.clone(), hash, 1024, f, Some(consent))
			.expect("puts");
		frame_system::Pallet::<T>::set_block_number(
			frame_system::Pallet::<T>::block_number() + T::MinRecordLife::get(),
		);
		let id = record_id(&address, &k);
		#[extrinsic_call]
		_(RawOrigin::Signed(address), id);
		assert!(!Records::<T>::contains_key(id));
	}

	#[benchmark]
	fn offer_purchase() {
		// From a reselling grantee: the record and the seller's grant are read.
		let address = user::<T>("address", 0);
		let id = record::<T>(&address, 0);
		let seller = user::<T>("seller", 0);
		Pallet::<T>::do_grant(address, id, seller.clone(), wrapped::<T>(), true, true)
			.expect("grants");
		let buyer = user::<T>("buyer", 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(buyer.clone()), id, lookup::<T>(&seller), 1_000u32.into(), [7; 32]);
		assert!(Purchases::<T>::contains_key(id, &buyer));
	}

	#[benchmark]
	fn cancel_purchase() {
		let address = user::<T>("address", 0);
		let id = record::<T>(&address, 0);
		let buyer = user::<T>("buyer", 0);
		Pallet::<T>::do_offer_purchase(buyer.clone(), id, address, 1_000u32.into(), [7; 32])
			.expect("offers");
		#[extrinsic_call]
		_(RawOrigin::Signed(buyer.clone()), id);
		assert!(!Purchases::<T>::contains_key(id, &buyer));
	}

	#[benchmark]
	fn grant() {
		// A reseller without `dup` sells to a buyer who offered: the price is paid, the
		// reseller's own grant moves and its deposit goes back to the address that gave it.
		let address = user::<T>("address", 0);
		let id = record::<T>(&address, 0);
		let reseller = user::<T>("seller", 0);
		Pallet::<T>::do_grant(address, id, reseller.clone(), wrapped::<T>(), true, false)
			.expect("grants");
		let buyer = user::<T>("buyer", 0);
		Pallet::<T>::do_offer_purchase(
			buyer.clone(),
			id,
			reseller.clone(),
			1_000u32.into(),
			[7; 32],
		)
		.expect("offers");
		#[extrinsic_call]
		_(
			RawOrigin::Signed(reseller.clone()),
			id,
			lookup::<T>(&buyer),
			wrapped::<T>(),
			true,
			false,
		);
		assert!(Grants::<T>::contains_key(id, &buyer));
		assert!(!Grants::<T>::contains_key(id, &reseller));
	}

	#[benchmark]
	fn renounce_grant() {
		let address = user::<T>("address", 0);
		let id = record::<T>(&address, 0);
		let grantee = user::<T>("buyer", 0);
		Pallet::<T>::do_grant(address, id, grantee.clone(), wrapped::<T>(), true, true)
			.expect("grants");
		#[extrinsic_call]
		_(RawOrigin::Signed(grantee.clone()), id);
		assert!(!Grants::<T>::contains_key(id, &grantee));
	}

	#[benchmark]
	fn register_provider() {
		let p = user::<T>("provider", 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(p.clone()));
		assert!(Providers::<T>::contains_key(&p));
	}

	#[benchmark]
	fn unregister_provider() {
		let p = user::<T>("provider", 0);
		Pallet::<T>::do_register_provider(p.clone()).expect("registers");
		#[extrinsic_call]
		_(RawOrigin::Signed(p.clone()), lookup::<T>(&p));
		assert!(!Providers::<T>::contains_key(&p));
	}

	#[benchmark]
	fn register_computation() {
		let p = user::<T>("provider", 0);
		Pallet::<T>::do_register_provider(p.clone()).expect("registers");
		let executor = user::<T>("executor", 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(p), H256::repeat_byte(2), lookup::<T>(&executor), [5; 32]);
		assert!(Computations::<T>::contains_key(0));
	}

	#[benchmark]
	fn remove_computation() {
		let p = user::<T>("provider", 0);
		Pallet::<T>::do_register_provider(p.clone()).expect("registers");
		let executor = user::<T>("executor", 0);
		Pallet::<T>::do_register_computation(p.clone(), H256::zero(), executor, [5; 32])
			.expect("registers");
		#[extrinsic_call]
		_(RawOrigin::Signed(p), 0);
		assert!(!Computations::<T>::contains_key(0));
	}

	#[benchmark]
	fn request_usage() {
		let p = user::<T>("provider", 0);
		Pallet::<T>::do_register_provider(p.clone()).expect("registers");
		let executor = user::<T>("executor", 0);
		Pallet::<T>::do_register_computation(p.clone(), H256::zero(), executor, [5; 32])
			.expect("registers");
		let cohort = T::MaxCohort::get();
		#[extrinsic_call]
		_(RawOrigin::Signed(p), 0, 1_000u32.into(), cohort, [6; 32], 100u32.into());
		assert!(Requests::<T>::contains_key(0));
	}

	#[benchmark]
	fn approve_usage(n: Linear<1, { T::MaxApprovalRecords::get() }>) {
		// The last place of a cohort; every record of another address, whose consent is a
		// signature checked.
		let (_, _, req) = request::<T>(T::MaxCohort::get());
		for d in 1..T::MaxCohort::get() {
			contribute::<T>(req, d);
		}
		let owner = user::<T>("owner", 0);
		let v = device::<T>(&owner, 0, 0);
		let records: Vec<_> = (0..n)
			.map(|i| {
				let address = signer::<T>(100 + i);
				let id = record::<T>(&address, i);
				let payload = Pallet::<T>::approve_payload(req, &v, &id);
				ApprovedRecord {
					record: id,
					wrapped_key: wrapped::<T>(),
					consent: Some(sign::<T>(&address, &payload)),
				}
			})
			.collect();
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), req, v, BoundedVec::truncate_from(records));
		assert_eq!(Requests::<T>::get(req).map(|r| r.cohort), Some(T::MaxCohort::get()));
	}

	#[benchmark]
	fn submit_result(c: Linear<{ T::MinCohort::get() }, { T::MaxCohort::get() }>) {
		// `c` distinct contributors paid; the longest result hashed and stored.
		let (_, executor, req) = request::<T>(T::MinCohort::get());
		for d in 0..c {
			contribute::<T>(req, d);
		}
		let result = vec![9u8; T::MaxResultLen::get() as usize];
		let hash = H256(sp_io::hashing::blake2_256(&result));
		#[extrinsic_call]
		_(RawOrigin::Signed(executor), req, hash, BoundedVec::truncate_from(result));
		assert!(Results::<T>::contains_key(req));
	}

	#[benchmark]
	fn cancel_request(c: Linear<{ T::MinCohort::get() }, { T::MaxCohort::get() }>) {
		// A complete cohort of `c` devices with full approvals: each is paid and its deposit
		// and keys removed.
		let (provider, _, req) = request::<T>(T::MinCohort::get());
		for d in 0..c {
			contribute::<T>(req, d);
		}
		set_block::<T>(101);
		#[extrinsic_call]
		_(RawOrigin::Signed(provider), req);
		assert!(!Requests::<T>::contains_key(req));
	}

	#[benchmark]
	fn close_request(c: Linear<{ T::MinCohort::get() }, { T::MaxCohort::get() }>) {
		// Closed by a stranger after the retention: `c` deposits returned, their keys removed.
		let (_, executor, req) = request::<T>(T::MinCohort::get());
		for d in 0..c {
			contribute::<T>(req, d);
		}
		let result = vec![9u8; T::MaxResultLen::get() as usize];
		let hash = H256(sp_io::hashing::blake2_256(&result));
		Pallet::<T>::do_submit_result(executor, req, hash, BoundedVec::truncate_from(result))
			.expect("submits");
		frame_system::Pallet::<T>::set_block_number(
			frame_system::Pallet::<T>::block_number() + T::ResultRetention::get(),
		);
		let stranger = user::<T>("stranger", 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(stranger), req);
		assert!(!Requests::<T>::contains_key(req));
	}

	#[benchmark]
	fn claim_agent_reward() {
		// Two agents in the epoch, so the claim updates the tally rather than removing it.
		let a = agent::<T>();
		let other = user::<T>("agent", 1);
		Pallet::<T>::do_register_agent(other.clone()).expect("registers");
		for (i, who) in [&a, &other].into_iter().enumerate() {
			let address = signer::<T>(i as u32);
			let k = key::<T>(0);
			let hash = H256::repeat_byte(3);
			let f = format::<T>();
			let consent = sign::<T>(&address, &Pallet::<T>::put_payload(who, &k, &hash, 1024, &f));
			Pallet::<T>::do_put_record(who.clone(), address, k, hash, 1024, f, Some(consent))
				.expect("puts");
		}
		let epoch = Pallet::<T>::epoch_of(frame_system::Pallet::<T>::block_number());
		frame_system::Pallet::<T>::set_block_number(
			frame_system::Pallet::<T>::block_number() + T::AgentEpoch::get(),
		);
		#[extrinsic_call]
		_(RawOrigin::Signed(a.clone()), epoch);
		assert!(!AgentWork::<T>::contains_key(epoch, &a));
	}

	#[benchmark]
	fn buy_data_tokens() {
		let p = user::<T>("provider", 0);
		Pallet::<T>::do_register_provider(p.clone()).expect("registers");
		T::Currency::set_balance(
			&T::Community::get(),
			BalanceOf::<T>::max_value() / 1_000u32.into(),
		);
		// Enough to open the buyer's data-token account, within the sale's cap.
		let least = T::DataToken::minimum_balance().saturating_mul(1_000u32.into());
		let amount = Pallet::<T>::caps().sold.min(least);
		#[extrinsic_call]
		_(RawOrigin::Signed(p), amount);
		assert_eq!(Emitted::<T>::get().sold, amount);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
