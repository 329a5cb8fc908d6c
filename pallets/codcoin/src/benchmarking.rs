//! Benchmarks of every call (frame-benchmarking v2), each in its worst case: an issuer with
//! `MaxClaims` claims on record, so every cap computation reads and sums all of them.

use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{fungible::Mutate, Get},
	BoundedVec,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_runtime::traits::{Bounded, StaticLookup};

use crate::{pallet::*, types::*};

fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	// Enough for any number of deposits, far from overflow.
	let amount = BalanceOf::<T>::max_value() / 1_000u32.into();
	T::Currency::set_balance(&who, amount);
	who
}

fn far_future<T: Config>() -> BlockNumberFor<T> {
	1_000_000u32.into()
}

/// `issuer` declares `n` claims of a huge value each, attested by `attestor` when given.
fn claims<T: Config>(issuer: &T::AccountId, n: u32, attestor: Option<&T::AccountId>) {
	for _ in 0..n {
		Pallet::<T>::do_declare_claim(
			issuer,
			ClaimKind::Stock { units: 1 },
			Units::MAX / 1_000,
			far_future::<T>(),
			attestor.cloned(),
		)
		.expect("declares");
		if let Some(a) = attestor {
			let id = NextClaimId::<T>::get() - 1;
			Pallet::<T>::do_attest_claim(a, issuer, id).expect("attests");
		}
	}
}

fn outputs<T: Config>(
	holder: &T::AccountId,
	n: u32,
	each: Units,
) -> Outputs<T::AccountId, T::MaxOutputs> {
	BoundedVec::truncate_from(
		(0..n).map(|_| PourOutput { holder: holder.clone(), amount: each }).collect(),
	)
}

/// An issuer with every claim slot but one taken; `holder` gets `n` coins of `each` units, each
/// created (and its deposit paid) by a different account, so spending them refunds `n`
/// distinct payers: the worst case a holder can build.
fn coins<T: Config>(
	issuer: &T::AccountId,
	holder: &T::AccountId,
	n: u32,
	each: Units,
) -> Vec<CoinId> {
	if Issuers::<T>::get(issuer).is_none() {
		claims::<T>(issuer, T::MaxClaims::get() - 1, None);
	}
	(0..n)
		.map(|k| {
			let payer = funded::<T>("payer", k);
			let out = [PourOutput { holder: payer.clone(), amount: each }];
			let first = Pallet::<T>::do_issue(issuer, &out).expect("issues");
			let to_holder = [PourOutput { holder: holder.clone(), amount: each }];
			Pallet::<T>::do_remint(&payer, &first, &to_holder).expect("gives").0[0]
		})
		.collect()
}

