//! Weights of `pallet-timecoin`.
//!
//! PROVISIONAL: replaced by `scripts/benchmark.sh timecoin` output before this pallet ships.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use frame_support::{traits::Get, weights::Weight};

/// Weight functions needed by `pallet-timecoin`.
pub trait WeightInfo {
	fn declare_capacity() -> Weight;
	fn pour(i: u32, o: u32) -> Weight;
	fn transfer(i: u32) -> Weight;
	fn exercise(i: u32, s: u32) -> Weight;
	fn cancel_appointment(s: u32) -> Weight;
	fn confirm(s: u32) -> Weight;
	fn report_no_show() -> Weight;
	fn answer_no_show(s: u32) -> Weight;
	fn settle(s: u32) -> Weight;
}

pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn declare_capacity() -> Weight { Weight::zero() }
	fn pour(_i: u32, _o: u32) -> Weight { Weight::zero() }
	fn transfer(_i: u32) -> Weight { Weight::zero() }
	fn exercise(_i: u32, _s: u32) -> Weight { Weight::zero() }
	fn cancel_appointment(_s: u32) -> Weight { Weight::zero() }
	fn confirm(_s: u32) -> Weight { Weight::zero() }
	fn report_no_show() -> Weight { Weight::zero() }
	fn answer_no_show(_s: u32) -> Weight { Weight::zero() }
	fn settle(_s: u32) -> Weight { Weight::zero() }
}

impl WeightInfo for () {
	fn declare_capacity() -> Weight { Weight::zero() }
	fn pour(_i: u32, _o: u32) -> Weight { Weight::zero() }
	fn transfer(_i: u32) -> Weight { Weight::zero() }
	fn exercise(_i: u32, _s: u32) -> Weight { Weight::zero() }
	fn cancel_appointment(_s: u32) -> Weight { Weight::zero() }
	fn confirm(_s: u32) -> Weight { Weight::zero() }
	fn report_no_show() -> Weight { Weight::zero() }
	fn answer_no_show(_s: u32) -> Weight { Weight::zero() }
	fn settle(_s: u32) -> Weight { Weight::zero() }
}
