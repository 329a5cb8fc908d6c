//! Weights of `pallet_orgs`: replaced by `scripts/benchmark.sh pallet_orgs` before this pallet
//! joins the runtime.

#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use frame_support::{traits::Get, weights::Weight};

/// The weight of every call of `pallet_orgs`.
pub trait WeightInfo {
	fn create() -> Weight;
	fn set_info() -> Weight;
	fn request_join() -> Weight;
	fn decide_join() -> Weight;
	fn approve_join() -> Weight;
	fn set_role() -> Weight;
	fn remove_member() -> Weight;
	fn dissolve() -> Weight;
	fn set_rewards() -> Weight;
	fn set_cod_keys() -> Weight;
	fn register_node() -> Weight;
	fn deregister_node() -> Weight;
}

/// Until generated: nothing. Tests only.
impl WeightInfo for () {
	fn create() -> Weight {
		Weight::zero()
	}
	fn set_info() -> Weight {
		Weight::zero()
	}
	fn request_join() -> Weight {
		Weight::zero()
	}
	fn decide_join() -> Weight {
		Weight::zero()
	}
	fn approve_join() -> Weight {
		Weight::zero()
	}
	fn set_role() -> Weight {
		Weight::zero()
	}
	fn remove_member() -> Weight {
		Weight::zero()
	}
	fn dissolve() -> Weight {
		Weight::zero()
	}
	fn set_rewards() -> Weight {
		Weight::zero()
	}
	fn set_cod_keys() -> Weight {
		Weight::zero()
	}
	fn register_node() -> Weight {
		Weight::zero()
	}
	fn deregister_node() -> Weight {
		Weight::zero()
	}
}
