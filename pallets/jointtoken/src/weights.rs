//! Weights of `pallet_jointtoken`.
//!
//! PROVISIONAL: counted by hand from the storage each call touches, with generous execution
//! times, while the pallet is not yet in the runtime. `scripts/benchmark.sh` replaces this file
//! with measured weights when the pallet joins the runtime; nothing on chain uses these.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use frame_support::{traits::Get, weights::{constants::RocksDbWeight, Weight}};

/// The weight of every call and of the hook of `pallet_jointtoken`.
pub trait WeightInfo {
	fn create_kind(d: u32, s: u32, ) -> Weight;
	fn appoint_trustee() -> Weight;
	fn set_prices() -> Weight;
	fn submit_issue() -> Weight;
	fn submit_destroy(i: u32, ) -> Weight;
	fn submit_transfer(i: u32, o: u32, ) -> Weight;
	fn submit_exchange(o: u32, ) -> Weight;
	fn submit_alloc(o: u32, ) -> Weight;
	fn register_automatic(s: u32, ) -> Weight;
	fn buy() -> Weight;
	fn declare_ordinary() -> Weight;
	fn revoke_ordinary() -> Weight;
	fn pay_tutoring() -> Weight;
	fn open_presale() -> Weight;
	fn preorder() -> Weight;
	fn mark_delivered() -> Weight;
	fn confirm_delivery() -> Weight;
	fn settle_preorder() -> Weight;
	fn close_presale() -> Weight;
	fn apply_loan() -> Weight;
	fn fund_loan() -> Weight;
	fn repay() -> Weight;
	fn cancel_loan() -> Weight;
	fn close_entry() -> Weight;
	fn remove_kind() -> Weight;
	fn deregister_automatic() -> Weight;
	fn remove_mentor() -> Weight;
	fn forget_expired(n: u32, ) -> Weight;
	fn run_due(t: u32, b: u32, ) -> Weight;
}

