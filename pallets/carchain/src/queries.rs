//! Read-only queries behind the runtime API (`pallet-carchain-runtime-api`). Lists are paged
//! by `start_after` + `limit`; a cursor naming an item removed since still continues after it.

use alloc::vec::Vec;
use frame_support::BoundedVec;

use crate::{pallet::*, types::*};

/// Most items one page returns, whatever the caller asks.
pub const MAX_PAGE: u32 = 1000;

/// A device with its vid, as lists return it.
pub type DeviceEntryOf<T> = (Vec<u8>, DeviceOf<T>);
/// A usage request with its cohort.
pub type RequestInfoOf<T> = (RequestOf<T>, Vec<ContributionOf<T>>);

impl<T: Config> Pallet<T> {
	pub fn device(vid: Vec<u8>) -> Option<DeviceOf<T>> {
		let vid: VidOf<T> = BoundedVec::try_from(vid).ok()?;
		Devices::<T>::get(vid)
	}

	/// `owner`'s devices in storage order after the vid `start_after`, at most `limit`.
	pub fn devices_of(
		owner: T::AccountId,
		start_after: Option<Vec<u8>>,
		limit: u32,
	) -> Vec<DeviceEntryOf<T>> {
		let start = start_after.and_then(|v| VidOf::<T>::try_from(v).ok());
		let iter = match start {
			Some(vid) => DevicesOf::<T>::iter_prefix_from(
				&owner,
				DevicesOf::<T>::hashed_key_for(&owner, vid),
			),
			None => DevicesOf::<T>::iter_prefix(&owner),
		};
		iter.take(limit.min(MAX_PAGE) as usize)
			.filter_map(|(vid, ())| Devices::<T>::get(&vid).map(|d| (vid.into_inner(), d)))
			.collect()
	}

	pub fn record(id: RecordId) -> Option<RecordOf<T>> {
		Records::<T>::get(id)
	}

	/// A record's grants in storage order after `start_after`, at most `limit`.
	pub fn grants_of(
		record: RecordId,
		start_after: Option<T::AccountId>,
		limit: u32,
	) -> Vec<(T::AccountId, GrantOf<T>)> {
		let iter = match start_after {
			Some(a) => {
				Grants::<T>::iter_prefix_from(record, Grants::<T>::hashed_key_for(record, a))
			},
			None => Grants::<T>::iter_prefix(record),
		};
		iter.take(limit.min(MAX_PAGE) as usize).collect()
	}

	/// A record's standing purchase offers in storage order after `start_after`.
	pub fn purchases_of(
		record: RecordId,
		start_after: Option<T::AccountId>,
		limit: u32,
	) -> Vec<(T::AccountId, PurchaseOf<T>)> {
		let iter = match start_after {
			Some(a) => {
				Purchases::<T>::iter_prefix_from(record, Purchases::<T>::hashed_key_for(record, a))
			},
			None => Purchases::<T>::iter_prefix(record),
		};
		iter.take(limit.min(MAX_PAGE) as usize).collect()
	}

	pub fn is_agent(who: T::AccountId) -> bool {
		Agents::<T>::contains_key(who)
	}

	/// A provider's registration deposit and computation count.
	pub fn provider(who: T::AccountId) -> Option<(BalanceOf<T>, u32)> {
		Providers::<T>::get(who)
	}

	pub fn computation(id: ComputationId) -> Option<ComputationOf<T>> {
		Computations::<T>::get(id)
	}

	pub fn request(id: RequestId) -> Option<RequestInfoOf<T>> {
		let r = Requests::<T>::get(id)?;
		Some((r, Cohorts::<T>::get(id).into_inner()))
	}

	/// A request's approved records with their value keys wrapped for the executor, in
	/// storage order after `start_after`.
	pub fn approved_keys(
		request: RequestId,
		start_after: Option<RecordId>,
		limit: u32,
	) -> Vec<(RecordId, Vec<u8>)> {
		let iter = match start_after {
			Some(r) => ApprovedKeys::<T>::iter_prefix_from(
				request,
				ApprovedKeys::<T>::hashed_key_for(request, r),
			),
			None => ApprovedKeys::<T>::iter_prefix(request),
		};
		iter.take(limit.min(MAX_PAGE) as usize).map(|(r, k)| (r, k.into_inner())).collect()
	}

	/// A done request's result, encrypted to the requester.
	pub fn result(id: RequestId) -> Option<Vec<u8>> {
		Results::<T>::get(id).map(|r| r.into_inner())
	}

	/// The record id of `(address, key)`.
	pub fn record_id_of(address: T::AccountId, key: Vec<u8>) -> RecordId {
		record_id(&address, &key)
	}
}
