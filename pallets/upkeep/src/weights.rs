//! PROVISIONAL: replaced by `scripts/benchmark.sh upkeep` before this pallet lands.

#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use frame_support::{traits::Get, weights::Weight};

/// The weight of every call of `pallet_upkeep`.
pub trait WeightInfo {
	fn create(k: u32, p: u32) -> Weight;
	fn top_up() -> Weight;
	fn change_members(k: u32, p: u32) -> Weight;
	fn close() -> Weight;
	fn finish() -> Weight;
	fn pay(k: u32) -> Weight;
	fn declare_maintenance() -> Weight;
}

pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn create(_k: u32, _p: u32) -> Weight {
		Weight::zero()
	}
	fn top_up() -> Weight {
		Weight::zero()
	}
	fn change_members(_k: u32, _p: u32) -> Weight {
		Weight::zero()
	}
	fn close() -> Weight {
		Weight::zero()
	}
	fn finish() -> Weight {
		Weight::zero()
	}
	fn pay(_k: u32) -> Weight {
		Weight::zero()
	}
	fn declare_maintenance() -> Weight {
		Weight::zero()
	}
}
impl WeightInfo for () {
	fn create(_k: u32, _p: u32) -> Weight {
		Weight::zero()
	}
	fn top_up() -> Weight {
		Weight::zero()
	}
	fn change_members(_k: u32, _p: u32) -> Weight {
		Weight::zero()
	}
	fn close() -> Weight {
		Weight::zero()
	}
	fn finish() -> Weight {
		Weight::zero()
	}
	fn pay(_k: u32) -> Weight {
		Weight::zero()
	}
	fn declare_maintenance() -> Weight {
		Weight::zero()
	}
}