/// The provisional weights, with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn create_kind(d: u32, s: u32, ) -> Weight {
		Weight::from_parts(20000000, 4000)
			.saturating_add(Weight::from_parts(2000, 3000).saturating_mul(d.into()))
			.saturating_add(Weight::from_parts(500000, 3000).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	fn appoint_trustee() -> Weight {
		Weight::from_parts(15000000, 4000)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn set_prices() -> Weight {
		Weight::from_parts(30000000, 4000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn submit_issue() -> Weight {
		Weight::from_parts(40000000, 4000)
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	fn submit_destroy(i: u32, ) -> Weight {
		Weight::from_parts(40000000, 4000)
			.saturating_add(Weight::from_parts(60000000, 3000).saturating_mul(i.into()))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(i.into())))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(i.into())))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	fn submit_transfer(i: u32, o: u32, ) -> Weight {
		Weight::from_parts(40000000, 4000)
			.saturating_add(Weight::from_parts(60000000, 3000).saturating_mul(i.into()))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(i.into())))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(i.into())))
			.saturating_add(Weight::from_parts(10000000, 3000).saturating_mul(o.into()))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(o.into())))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(o.into())))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	fn submit_exchange(o: u32, ) -> Weight {
		Weight::from_parts(160000000, 4000)
			.saturating_add(Weight::from_parts(10000000, 3000).saturating_mul(o.into()))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(o.into())))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(o.into())))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn submit_alloc(o: u32, ) -> Weight {
		Weight::from_parts(40000000, 4000)
			.saturating_add(Weight::from_parts(30000000, 3000).saturating_mul(o.into()))
			.saturating_add(T::DbWeight::get().reads((6_u64).saturating_mul(o.into())))
			.saturating_add(T::DbWeight::get().writes((6_u64).saturating_mul(o.into())))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	fn register_automatic(s: u32, ) -> Weight {
		Weight::from_parts(30000000, 4000)
			.saturating_add(Weight::from_parts(100000, 3000).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	fn buy() -> Weight {
		Weight::from_parts(150000000, 4000)
			.saturating_add(T::DbWeight::get().reads(14_u64))
			.saturating_add(T::DbWeight::get().writes(12_u64))
	}
	fn declare_ordinary() -> Weight {
		Weight::from_parts(30000000, 4000)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	fn revoke_ordinary() -> Weight {
		Weight::from_parts(30000000, 4000)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn pay_tutoring() -> Weight {
		Weight::from_parts(50000000, 4000)
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	fn open_presale() -> Weight {
		Weight::from_parts(40000000, 4000)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn preorder() -> Weight {
		Weight::from_parts(50000000, 4000)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn mark_delivered() -> Weight {
		Weight::from_parts(20000000, 4000)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn confirm_delivery() -> Weight {
		Weight::from_parts(50000000, 4000)
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	fn settle_preorder() -> Weight {
		Weight::from_parts(50000000, 4000)
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	fn close_presale() -> Weight {
		Weight::from_parts(40000000, 4000)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn apply_loan() -> Weight {
		Weight::from_parts(40000000, 4000)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	fn fund_loan() -> Weight {
		Weight::from_parts(50000000, 4000)
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	fn repay() -> Weight {
		Weight::from_parts(60000000, 4000)
			.saturating_add(T::DbWeight::get().reads(9_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	fn cancel_loan() -> Weight {
		Weight::from_parts(40000000, 4000)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	fn close_entry() -> Weight {
		Weight::from_parts(40000000, 4000)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn remove_kind() -> Weight {
		Weight::from_parts(40000000, 4000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn deregister_automatic() -> Weight {
		Weight::from_parts(30000000, 4000)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	fn remove_mentor() -> Weight {
		Weight::from_parts(30000000, 4000)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	fn forget_expired(n: u32, ) -> Weight {
		Weight::from_parts(3000000, 4000)
			.saturating_add(Weight::from_parts(1000000, 3000).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn run_due(t: u32, b: u32, ) -> Weight {
		Weight::from_parts(3000000, 4000)
			.saturating_add(Weight::from_parts(90000000, 3000).saturating_mul(t.into()))
			.saturating_add(T::DbWeight::get().reads((12_u64).saturating_mul(t.into())))
			.saturating_add(T::DbWeight::get().writes((10_u64).saturating_mul(t.into())))
			.saturating_add(Weight::from_parts(2000000, 3000).saturating_mul(b.into()))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(b.into())))
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
}

/// The same, with RocksDB weights, for tests.
impl WeightInfo for () {
	fn create_kind(d: u32, s: u32, ) -> Weight {
		Weight::from_parts(20000000, 4000)
			.saturating_add(Weight::from_parts(2000, 3000).saturating_mul(d.into()))
			.saturating_add(Weight::from_parts(500000, 3000).saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(s.into())))
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn appoint_trustee() -> Weight {
		Weight::from_parts(15000000, 4000)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn set_prices() -> Weight {
		Weight::from_parts(30000000, 4000)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn submit_issue() -> Weight {
		Weight::from_parts(40000000, 4000)
			.saturating_add(RocksDbWeight::get().reads(8_u64))
			.saturating_add(RocksDbWeight::get().writes(7_u64))
	}
	fn submit_destroy(i: u32, ) -> Weight {
		Weight::from_parts(40000000, 4000)
			.saturating_add(Weight::from_parts(60000000, 3000).saturating_mul(i.into()))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(i.into())))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(i.into())))
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn submit_transfer(i: u32, o: u32, ) -> Weight {
		Weight::from_parts(40000000, 4000)
			.saturating_add(Weight::from_parts(60000000, 3000).saturating_mul(i.into()))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(i.into())))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(i.into())))
			.saturating_add(Weight::from_parts(10000000, 3000).saturating_mul(o.into()))
			.saturating_add(RocksDbWeight::get().reads((3_u64).saturating_mul(o.into())))
			.saturating_add(RocksDbWeight::get().writes((3_u64).saturating_mul(o.into())))
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn submit_exchange(o: u32, ) -> Weight {
		Weight::from_parts(160000000, 4000)
			.saturating_add(Weight::from_parts(10000000, 3000).saturating_mul(o.into()))
			.saturating_add(RocksDbWeight::get().reads((3_u64).saturating_mul(o.into())))
			.saturating_add(RocksDbWeight::get().writes((3_u64).saturating_mul(o.into())))
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn submit_alloc(o: u32, ) -> Weight {
		Weight::from_parts(40000000, 4000)
			.saturating_add(Weight::from_parts(30000000, 3000).saturating_mul(o.into()))
			.saturating_add(RocksDbWeight::get().reads((6_u64).saturating_mul(o.into())))
			.saturating_add(RocksDbWeight::get().writes((6_u64).saturating_mul(o.into())))
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn register_automatic(s: u32, ) -> Weight {
		Weight::from_parts(30000000, 4000)
			.saturating_add(Weight::from_parts(100000, 3000).saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn buy() -> Weight {
		Weight::from_parts(150000000, 4000)
			.saturating_add(RocksDbWeight::get().reads(14_u64))
			.saturating_add(RocksDbWeight::get().writes(12_u64))
	}
	fn declare_ordinary() -> Weight {
		Weight::from_parts(30000000, 4000)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn revoke_ordinary() -> Weight {
		Weight::from_parts(30000000, 4000)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn pay_tutoring() -> Weight {
		Weight::from_parts(50000000, 4000)
			.saturating_add(RocksDbWeight::get().reads(7_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn open_presale() -> Weight {
		Weight::from_parts(40000000, 4000)
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn preorder() -> Weight {
		Weight::from_parts(50000000, 4000)
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn mark_delivered() -> Weight {
		Weight::from_parts(20000000, 4000)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn confirm_delivery() -> Weight {
		Weight::from_parts(50000000, 4000)
			.saturating_add(RocksDbWeight::get().reads(7_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn settle_preorder() -> Weight {
		Weight::from_parts(50000000, 4000)
			.saturating_add(RocksDbWeight::get().reads(7_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn close_presale() -> Weight {
		Weight::from_parts(40000000, 4000)
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn apply_loan() -> Weight {
		Weight::from_parts(40000000, 4000)
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn fund_loan() -> Weight {
		Weight::from_parts(50000000, 4000)
			.saturating_add(RocksDbWeight::get().reads(7_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn repay() -> Weight {
		Weight::from_parts(60000000, 4000)
			.saturating_add(RocksDbWeight::get().reads(9_u64))
			.saturating_add(RocksDbWeight::get().writes(8_u64))
	}
	fn cancel_loan() -> Weight {
		Weight::from_parts(40000000, 4000)
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn close_entry() -> Weight {
		Weight::from_parts(40000000, 4000)
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn remove_kind() -> Weight {
		Weight::from_parts(40000000, 4000)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn deregister_automatic() -> Weight {
		Weight::from_parts(30000000, 4000)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn remove_mentor() -> Weight {
		Weight::from_parts(30000000, 4000)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn forget_expired(n: u32, ) -> Weight {
		Weight::from_parts(3000000, 4000)
			.saturating_add(Weight::from_parts(1000000, 3000).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn run_due(t: u32, b: u32, ) -> Weight {
		Weight::from_parts(3000000, 4000)
			.saturating_add(Weight::from_parts(90000000, 3000).saturating_mul(t.into()))
			.saturating_add(RocksDbWeight::get().reads((12_u64).saturating_mul(t.into())))
			.saturating_add(RocksDbWeight::get().writes((10_u64).saturating_mul(t.into())))
			.saturating_add(Weight::from_parts(2000000, 3000).saturating_mul(b.into()))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(b.into())))
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
}
