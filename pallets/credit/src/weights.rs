//! Weights of `pallet_credit`: replaced by `scripts/benchmark.sh pallet_credit` before this
//! pallet joins the runtime.

#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use frame_support::{traits::Get, weights::Weight};

/// The weight of every call of `pallet_credit`.
pub trait WeightInfo {
	fn propose_line() -> Weight;
	fn accept_line() -> Weight;
	fn drop_proposal() -> Weight;
	fn set_terms() -> Weight;
	fn revoke_line() -> Weight;
	fn close_line() -> Weight;
	fn issue_iou() -> Weight;
	fn submit_iou() -> Weight;
	fn accept_repayment() -> Weight;
	fn pay(h: u32) -> Weight;
	fn net(e: u32) -> Weight;
	fn set_role_limit() -> Weight;
	fn open_org_line() -> Weight;
}

/// Until generated: nothing. Tests only.
impl WeightInfo for () {
	fn propose_line() -> Weight {
		Weight::zero()
	}
	fn accept_line() -> Weight {
		Weight::zero()
	}
	fn drop_proposal() -> Weight {
		Weight::zero()
	}
	fn set_terms() -> Weight {
		Weight::zero()
	}
	fn revoke_line() -> Weight {
		Weight::zero()
	}
	fn close_line() -> Weight {
		Weight::zero()
	}
	fn issue_iou() -> Weight {
		Weight::zero()
	}
	fn submit_iou() -> Weight {
		Weight::zero()
	}
	fn accept_repayment() -> Weight {
		Weight::zero()
	}
	fn pay(_h: u32) -> Weight {
		Weight::zero()
	}
	fn net(_e: u32) -> Weight {
		Weight::zero()
	}
	fn set_role_limit() -> Weight {
		Weight::zero()
	}
	fn open_org_line() -> Weight {
		Weight::zero()
	}
}