/// `holder` gets `n` coins of `issuer` of `each` units whose deposits it paid itself (it
/// re-minted each one to itself, as the change of its own payments is): spending them refunds
/// nobody else.
fn own_coins<T: Config>(
	issuer: &T::AccountId,
	holder: &T::AccountId,
	n: u32,
	each: Units,
) -> Vec<CoinId> {
	coins::<T>(issuer, holder, n, each)
		.into_iter()
		.map(|c| {
			let to_self = [PourOutput { holder: holder.clone(), amount: each }];
			Pallet::<T>::do_remint(holder, &[c], &to_self).expect("keeps").0[0]
		})
		.collect()
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// The last free claim slot of an issuer with an attestor.
	#[benchmark]
	fn declare_claim() {
		let issuer = funded::<T>("issuer", 0);
		let attestor = funded::<T>("attestor", 0);
		claims::<T>(&issuer, T::MaxClaims::get() - 1, None);
		#[extrinsic_call]
		_(
			RawOrigin::Signed(issuer.clone()),
			ClaimKind::Labour { person_hours: 160 },
			1_000,
			far_future::<T>(),
			Some(T::Lookup::unlookup(attestor)),
		);
		assert_eq!(Claims::<T>::get(&issuer).len() as u32, T::MaxClaims::get());
	}

	/// Attesting the last of `MaxClaims` claims.
	#[benchmark]
	fn attest_claim() {
		let issuer = funded::<T>("issuer", 0);
		let attestor = funded::<T>("attestor", 0);
		claims::<T>(&issuer, T::MaxClaims::get() - 1, Some(&attestor));
		Pallet::<T>::do_declare_claim(
			&issuer,
			ClaimKind::Service { capacity: 1 },
			1,
			far_future::<T>(),
			Some(attestor.clone()),
		)
		.expect("declares");
		let id = NextClaimId::<T>::get() - 1;
		#[extrinsic_call]
		_(RawOrigin::Signed(attestor), T::Lookup::unlookup(issuer.clone()), id);
		assert!(Claims::<T>::get(&issuer).iter().all(|c| c.attested));
	}

	/// Retiring a live claim while supply is outstanding: the remaining cap is summed.
	#[benchmark]
	fn retire_claim() {
		let issuer = funded::<T>("issuer", 0);
		let holder = funded::<T>("holder", 0);
		claims::<T>(&issuer, T::MaxClaims::get(), None);
		Pallet::<T>::do_issue(&issuer, &[PourOutput { holder, amount: 1 }]).expect("issues");
		let id = NextClaimId::<T>::get() - 1;
		#[extrinsic_call]
		_(RawOrigin::Signed(issuer.clone()), id);
		assert_eq!(Claims::<T>::get(&issuer).len() as u32, T::MaxClaims::get() - 1);
	}

	#[benchmark]
	fn issue(o: Linear<1, { T::MaxOutputs::get() }>) {
		let issuer = funded::<T>("issuer", 0);
		let holder = funded::<T>("holder", 0);
		claims::<T>(&issuer, T::MaxClaims::get(), None);
		#[extrinsic_call]
		_(RawOrigin::Signed(issuer.clone()), outputs::<T>(&holder, o, 1_000));
		assert_eq!(Issuers::<T>::get(&issuer).map(|i| i.supply), Some(1_000 * o as Units));
	}

	/// A holder re-mints `i` coins into `o` coins for another holder.
	#[benchmark]
	fn remint(i: Linear<1, { T::MaxInputs::get() }>, o: Linear<1, { T::MaxOutputs::get() }>) {
		let issuer = funded::<T>("issuer", 0);
		let holder = funded::<T>("holder", 0);
		let to = funded::<T>("to", 0);
		let inputs = coins::<T>(&issuer, &holder, i, o as Units * 1_000);
		let total = i as Units * o as Units * 1_000;
		#[extrinsic_call]
		_(
			RawOrigin::Signed(holder.clone()),
			BoundedVec::truncate_from(inputs),
			outputs::<T>(&to, o, total / o as Units),
		);
		assert_eq!(Pallet::<T>::balance_of(&to, &issuer), total);
	}

	/// A holder pays part of `i` coins and keeps the change (two outputs); each coin's deposit
	/// goes back to a different account.
	#[benchmark]
	fn pay(i: Linear<1, { T::MaxInputs::get() }>) {
		let issuer = funded::<T>("issuer", 0);
		let holder = funded::<T>("holder", 0);
		let to = funded::<T>("to", 0);
		let inputs = coins::<T>(&issuer, &holder, i, 1_000);
		#[extrinsic_call]
		_(
			RawOrigin::Signed(holder.clone()),
			BoundedVec::truncate_from(inputs),
			T::Lookup::unlookup(to.clone()),
			1,
		);
		assert_eq!(Pallet::<T>::balance_of(&to, &issuer), 1);
	}

	/// `pay` from `i` coins whose deposits the holder paid itself: the refund nets against the
	/// new coins' deposits in the holder's own hold.
	#[benchmark]
	fn pay_own(i: Linear<1, { T::MaxInputs::get() }>) {
		let issuer = funded::<T>("issuer", 0);
		let holder = funded::<T>("holder", 0);
		let to = funded::<T>("to", 0);
		let inputs = own_coins::<T>(&issuer, &holder, i, 1_000);
		#[extrinsic_call]
		pay(
			RawOrigin::Signed(holder.clone()),
			BoundedVec::truncate_from(inputs),
			T::Lookup::unlookup(to.clone()),
			1,
		);
		assert_eq!(Pallet::<T>::balance_of(&to, &issuer), 1);
	}

	#[benchmark]
	fn destroy(i: Linear<1, { T::MaxInputs::get() }>) {
		let issuer = funded::<T>("issuer", 0);
		let holder = funded::<T>("holder", 0);
		let inputs = coins::<T>(&issuer, &holder, i, 1_000);
		#[extrinsic_call]
		_(RawOrigin::Signed(holder.clone()), BoundedVec::truncate_from(inputs));
		assert_eq!(Issuers::<T>::get(&issuer).map(|i| i.supply), Some(0));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
