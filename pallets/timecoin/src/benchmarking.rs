//! Benchmarks of every call (frame-benchmarking v2), each in its worst case.

use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{fungible::Mutate, Get},
	BoundedVec,
};
use frame_system::RawOrigin;
use sp_runtime::traits::{Bounded, StaticLookup};

use crate::{pallet::*, types::*, BenchmarkHelper};

const HOUR: Seconds = 3_600;
/// Every benchmark starts its clock here (Unix seconds).
const START: Seconds = 1_800_000_000;

fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	// Enough for any number of deposits, far from overflow.
	let amount = BalanceOf::<T>::max_value() / 1_000u32.into();
	T::Currency::set_balance(&who, amount);
	who
}

fn outputs<T: Config>(
	holder: &T::AccountId,
	n: u32,
	each: Seconds,
) -> Outputs<T::AccountId, T::MaxOutputs> {
	BoundedVec::truncate_from(
		(0..n).map(|_| PourOutput { holder: holder.clone(), amount: each }).collect(),
	)
}

/// `o` outputs for `to` that add up to `total`.
fn spread<T: Config>(
	to: &T::AccountId,
	o: u32,
	total: Seconds,
) -> Outputs<T::AccountId, T::MaxOutputs> {
	let each = total / o as Seconds;
	let mut outs = outputs::<T>(to, o, each);
	if let Some(last) = outs.last_mut() {
		last.amount = last.amount.saturating_add(total - each * o as Seconds);
	}
	outs
}

/// `issuer` declares the largest capacity and `holder` gets `n` coins of `each` seconds, each one
/// created (and its deposit paid) by a different account: spending them refunds `n` distinct
/// payers, the worst case a holder can build.
fn coins<T: Config>(
	issuer: &T::AccountId,
	holder: &T::AccountId,
	n: u32,
	each: Seconds,
) -> Vec<CoinId> {
	if Issuers::<T>::get(issuer).is_none() {
		Pallet::<T>::do_declare_capacity(issuer, MAX_CAPACITY).expect("declares");
	}
	(0..n)
		.map(|k| {
			let payer = funded::<T>("payer", k);
			let out = [PourOutput { holder: payer.clone(), amount: each }];
			let first =
				Pallet::<T>::do_pour(issuer, issuer, &[], &out, each, None, 0).expect("issues").0;
			let to_holder = [PourOutput { holder: holder.clone(), amount: each }];
			Pallet::<T>::do_pour(&payer, issuer, &first, &to_holder, 0, None, 0).expect("gives").0
				[0]
		})
		.collect()
}

/// `holder` gets `n` coins of `issuer` of `each` seconds whose deposits it paid itself (it
/// poured each one to itself, as the change of its own transfers is): spending them refunds
/// nobody else.
fn own_coins<T: Config>(
	issuer: &T::AccountId,
	holder: &T::AccountId,
	n: u32,
	each: Seconds,
) -> Vec<CoinId> {
	coins::<T>(issuer, holder, n, each)
		.into_iter()
		.map(|c| {
			let to_self = [PourOutput { holder: holder.clone(), amount: each }];
			Pallet::<T>::do_pour(holder, issuer, &[c], &to_self, 0, None, 0).expect("keeps").0[0]
		})
		.collect()
}

/// Fills `issuer`'s schedule with `s` one-hour appointments booked by other holders, starting
/// 100 hours after `START`, so a booking at `START + HOUR` lands in front of all of them.
fn fill_schedule<T: Config>(issuer: &T::AccountId, s: u32) {
	for k in 0..s {
		let holder = funded::<T>("filler", k);
		let c = coins::<T>(issuer, &holder, 1, HOUR);
		let begin = START + (100 + k as u64) * HOUR;
		Pallet::<T>::do_exercise(&holder, &c, begin, begin + HOUR).expect("books");
	}
}

