//! Benchmarks of every call (frame-benchmarking v2), each in the worst case a user can build:
//! distinct, existing accounts for every keeper and provider (each paid part is one more
//! account write), full member lists, full history, real signatures checked.

use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{fungible::Mutate, Get},
	BoundedVec,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_runtime::{
	traits::{Bounded, StaticLookup},
	Perbill,
};

use crate::{pallet::*, types::*, BenchmarkHelper};

fn funded<T: Config>(who: &T::AccountId) {
	// Enough for any deposit and escrow, far from overflow.
	T::Currency::set_balance(who, BalanceOf::<T>::max_value() / 1_000u32.into());
}

fn user<T: Config>() -> T::AccountId {
	let who: T::AccountId = account("user", 0, 0);
	funded::<T>(&who);
	who
}

/// `n` keepers with signing keys, funded so each part paid to them is a write to an existing
/// account.
fn keepers<T: Config>(n: u32) -> Vec<T::AccountId> {
	(0..n)
		.map(|i| {
			let k = T::BenchmarkHelper::keeper(i);
			funded::<T>(&k);
			k
		})
		.collect()
}

fn providers<T: Config>(name: &'static str, n: u32) -> Vec<T::AccountId> {
	(0..n)
		.map(|i| {
			let p: T::AccountId = account(name, i, 0);
			funded::<T>(&p);
			p
		})
		.collect()
}

fn members<T: Config>(k: Vec<T::AccountId>, p: Vec<T::AccountId>) -> MembersOf<T> {
	Members { keepers: BoundedVec::truncate_from(k), providers: BoundedVec::truncate_from(p) }
}

fn terms<T: Config>() -> Terms<BalanceOf<T>, BlockNumberFor<T>> {
	Terms {
		price: 1u32.into(),
		period: 10u32.into(),
		window: 3u32.into(),
		tolerance: DEFAULT_TOLERANCE,
		// With a leader bonus the payer is paid twice: the most transfers a payment makes.
		split: Split {
			provider: Perbill::from_percent(90),
			leader_bonus: Perbill::from_percent(1),
		},
	}
}

fn escrow<T: Config>() -> BalanceOf<T> {
	BalanceOf::<T>::max_value() / 1_000_000u32.into()
}

fn set_block<T: Config>(n: u32) {
	frame_system::Pallet::<T>::set_block_number(n.into());
}

