//! Read-only queries behind the runtime API (`pallet-orgs-runtime-api`). Lists are paged by
//! `start_after` + `limit`; a cursor naming an item removed since still continues after it.

use alloc::vec::Vec;
use sp_core::H256;

use crate::{pallet::*, types::*};

/// Most items one page returns, whatever the caller asks.
pub const MAX_PAGE: u32 = 1000;

impl<T: Config> Pallet<T> {
	pub fn org(id: OrgId) -> Option<OrgOf<T>> {
		Orgs::<T>::get(id)
	}

	/// Organisations by id after `start_after`, at most `limit`.
	pub fn orgs(start_after: Option<OrgId>, limit: u32) -> Vec<(OrgId, OrgOf<T>)> {
		let iter = match start_after {
			Some(id) => Orgs::<T>::iter_from(Orgs::<T>::hashed_key_for(id)),
			None => Orgs::<T>::iter(),
		};
		iter.take(limit.min(MAX_PAGE) as usize).collect()
	}

	/// An organisation's members in storage order after `start_after`.
	pub fn members(
		org: OrgId,
		start_after: Option<T::AccountId>,
		limit: u32,
	) -> Vec<(T::AccountId, MembershipOf<T>)> {
		let iter = match start_after {
			Some(a) => Members::<T>::iter_prefix_from(org, Members::<T>::hashed_key_for(org, a)),
			None => Members::<T>::iter_prefix(org),
		};
		iter.take(limit.min(MAX_PAGE) as usize).collect()
	}

	/// The organisations `who` is in, with its role in each.
	pub fn orgs_of(
		who: T::AccountId,
		start_after: Option<OrgId>,
		limit: u32,
	) -> Vec<(OrgId, Role)> {
		let iter = match start_after {
			Some(id) => OrgsOf::<T>::iter_prefix_from(&who, OrgsOf::<T>::hashed_key_for(&who, id)),
			None => OrgsOf::<T>::iter_prefix(&who),
		};
		iter.take(limit.min(MAX_PAGE) as usize)
			.filter_map(|(org, ())| Self::role_of(org, &who).map(|r| (org, r)))
			.collect()
	}

	/// Join requests waiting in an organisation.
	pub fn requests(
		org: OrgId,
		start_after: Option<T::AccountId>,
		limit: u32,
	) -> Vec<(T::AccountId, JoinRequestOf<T>)> {
		let iter = match start_after {
			Some(a) => Requests::<T>::iter_prefix_from(org, Requests::<T>::hashed_key_for(org, a)),
			None => Requests::<T>::iter_prefix(org),
		};
		iter.take(limit.min(MAX_PAGE) as usize).collect()
	}

	/// Nodes registered under a cod.
	pub fn nodes(cod: OrgId, start_after: Option<NodeKey>, limit: u32) -> Vec<NodeOf<T>> {
		let iter = match start_after {
			Some(k) => Nodes::<T>::iter_prefix_from(cod, Nodes::<T>::hashed_key_for(cod, k)),
			None => Nodes::<T>::iter_prefix(cod),
		};
		iter.take(limit.min(MAX_PAGE) as usize).map(|(_, n)| n).collect()
	}

	/// A registered node by its id.
	pub fn node(id: H256) -> Option<NodeOf<T>> {
		let (cod, key) = NodeIds::<T>::get(id)?;
		Nodes::<T>::get(cod, key)
	}
}
