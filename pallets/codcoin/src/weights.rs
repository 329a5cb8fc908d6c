//! Weights of `pallet-codcoin`.
//!
//! PROVISIONAL: replaced by `scripts/benchmark.sh codcoin` output before this pallet ships.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use frame_support::{traits::Get, weights::Weight};

/// Weight functions needed by `pallet-codcoin`.
pub trait WeightInfo {
	fn declare_claim() -> Weight;
	fn attest_claim() -> Weight;
	fn retire_claim() -> Weight;
	fn issue(o: u32) -> Weight;
	fn remint(i: u32, o: u32) -> Weight;
	fn destroy(i: u32) -> Weight;
}

impl WeightInfo for () {
	fn declare_claim() -> Weight { Weight::zero() }
	fn attest_claim() -> Weight { Weight::zero() }
	fn retire_claim() -> Weight { Weight::zero() }
	fn issue(_o: u32) -> Weight { Weight::zero() }
	fn remint(_i: u32, _o: u32) -> Weight { Weight::zero() }
	fn destroy(_i: u32) -> Weight { Weight::zero() }
}