/// A record in every history slot of `id`, so the next payment drops the oldest.
fn fill_history<T: Config>(id: ContractId, provider: &T::AccountId, payer: &T::AccountId) {
	let kept = T::MaxHistory::get() as u64;
	for seq in 0..kept {
		Payments::<T>::insert(
			id,
			seq,
			PaymentRecord {
				seq,
				provider: provider.clone(),
				ts: 0u32.into(),
				te: 0u32.into(),
				st: 0,
				paid: 0u32.into(),
				to_provider: 0u32.into(),
				to_each_keeper: 0u32.into(),
				keepers_paid: 0,
				bonus: 0u32.into(),
				payer: payer.clone(),
				paid_at: 0u32.into(),
				digest: Default::default(),
				capped: false,
			},
		);
	}
	Contracts::<T>::mutate(id, |c| c.as_mut().expect("exists").next_payment = kept);
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn create(k: Linear<1, { T::MaxKeepers::get() }>, p: Linear<1, { T::MaxProviders::get() }>) {
		let owner = user::<T>();
		let ks: KeepersOf<T> = BoundedVec::truncate_from(keepers::<T>(k));
		let ps: ProvidersOf<T> = BoundedVec::truncate_from(providers::<T>("provider", p));
		#[extrinsic_call]
		_(
			RawOrigin::Signed(owner),
			ks,
			ps,
			1u32.into(),
			10u32.into(),
			3u32.into(),
			escrow::<T>(),
			None,
			None,
		);
		assert_eq!(Providers::<T>::iter_prefix(0).count() as u32, p);
	}

	#[benchmark]
	fn top_up() {
		let owner = user::<T>();
		let m = members::<T>(keepers::<T>(1), providers::<T>("provider", 1));
		let id = Pallet::<T>::do_create(&owner, m, terms::<T>(), escrow::<T>()).expect("creates");
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), id, 1_000u32.into());
		assert!(Contracts::<T>::get(id).is_some_and(|c| c.escrow > escrow::<T>()));
	}

	/// A full contract with a full pending change that settles now, removing every old
	/// provider, then `k` keepers and `p` new providers.
	#[benchmark]
	fn change_members(
		k: Linear<1, { T::MaxKeepers::get() }>,
		p: Linear<1, { T::MaxProviders::get() }>,
	) {
		let owner = user::<T>();
		let max_k = T::MaxKeepers::get();
		let max_p = T::MaxProviders::get();
		let all_keepers = keepers::<T>(max_k);
		let old = providers::<T>("old", max_p);
		let m = members::<T>(all_keepers.clone(), old.clone());
		let id = Pallet::<T>::do_create(&owner, m, terms::<T>(), escrow::<T>()).expect("creates");
		set_block::<T>(2);
		let first = members::<T>(all_keepers.clone(), providers::<T>("first", max_p));
		Pallet::<T>::do_change_members(&owner, id, first).expect("changes");
		for o in &old {
			Providers::<T>::mutate(id, o, |s| s.as_mut().expect("exists").paid_until = 2u32.into());
		}
		set_block::<T>(3);
		let ks: KeepersOf<T> = BoundedVec::truncate_from(all_keepers[..k as usize].to_vec());
		let ps: ProvidersOf<T> = BoundedVec::truncate_from(providers::<T>("second", p));
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), id, ks, ps);
		assert!(Providers::<T>::get(id, &old[0]).is_none());
	}

	#[benchmark]
	fn close() {
		let owner = user::<T>();
		let m = members::<T>(keepers::<T>(1), providers::<T>("provider", 1));
		let id = Pallet::<T>::do_create(&owner, m, terms::<T>(), escrow::<T>()).expect("creates");
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), id);
		assert!(Contracts::<T>::get(id).is_some_and(|c| c.closed.is_some()));
	}

	/// A closed contract with both member lists full of paid-up providers and a full history.
	#[benchmark]
	fn finish() {
		let owner = user::<T>();
		let max_p = T::MaxProviders::get();
		let ks = keepers::<T>(T::MaxKeepers::get());
		let old = providers::<T>("old", max_p);
		let m = members::<T>(ks.clone(), old.clone());
		let id = Pallet::<T>::do_create(&owner, m, terms::<T>(), escrow::<T>()).expect("creates");
		set_block::<T>(2);
		let new = providers::<T>("new", max_p);
		Pallet::<T>::do_change_members(&owner, id, members::<T>(ks.clone(), new.clone()))
			.expect("changes");
		Pallet::<T>::do_close(&owner, id).expect("closes");
		for p in old.iter().chain(new.iter()) {
			Providers::<T>::mutate(id, p, |s| s.as_mut().expect("exists").paid_until = 2u32.into());
		}
		fill_history::<T>(id, &old[0], &ks[0]);
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), id);
		assert!(Contracts::<T>::get(id).is_none());
	}

	/// `k` keepers all attest with real signatures; the first leader pays in its window, so
	/// every keeper gets a part and the leader a bonus; the history is full. The contract is
	/// as large as one gets: every provider seat taken and a full change of members pending
	/// (from after this period, so the payment still goes by the current members).
	#[benchmark]
	fn pay(k: Linear<1, { T::MaxKeepers::get() }>) {
		let owner = user::<T>();
		let ks = keepers::<T>(k);
		let ps = providers::<T>("provider", T::MaxProviders::get());
		let provider = ps[0].clone();
		let m = members::<T>(ks.clone(), ps);
		let id = Pallet::<T>::do_create(&owner, m, terms::<T>(), escrow::<T>()).expect("creates");
		fill_history::<T>(id, &provider, &ks[0]);
		let ts: BlockNumberFor<T> = frame_system::Pallet::<T>::block_number();
		frame_system::Pallet::<T>::set_block_number(ts + 1u32.into());
		let next = members::<T>(
			keepers::<T>(T::MaxKeepers::get()),
			providers::<T>("next", T::MaxProviders::get()),
		);
		Pallet::<T>::do_change_members(&owner, id, next).expect("changes");
		let at = ts + 10u32.into();
		frame_system::Pallet::<T>::set_block_number(at);
		let st: SpaceTime = 1_000_000;
		let attestations: AttestationsOf<T> = BoundedVec::truncate_from(
			ks.iter()
				.map(|keeper| {
					let payload = Pallet::<T>::attestation_payload(id, &provider, ts, at, st);
					Attestation {
						keeper: keeper.clone(),
						contract: id,
						provider: provider.clone(),
						ts,
						te: at,
						st,
						signature: T::BenchmarkHelper::sign(keeper, &payload),
					}
				})
				.collect(),
		);
		let leader = Pallet::<T>::leader_order(&ks, ts).remove(0);
		let lookup = T::Lookup::unlookup(provider.clone());
		#[extrinsic_call]
		_(RawOrigin::Signed(leader), id, lookup, ts, at, st, attestations);
		assert_eq!(Providers::<T>::get(id, &provider).map(|s| s.paid_until), Some(at));
	}

	/// The provider's last free maintenance slot, the others still ahead.
	#[benchmark]
	fn declare_maintenance() {
		let owner = user::<T>();
		let provider = providers::<T>("provider", 1).remove(0);
		let m = members::<T>(keepers::<T>(1), alloc::vec![provider.clone()]);
		let id = Pallet::<T>::do_create(&owner, m, terms::<T>(), escrow::<T>()).expect("creates");
		let len = T::MaxMaintenanceLength::get();
		let mut start: BlockNumberFor<T> = 10u32.into();
		for _ in 1..T::MaxMaintenance::get() {
			Pallet::<T>::do_declare_maintenance(&provider, id, start, start + len)
				.expect("declares");
			start = start + len + len;
		}
		#[extrinsic_call]
		_(RawOrigin::Signed(provider.clone()), id, start, start + len);
		assert_eq!(
			Providers::<T>::get(id, &provider).map(|s| s.maintenance.len() as u32),
			Some(T::MaxMaintenance::get())
		);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
