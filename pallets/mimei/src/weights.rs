//! Weights of `pallet_mimei`: replaced by `scripts/benchmark.sh pallet_mimei` before this
//! pallet joins the runtime.

#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use frame_support::{traits::Get, weights::Weight};

/// The weight of every call of `pallet_mimei`.
pub trait WeightInfo {
	fn create() -> Weight;
	fn add_version() -> Weight;
	fn set_pointer() -> Weight;
	fn release() -> Weight;
	fn set_access() -> Weight;
	fn add_ref() -> Weight;
	fn remove_ref() -> Weight;
	fn remove_version() -> Weight;
	fn remove_object() -> Weight;
}

/// Until generated: nothing. Tests only.
impl WeightInfo for () {
	fn create() -> Weight {
		Weight::zero()
	}
	fn add_version() -> Weight {
		Weight::zero()
	}
	fn set_pointer() -> Weight {
		Weight::zero()
	}
	fn release() -> Weight {
		Weight::zero()
	}
	fn set_access() -> Weight {
		Weight::zero()
	}
	fn add_ref() -> Weight {
		Weight::zero()
	}
	fn remove_ref() -> Weight {
		Weight::zero()
	}
	fn remove_version() -> Weight {
		Weight::zero()
	}
	fn remove_object() -> Weight {
		Weight::zero()
	}
}
