//! Read-only queries behind the runtime API (`pallet-mimei-runtime-api`). Called at a past
//! block, they answer from that block's state: an object's version or pointer then.

use alloc::vec::Vec;

use crate::{pallet::*, types::*, UpkeepContracts};

/// Most items one page returns, whatever the caller asks.
pub const MAX_PAGE: u32 = 1000;

impl<T: Config> Pallet<T> {
	/// An object, and whether the upkeep contract of its release is live now.
	pub fn object(id: ObjectId) -> Option<(ObjectOf<T>, bool)> {
		let o = Objects::<T>::get(id)?;
		let live = match &o.release {
			Some((_, Some(c))) => T::Upkeep::is_live(c, &o.author),
			_ => false,
		};
		Some((o, live))
	}

	/// The version `selector` names: a number, or what a pointer points to.
	pub fn resolve(id: ObjectId, selector: Selector) -> Option<(VersionNo, VersionOf<T>)> {
		let o = Objects::<T>::get(id)?;
		let n = match selector {
			Selector::Number(n) => n,
			Selector::Pointer(Pointer::Cur) => o.cur?,
			Selector::Pointer(Pointer::Last) => o.last?,
			Selector::Pointer(Pointer::Release) => o.release.map(|(v, _)| v)?,
		};
		Versions::<T>::get(id, n).map(|v| (n, v))
	}

	/// An object's versions after `start_after`, in storage order.
	pub fn versions(
		id: ObjectId,
		start_after: Option<VersionNo>,
		limit: u32,
	) -> Vec<(VersionNo, VersionOf<T>)> {
		let iter = match start_after {
			Some(n) => Versions::<T>::iter_prefix_from(id, Versions::<T>::hashed_key_for(id, n)),
			None => Versions::<T>::iter_prefix(id),
		};
		iter.take(limit.min(MAX_PAGE) as usize).collect()
	}

	/// Objects `id` refers to.
	pub fn refs_from(id: ObjectId, start_after: Option<ObjectId>, limit: u32) -> Vec<ObjectId> {
		let iter = match start_after {
			Some(o) => Refs::<T>::iter_key_prefix_from(id, Refs::<T>::hashed_key_for(id, o)),
			None => Refs::<T>::iter_key_prefix(id),
		};
		iter.take(limit.min(MAX_PAGE) as usize).collect()
	}

	/// Objects that refer to `id`.
	pub fn refs_to(id: ObjectId, start_after: Option<ObjectId>, limit: u32) -> Vec<ObjectId> {
		let iter = match start_after {
			Some(o) => RefsIn::<T>::iter_key_prefix_from(id, RefsIn::<T>::hashed_key_for(id, o)),
			None => RefsIn::<T>::iter_key_prefix(id),
		};
		iter.take(limit.min(MAX_PAGE) as usize).collect()
	}
}