/// Books one hour at `START + HOUR` for `holder` with `issuer`, after `s` other appointments.
fn booked<T: Config>(issuer: &T::AccountId, holder: &T::AccountId, s: u32) -> AppointmentId {
	fill_schedule::<T>(issuer, s);
	let c = coins::<T>(issuer, holder, 1, HOUR);
	Pallet::<T>::do_exercise(holder, &c, START + HOUR, START + 2 * HOUR).expect("books");
	NextAppointmentId::<T>::get() - 1
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn declare_capacity() {
		let issuer = funded::<T>("issuer", 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(issuer.clone()), 10 * HOUR);
		assert_eq!(Issuers::<T>::get(&issuer).map(|i| i.capacity), Some(10 * HOUR));
	}

	/// The issuer pours `i` of its coins (each from its own deposit payer) plus new time into
	/// `o` outputs: inputs spent, capacity updated, outputs created.
	#[benchmark]
	fn pour(i: Linear<0, { T::MaxInputs::get() }>, o: Linear<1, { T::MaxOutputs::get() }>) {
		T::BenchmarkHelper::set_time(START);
		let issuer = funded::<T>("issuer", 0);
		let inputs = coins::<T>(&issuer, &issuer, i, HOUR);
		let to = funded::<T>("to", 0);
		let time = o as Seconds;
		let outs = spread::<T>(&to, o, i as Seconds * HOUR + time);
		#[extrinsic_call]
		pour(
			RawOrigin::Signed(issuer.clone()),
			T::Lookup::unlookup(issuer.clone()),
			BoundedVec::truncate_from(inputs),
			outs,
			time,
			None,
		);
		assert_eq!(Holdings::<T>::iter_key_prefix((&issuer, &to)).count() as u32, o);
	}

	/// A holder pours `i` coins (each from its own deposit payer) into `o` outputs and books an
	/// hour in a schedule of `MaxOpenAppointments - 1`: a pour and a booking in one call, so
	/// the call is charged for both.
	#[benchmark]
	fn pour_booking(i: Linear<1, { T::MaxInputs::get() }>, o: Linear<1, { T::MaxOutputs::get() }>) {
		T::BenchmarkHelper::set_time(START);
		let issuer = funded::<T>("issuer", 0);
		let holder = funded::<T>("holder", 0);
		fill_schedule::<T>(&issuer, T::MaxOpenAppointments::get() - 1);
		// Two hours per input, so that an input's worth is left for the outputs after booking.
		let inputs = coins::<T>(&issuer, &holder, i, 2 * HOUR);
		let to = funded::<T>("to", 0);
		let outs = spread::<T>(&to, o, i as Seconds * 2 * HOUR - HOUR);
		#[extrinsic_call]
		pour(
			RawOrigin::Signed(holder.clone()),
			T::Lookup::unlookup(issuer.clone()),
			BoundedVec::truncate_from(inputs),
			outs,
			0,
			Some((START + HOUR, START + 2 * HOUR)),
		);
		assert_eq!(Schedules::<T>::get(&issuer).len() as u32, T::MaxOpenAppointments::get());
	}

	/// A holder gives part of `i` coins away and keeps the change (two outputs); each coin's
	/// deposit goes back to a different account.
	#[benchmark]
	fn transfer(i: Linear<1, { T::MaxInputs::get() }>) {
		T::BenchmarkHelper::set_time(START);
		let issuer = funded::<T>("issuer", 0);
		let holder = funded::<T>("holder", 0);
		let to = funded::<T>("to", 0);
		let inputs = coins::<T>(&issuer, &holder, i, HOUR);
		#[extrinsic_call]
		_(
			RawOrigin::Signed(holder.clone()),
			BoundedVec::truncate_from(inputs),
			T::Lookup::unlookup(to.clone()),
			1,
		);
		assert_eq!(Holdings::<T>::iter_key_prefix((&issuer, &to)).count(), 1);
	}

	/// `transfer` of `i` coins whose deposits the holder paid itself: the refund nets against
	/// the new coins' deposits in the holder's own hold.
	#[benchmark]
	fn transfer_own(i: Linear<1, { T::MaxInputs::get() }>) {
		T::BenchmarkHelper::set_time(START);
		let issuer = funded::<T>("issuer", 0);
		let holder = funded::<T>("holder", 0);
		let to = funded::<T>("to", 0);
		let inputs = own_coins::<T>(&issuer, &holder, i, HOUR);
		#[extrinsic_call]
		transfer(
			RawOrigin::Signed(holder.clone()),
			BoundedVec::truncate_from(inputs),
			T::Lookup::unlookup(to.clone()),
			1,
		);
		assert_eq!(Holdings::<T>::iter_key_prefix((&issuer, &to)).count(), 1);
	}

	/// A holder spends `i` coins for one hour of the issuer's time, with `s` appointments
	/// already booked (insertion into the schedule is linear in `s`).
	#[benchmark]
	fn exercise(
		i: Linear<1, { T::MaxInputs::get() }>,
		s: Linear<0, { T::MaxOpenAppointments::get() - 1 }>,
	) {
		T::BenchmarkHelper::set_time(START);
		let issuer = funded::<T>("issuer", 0);
		let holder = funded::<T>("holder", 0);
		fill_schedule::<T>(&issuer, s);
		let inputs = coins::<T>(&issuer, &holder, i, HOUR);
		#[extrinsic_call]
		_(
			RawOrigin::Signed(holder.clone()),
			BoundedVec::truncate_from(inputs),
			START + HOUR,
			START + 2 * HOUR,
		);
		assert_eq!(Schedules::<T>::get(&issuer).len() as u32, s + 1);
	}

	#[benchmark]
	fn cancel_appointment(s: Linear<1, { T::MaxOpenAppointments::get() }>) {
		T::BenchmarkHelper::set_time(START);
		let issuer = funded::<T>("issuer", 0);
		let holder = funded::<T>("holder", 0);
		let id = booked::<T>(&issuer, &holder, s - 1);
		#[extrinsic_call]
		_(RawOrigin::Signed(issuer.clone()), id);
		assert!(Appointments::<T>::get(id).is_none());
	}

	/// The second confirmation, which settles the appointment.
	#[benchmark]
	fn confirm(s: Linear<1, { T::MaxOpenAppointments::get() }>) {
		T::BenchmarkHelper::set_time(START);
		let issuer = funded::<T>("issuer", 0);
		let holder = funded::<T>("holder", 0);
		let id = booked::<T>(&issuer, &holder, s - 1);
		T::BenchmarkHelper::set_time(START + 2 * HOUR);
		Pallet::<T>::do_confirm(&holder, id).expect("holder confirms");
		#[extrinsic_call]
		_(RawOrigin::Signed(issuer.clone()), id);
		assert!(Appointments::<T>::get(id).is_none());
	}

	#[benchmark]
	fn report_no_show() {
		T::BenchmarkHelper::set_time(START);
		let issuer = funded::<T>("issuer", 0);
		let holder = funded::<T>("holder", 0);
		let id = booked::<T>(&issuer, &holder, 0);
		T::BenchmarkHelper::set_time(START + 2 * HOUR);
		#[extrinsic_call]
		_(RawOrigin::Signed(holder.clone()), id);
		assert!(matches!(
			Appointments::<T>::get(id).map(|a| a.status),
			Some(AppointmentStatus::NoShowReported { .. })
		));
	}

	/// Contesting settles the appointment, so it is linear in the schedule length too.
	#[benchmark]
	fn answer_no_show(s: Linear<1, { T::MaxOpenAppointments::get() }>) {
		T::BenchmarkHelper::set_time(START);
		let issuer = funded::<T>("issuer", 0);
		let holder = funded::<T>("holder", 0);
		let id = booked::<T>(&issuer, &holder, s - 1);
		T::BenchmarkHelper::set_time(START + 2 * HOUR);
		Pallet::<T>::do_report_no_show(&holder, id).expect("reports");
		#[extrinsic_call]
		_(RawOrigin::Signed(issuer.clone()), id);
		assert!(Appointments::<T>::get(id).is_none());
	}

	/// The costlier settlement: an unanswered no-show, refunded as a new coin.
	#[benchmark]
	fn settle(s: Linear<1, { T::MaxOpenAppointments::get() }>) {
		T::BenchmarkHelper::set_time(START);
		let issuer = funded::<T>("issuer", 0);
		let holder = funded::<T>("holder", 0);
		let caller = funded::<T>("caller", 0);
		let id = booked::<T>(&issuer, &holder, s - 1);
		T::BenchmarkHelper::set_time(START + 2 * HOUR);
		Pallet::<T>::do_report_no_show(&holder, id).expect("reports");
		T::BenchmarkHelper::set_time(
			(START + 2 * HOUR).saturating_add(T::AnswerWindow::get()).saturating_add(1),
		);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), id);
		assert_eq!(Issuers::<T>::get(&issuer).map(|i| i.no_shows), Some(1));
	}

	/// An issuer with a no-show on record retires: the record stays without deposit and its
	/// full history goes.
	#[benchmark]
	fn retire() {
		T::BenchmarkHelper::set_time(START);
		let issuer = funded::<T>("issuer", 0);
		let holder = funded::<T>("holder", 0);
		let id = booked::<T>(&issuer, &holder, 0);
		T::BenchmarkHelper::set_time(START + 2 * HOUR);
		Pallet::<T>::do_report_no_show(&holder, id).expect("reports");
		T::BenchmarkHelper::set_time(START + 3 * HOUR + T::AnswerWindow::get());
		Pallet::<T>::do_settle(id).expect("settles");
		// The refunded coin is exercised and kept, so nothing is outstanding.
		let coin = Holdings::<T>::iter_key_prefix((&issuer, &holder)).next().expect("refund");
		let begin = START + 4 * HOUR + T::AnswerWindow::get();
		Pallet::<T>::do_exercise(&holder, &[coin], begin, begin + HOUR).expect("books");
		let again = NextAppointmentId::<T>::get() - 1;
		T::BenchmarkHelper::set_time(begin + HOUR);
		Pallet::<T>::do_confirm(&holder, again).expect("confirms");
		Pallet::<T>::do_confirm(&issuer, again).expect("settles");
		#[extrinsic_call]
		_(RawOrigin::Signed(issuer.clone()));
		assert_eq!(Issuers::<T>::get(&issuer).map(|i| i.no_shows), Some(1));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
