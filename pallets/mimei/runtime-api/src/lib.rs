//! Runtime API of `pallet-mimei`. Called at a past block's hash, it answers from that block's
//! state: what an object's pointer named then.

#![cfg_attr(not(feature = "std"), no_std)]
// `decl_runtime_apis!` repeats the trait's generic bounds on every method it generates.
#![allow(clippy::multiple_bound_locations)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;
pub use pallet_mimei::types::{ObjectId, Pointer, Selector, VersionNo};

sp_api::decl_runtime_apis! {
	/// Queries over MiMei objects. `Object` and `Version` are the runtime's instances of the
	/// pallet's types. Lists are paged by `start_after` and `limit` (at most 1000).
	pub trait MiMeiApi<AccountId: Codec, Object: Codec, Version: Codec> {
		/// An object, and whether the upkeep contract of its release is live.
		fn object(id: ObjectId) -> Option<(Object, bool)>;
		/// The id of `(author, app_type, ext, mark)`.
		fn object_id(author: AccountId, app_type: Vec<u8>, ext: Vec<u8>, mark: Vec<u8>) -> ObjectId;
		/// The version a number or a pointer names.
		fn resolve(id: ObjectId, selector: Selector) -> Option<(VersionNo, Version)>;
		fn versions(id: ObjectId, start_after: Option<VersionNo>, limit: u32) -> Vec<(VersionNo, Version)>;
		/// Objects an object refers to.
		fn refs_from(id: ObjectId, start_after: Option<ObjectId>, limit: u32) -> Vec<ObjectId>;
		/// Objects that refer to an object.
		fn refs_to(id: ObjectId, start_after: Option<ObjectId>, limit: u32) -> Vec<ObjectId>;
	}
}
